#include "core/quota/quotawindow.h"

#include <QDate>
#include <QDateTime>

#include <algorithm>

namespace Tenantry::Quota {

namespace {

constexpr qint64 kDayMs = 86'400'000;
const qint64 kEpochJulianDay = QDate(1970, 1, 1).toJulianDay();

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

qint64 offsetMsAt(const QTimeZone &zone, qint64 utcMs)
{
    return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC))) * 1000;
}

QDate localDate(const QTimeZone &zone, qint64 utcMs)
{
    const qint64 localMs = utcMs + offsetMsAt(zone, utcMs);
    return QDate::fromJulianDay(kEpochJulianDay + floorDiv(localMs, kDayMs));
}

// The first instant whose local date is `date`. Offsets change at most once within a day
// or two in every real zone, so the offsets one day either side are the only candidates;
// the earliest that maps back to local midnight wins (midnight repeated by a fall-back).
// When neither does, midnight fell into a spring-forward gap and the day begins at that
// transition.
qint64 localMidnightUtc(const QTimeZone &zone, const QDate &date)
{
    const qint64 local = (date.toJulianDay() - kEpochJulianDay) * kDayMs;
    const qint64 before = local - offsetMsAt(zone, local - kDayMs);
    const qint64 after = local - offsetMsAt(zone, local + kDayMs);
    const auto mapsBack = [&](qint64 utc) { return utc + offsetMsAt(zone, utc) == local; };
    const qint64 first = std::min(before, after), second = std::max(before, after);
    if (mapsBack(first))
        return first;
    if (mapsBack(second))
        return second;
    const QTimeZone::OffsetData next =
        zone.nextTransition(QDateTime::fromMSecsSinceEpoch(first - 1, Qt::UTC));
    return next.atUtc.isValid() ? next.atUtc.toMSecsSinceEpoch() : first;
}

} // namespace

QuotaWindow windowAt(WindowKind kind, qint64 nowMs, const QTimeZone &zone)
{
    const QTimeZone effective = zone.isValid() ? zone : QTimeZone::utc();
    const QDate today = localDate(effective, nowMs);
    QDate start, end;
    qint64 index = 0;
    if (kind == WindowKind::Day) {
        start = today;
        end = today.addDays(1);
        index = today.toJulianDay() - kEpochJulianDay;
    } else {
        start = QDate(today.year(), today.month(), 1);
        end = start.addMonths(1);
        index = qint64(today.year() - 1970) * 12 + (today.month() - 1);
    }
    return {localMidnightUtc(effective, start), localMidnightUtc(effective, end), index};
}

WindowClock::WindowClock(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
}

QTimeZone WindowClock::zone() const
{
    std::lock_guard lock(m_mutex);
    return m_zone;
}

QuotaWindow WindowClock::window(WindowKind kind, qint64 nowMs) const
{
    const Cache &cache = m_cache[kind == WindowKind::Day ? 0 : 1];
    const quint64 sequence = cache.sequence.load(std::memory_order_acquire);
    if ((sequence & 1) == 0) {
        const QuotaWindow cached{cache.startMs.load(std::memory_order_relaxed),
                                 cache.endMs.load(std::memory_order_relaxed),
                                 cache.index.load(std::memory_order_relaxed)};
        std::atomic_thread_fence(std::memory_order_acquire);
        if (cache.sequence.load(std::memory_order_relaxed) == sequence && sequence != 0
            && nowMs >= cached.startMs && nowMs < cached.endMs)
            return cached;
    }
    return recompute(kind, nowMs);
}

QuotaWindow WindowClock::recompute(WindowKind kind, qint64 nowMs) const
{
    Cache &cache = m_cache[kind == WindowKind::Day ? 0 : 1];
    std::lock_guard lock(m_mutex);
    const quint64 sequence = cache.sequence.load(std::memory_order_relaxed);
    const qint64 cachedStart = cache.startMs.load(std::memory_order_relaxed);
    const qint64 cachedEnd = cache.endMs.load(std::memory_order_relaxed);
    if (sequence != 0 && nowMs >= cachedStart && nowMs < cachedEnd)
        return {cachedStart, cachedEnd, cache.index.load(std::memory_order_relaxed)};

    const QuotaWindow fresh = windowAt(kind, nowMs, m_zone);
    if (sequence == 0 || fresh.startMs > cachedStart) {
        cache.sequence.store(sequence + 1, std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
        cache.startMs.store(fresh.startMs, std::memory_order_relaxed);
        cache.endMs.store(fresh.endMs, std::memory_order_relaxed);
        cache.index.store(fresh.index, std::memory_order_relaxed);
        cache.sequence.store(sequence + 2, std::memory_order_release);
    }
    return fresh;
}

} // namespace Tenantry::Quota
