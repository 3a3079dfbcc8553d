#pragma once

#include <QtGlobal>

#include <array>

namespace Tenantry::Quota {

// The percentages of a limit at which a tenant is alerted, ascending.
constexpr std::array<int, 4> kAlertThresholds{80, 90, 95, 100};

// The usage at which `threshold` percent of `limit` is reached: ceil(limit * threshold / 100),
// in integers (exact for every qint64 limit, no overflow). `limit` must be >= 1 and
// `threshold` in 0..100.
qint64 thresholdUsage(qint64 limit, int threshold);

// The highest threshold t of kAlertThresholds that usage moving from `before` to `after`
// crossed, i.e. before < thresholdUsage(limit, t) <= after; 0 when none was crossed (also
// when `after` <= `before` or `limit` < 1). Lower thresholds jumped over in the same step
// are implied: every threshold up to the returned one has been reached.
int highestCrossed(qint64 before, qint64 after, qint64 limit);

} // namespace Tenantry::Quota
