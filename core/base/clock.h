#pragma once

#include <QDateTime>

#include <atomic>

namespace Tenantry {

// The source of "now" for everything in core, so tests can move time instead of sleeping.
// Implementations must be thread-safe.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

// Wall-clock time in UTC.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start) : m_msecs(start.toMSecsSinceEpoch()) {}
    QDateTime now() const override
    {
        return QDateTime::fromMSecsSinceEpoch(m_msecs.load(), Qt::UTC);
    }
    void set(const QDateTime &to) { m_msecs.store(to.toMSecsSinceEpoch()); }
    void advanceSeconds(qint64 seconds) { m_msecs.fetch_add(seconds * 1000); }

private:
    std::atomic<qint64> m_msecs;
};

} // namespace Tenantry
