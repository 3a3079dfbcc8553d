#pragma once

#include "core/base/result.h"

#include <QtGlobal>

namespace Tenantry::Quota {

// The largest value any count limit may take, and the largest burst.
constexpr qint64 kMaxLimit = 1'000'000'000'000;
constexpr qint64 kMaxBurst = 1'000'000;
// Rates from one unit per 1,000 s to one per microsecond.
constexpr double kMinRatePerSecond = 0.001;
constexpr double kMaxRatePerSecond = 1'000'000;

// What one tenant may use. 0 in any field means that dimension is unlimited (a burst of 0
// means one second's worth of the rate, at least 1). Plain data: copy freely.
struct Limits {
    qint64 apiCallsPerDay = 0;
    qint64 apiCallsPerMonth = 0;
    double ratePerSecond = 0;
    qint64 burst = 0;
    qint64 maxConcurrent = 0;

    // Ok, or Invalid "invalid-quota-limits" with one field error per bad field (named as in
    // plans: api_calls_per_day, api_calls_per_month, rate_per_second, burst,
    // max_concurrent): negative, not finite, over kMaxLimit, a rate outside
    // [kMinRatePerSecond, kMaxRatePerSecond], a burst over kMaxBurst or set without a rate.
    Status validate() const;

    // The burst the rate limiter uses: `burst`, or one second's worth of the rate.
    qint64 effectiveBurst() const;
};

} // namespace Tenantry::Quota
