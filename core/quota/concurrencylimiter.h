#pragma once

#include <QtGlobal>

#include <atomic>
#include <optional>
#include <utility>

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
        // Inline: every admitted request moves and releases one.
        Permit(Permit &&other) noexcept : m_owner(std::exchange(other.m_owner, nullptr)) {}
        Permit &operator=(Permit &&other) noexcept
        {
            if (this != &other) {
                release();
                m_owner = std::exchange(other.m_owner, nullptr);
            }
            return *this;
        }
        Permit(const Permit &) = delete;
        Permit &operator=(const Permit &) = delete;
        ~Permit() { release(); }

        // Gives the place back now; later calls and the destructor do nothing.
        void release()
        {
            if (ConcurrencyLimiter *owner = std::exchange(m_owner, nullptr))
                owner->m_inFlight.fetch_sub(1, std::memory_order_release);
        }

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
