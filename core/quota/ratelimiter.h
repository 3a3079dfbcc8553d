#pragma once

#include <QtGlobal>

#include <atomic>

namespace Tenantry::Quota {

// What one RateLimiter::admit decided, in microseconds. `retryAfterUs` is 0 when admitted,
// otherwise how long until the same request would pass (a request costing more than the
// burst never does; its retryAfterUs is the time to a full burst, at least one unit's
// interval). `remaining` is how many cost-1 requests would pass right now after this
// decision, `resetUs` how long until the limiter is back to a full burst.
struct RateDecision {
    bool admitted = false;
    qint64 retryAfterUs = 0;
    qint64 remaining = 0;
    qint64 resetUs = 0;
};

// A request rate limit for one key by the generic cell rate algorithm: one atomic
// theoretical arrival time (TAT), in microseconds. A request of `cost` units advances it by
// cost / rate seconds and passes when the advanced TAT is at most `burst` units' worth ahead
// of now. So up to `burst` units pass at once, then `rate` per second, and over any interval
// of length t at most burst + rate * t units pass: no doubling at window edges as with fixed
// windows. Lock-free and thread-safe (compare-and-swap loop); exact under concurrency.
class RateLimiter final
{
public:
    // Takes `cost` (>= 1) units at `nowUs` under `ratePerSecond` (> 0) with `burst` (>= 1)
    // units of tolerance. Callers pass validated values (see Limits::validate).
    RateDecision admit(qint64 nowUs, qint64 cost, double ratePerSecond, qint64 burst);

    // Gives back what admit() with the same arguments took, for a request that did not go
    // ahead after all. The limiter ends where it would have been without that request
    // (or, when the TAT has since fallen behind now, no stricter than that).
    void refund(qint64 cost, double ratePerSecond);

    // What admit() would report as `remaining` and `resetUs` at `nowUs`, taking nothing.
    RateDecision peek(qint64 nowUs, double ratePerSecond, qint64 burst) const;

private:
    std::atomic<qint64> m_theoreticalArrivalUs{0};
};

// The microseconds one unit costs at `ratePerSecond` (at least 1): 10^6 / rate rounded half
// away from zero, as std::llround would (written out because llround is a library call on
// every request; x - trunc(x) is exact, so the result is the same).
inline qint64 emissionIntervalUs(double ratePerSecond)
{
    const double exact = 1e6 / ratePerSecond;
    qint64 whole = qint64(exact);
    if (exact - double(whole) >= 0.5)
        ++whole;
    return whole < 1 ? 1 : whole;
}

} // namespace Tenantry::Quota
