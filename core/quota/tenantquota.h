#pragma once

#include "core/quota/concurrencylimiter.h"
#include "core/quota/ratelimiter.h"
#include "core/quota/windowcounter.h"

#include <atomic>

namespace Tenantry::Quota {

// One tenant's counters, on their own cache line so neighbouring tenants do not slow each
// other's compare-and-swaps down. Owned by a QuotaTable; never moved.
struct alignas(64) TenantQuota {
    WindowCounter day;
    WindowCounter month;
    RateLimiter rate;
    ConcurrencyLimiter inFlight;
    std::atomic<qint64> storageBytes{0}; // the latest measurement of the tenant's data
};

} // namespace Tenantry::Quota
