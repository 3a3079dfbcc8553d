#include "core/quota/concurrencylimiter.h"

namespace Tenantry::Quota {

std::optional<ConcurrencyLimiter::Permit> ConcurrencyLimiter::tryAcquire(qint64 limit)
{
    qint64 current = m_inFlight.load(std::memory_order_relaxed);
    do {
        if (current >= limit)
            return std::nullopt;
    } while (!m_inFlight.compare_exchange_weak(current, current + 1, std::memory_order_acquire,
                                               std::memory_order_relaxed));
    return Permit(this);
}

} // namespace Tenantry::Quota
