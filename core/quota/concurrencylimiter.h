#pragma once

#include <QtGlobal>

#include <atomic>
#include <optional>

namespace Tenantry::Quota {

// Counts the requests of one key that are in flight and refuses one more past a limit.
// Lock-free and thread-safe; exact under concurrency (never more than the limit hold
// permits at once). The limiter must outlive its permits.
class ConcurrencyLimiter final
{
public:
    // One admitted in-flight request; releases its place when destroyed or released.
    // Move-only.
    class Permit final
    {
    public:
        Permit(Permit &&other) noexcept;
        Permit &operator=(Permit &&other) noexcept;
        Permit(const Permit &) = delete;
        Permit &operator=(const Permit &) = delete;
        ~Permit();

        // Gives the place back now; later calls and the destructor do nothing.
        void release();

    private:
        friend class ConcurrencyLimiter;
        explicit Permit(ConcurrencyLimiter *owner) : m_owner(owner) {}
        ConcurrencyLimiter *m_owner = nullptr;
    };

    // A permit when fewer than `limit` (>= 1) requests are in flight, otherwise nothing.
    std::optional<Permit> tryAcquire(qint64 limit);

    qint64 inFlight() const { return m_inFlight.load(std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_inFlight{0};
};

} // namespace Tenantry::Quota
