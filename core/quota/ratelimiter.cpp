#include "core/quota/ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace Tenantry::Quota {
namespace {

constexpr qint64 kStaleSlackUs = 1'000'000;

// a / b for a >= 0, b > 0. Nearly always both fit 32 bits (a is at most a burst's worth of
// microseconds), and a 32-bit division is several times faster than a 64-bit one on the
// request path.
qint64 quotient(qint64 a, qint64 b)
{
    if (((a | b) >> 32) == 0)
        return qint64(quint32(a) / quint32(b));
    return a / b;
}

} // namespace

RateDecision RateLimiter::admit(qint64 nowUs, qint64 cost, double ratePerSecond, qint64 burst)
{
    const qint64 interval = emissionIntervalUs(ratePerSecond);
    if (cost > burst) {
        // Never admissible; also keeps cost * interval below overflow (burst <= 10^6).
        RateDecision refused = peek(nowUs, ratePerSecond, burst);
        refused.retryAfterUs = std::max(refused.resetUs, interval);
        return refused;
    }
    const qint64 increment = cost * interval;
    const qint64 tolerance = burst * interval;
    qint64 tat = m_theoreticalArrivalUs.load(std::memory_order_relaxed);
    for (;;) {
        // Under the same rate and burst the TAT never runs more than the tolerance ahead of
        // now. Further ahead (beyond a second's slack for callers whose clocks lag) it was
        // left by stricter limits that have since been raised: the debt is forgiven and the
        // tenant starts with a full burst at the new limits, as an operator raising them expects.
        const qint64 debtFree = tat > nowUs + tolerance + kStaleSlackUs ? nowUs : tat;
        const qint64 base = std::max(debtFree, nowUs);
        const qint64 next = base + increment;
        const qint64 allowAt = next - tolerance;
        if (nowUs < allowAt) {
            RateDecision refused;
            refused.retryAfterUs = allowAt - nowUs;
            refused.remaining = std::max<qint64>(0, (nowUs + tolerance - base) / interval);
            refused.resetUs = base - nowUs;
            return refused;
        }
        if (m_theoreticalArrivalUs.compare_exchange_weak(tat, next, std::memory_order_acq_rel,
                                                         std::memory_order_relaxed)) {
            RateDecision admitted;
            admitted.admitted = true;
            admitted.remaining = quotient(nowUs + tolerance - next, interval);
            admitted.resetUs = next - nowUs;
            return admitted;
        }
    }
}

void RateLimiter::refund(qint64 cost, double ratePerSecond)
{
    m_theoreticalArrivalUs.fetch_sub(cost * emissionIntervalUs(ratePerSecond),
                                     std::memory_order_acq_rel);
}

RateDecision RateLimiter::peek(qint64 nowUs, double ratePerSecond, qint64 burst) const
{
    const qint64 interval = emissionIntervalUs(ratePerSecond);
    const qint64 base = std::max(m_theoreticalArrivalUs.load(std::memory_order_acquire), nowUs);
    RateDecision view;
    view.remaining = std::max<qint64>(0, (nowUs + burst * interval - base) / interval);
    view.resetUs = base - nowUs;
    return view;
}

} // namespace Tenantry::Quota
