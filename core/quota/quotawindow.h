#pragma once

#include <QTimeZone>
#include <QtGlobal>

#include <array>
#include <atomic>
#include <mutex>

namespace Tenantry::Quota {

// The calendar period a usage quota counts in.
enum class WindowKind { Day, Month };

// One calendar window as UTC milliseconds, [startMs, endMs). `index` numbers the windows of a
// kind in their time zone (days since 1970-01-01, or months since January 1970, both counted
// in local dates), so two instants share a window exactly when they share an index.
struct QuotaWindow {
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 index = 0;
};

// The window of `kind` containing the instant `nowMs` (UTC milliseconds) in `zone`: a local
// day from its first instant (local midnight, or the end of a DST gap that swallows
// midnight) to the next day's, so DST days last 23 or 25 hours; a local month from the 1st
// to the 1st. An invalid zone counts as UTC. Calls QTimeZone, which is slow and not safe
// to share between threads: the request path uses WindowClock instead.
QuotaWindow windowAt(WindowKind kind, qint64 nowMs, const QTimeZone &zone);

// The windows of one time zone for the request path. Caches the current day and month and
// only recomputes (with windowAt, under a mutex) when an instant falls outside them, so an
// admit check normally costs a few atomic loads. Thread-safe; not copyable. An instant
// before the cached window (a caller whose clock lags) is answered correctly but not cached.
class WindowClock final
{
public:
    explicit WindowClock(const QTimeZone &zone);
    WindowClock(const WindowClock &) = delete;
    WindowClock &operator=(const WindowClock &) = delete;

    QuotaWindow window(WindowKind kind, qint64 nowMs) const;
    QTimeZone zone() const;

private:
    // A seqlock: readers retry-free, a torn read is detected and sent to the slow path.
    struct Cache {
        std::atomic<quint64> sequence{0};
        std::atomic<qint64> startMs{0};
        std::atomic<qint64> endMs{0};
        std::atomic<qint64> index{0};
    };

    QuotaWindow recompute(WindowKind kind, qint64 nowMs) const;

    mutable std::mutex m_mutex; // guards m_zone's use and cache writes
    QTimeZone m_zone;
    mutable std::array<Cache, 2> m_cache;
};

} // namespace Tenantry::Quota
