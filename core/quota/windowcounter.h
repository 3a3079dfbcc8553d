#pragma once

#include <QtGlobal>

#include <atomic>
#include <cstdint>

namespace Tenantry::Quota {

// The largest count a WindowCounter holds, and so the largest usable window limit.
constexpr qint64 kMaxWindowCount = (qint64(1) << 40) - 1;

// What one WindowCounter::admit decided. `used` and `remaining` are this window's, after
// the request when it was admitted and as they stand when it was refused.
struct CounterDecision {
    bool admitted = false;
    qint64 used = 0;
    qint64 remaining = 0;
};

// An exact count of units used in the current calendar window of one key. The window index
// and the count share one 64-bit atomic (index in the top 24 bits, count in the low 40), so
// moving to a new window and counting the first request there is one compare-and-swap:
// however many threads call admit(), a window never admits more than its limit. Lock-free
// and thread-safe. Window indices are compared modulo 2^24 (45,000 years of days).
class WindowCounter final
{
public:
    // Takes `cost` units in window `windowIndex` if that keeps the window at or under
    // `limit` (1..kMaxWindowCount; cost >= 1). A window index newer than the stored one
    // starts a fresh count. A request carrying an older index than the stored one (a
    // caller whose clock lags at the boundary) counts against the stored, newer window:
    // never more than the limit anywhere.
    CounterDecision admit(qint64 windowIndex, qint64 cost, qint64 limit);

    // Gives back `cost` units taken by an admit() in window `windowIndex`, for a request
    // that ends up not counting. Does nothing once the counter has moved to another
    // window (that window's count owes the request nothing); never goes below zero.
    void refund(qint64 windowIndex, qint64 cost);

    // Units used in window `windowIndex` (0 when the counter holds another window).
    qint64 used(qint64 windowIndex) const;

private:
    std::atomic<std::uint64_t> m_state{0};
};

} // namespace Tenantry::Quota
