#include "core/quota/concurrencylimiter.h"

#include <utility>

namespace Tenantry::Quota {

ConcurrencyLimiter::Permit::Permit(Permit &&other) noexcept
    : m_owner(std::exchange(other.m_owner, nullptr))
{
}

ConcurrencyLimiter::Permit &ConcurrencyLimiter::Permit::operator=(Permit &&other) noexcept
{
    if (this != &other) {
        release();
        m_owner = std::exchange(other.m_owner, nullptr);
    }
    return *this;
}

ConcurrencyLimiter::Permit::~Permit()
{
    release();
}

void ConcurrencyLimiter::Permit::release()
{
    if (ConcurrencyLimiter *owner = std::exchange(m_owner, nullptr))
        owner->m_inFlight.fetch_sub(1, std::memory_order_release);
}

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
