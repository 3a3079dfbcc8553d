#include "core/base/clock.h"
#include "core/quota/quotawindow.h"

#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <ostream>

using namespace Tenantry;
using namespace Tenantry::Quota;

namespace {

constexpr qint64 kHourMs = 3'600'000;

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

qint64 msOf(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QTimeZone zone(const char *id)
{
    const QTimeZone z{QByteArray(id)};
    EXPECT_TRUE(z.isValid()) << id;
    return z;
}

// Steps a ManualClock one millisecond over `last` and returns both windows.
struct Crossing {
    QuotaWindow before;
    QuotaWindow after;
};

Crossing crossAt(WindowKind kind, const QTimeZone &z, const QDateTime &last)
{
    ManualClock clock(last);
    const QuotaWindow before = windowAt(kind, msOf(clock.now()), z);
    clock.set(last.addMSecs(1));
    return {before, windowAt(kind, msOf(clock.now()), z)};
}

} // namespace

TEST(QuotaWindow, UtcDayRollsOverAtMidnight)
{
    const Crossing c = crossAt(WindowKind::Day, QTimeZone::utc(), utc(2026, 3, 10, 23, 59, 59, 999));
    EXPECT_EQ(c.before.startMs, msOf(utc(2026, 3, 10)));
    EXPECT_EQ(c.before.endMs, msOf(utc(2026, 3, 11)));
    EXPECT_EQ(c.after.startMs, c.before.endMs);
    EXPECT_EQ(c.after.endMs, msOf(utc(2026, 3, 12)));
    EXPECT_EQ(c.after.index, c.before.index + 1);
    EXPECT_EQ(c.before.index, QDate(2026, 3, 10).toJulianDay() - QDate(1970, 1, 1).toJulianDay());
}

TEST(QuotaWindow, NewYorkSpringForwardDayHas23Hours)
{
    const QTimeZone ny = zone("America/New_York");
    // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT.
    const QuotaWindow day = windowAt(WindowKind::Day, msOf(utc(2026, 3, 8, 17)), ny);
    EXPECT_EQ(day.startMs, msOf(utc(2026, 3, 8, 5)));
    EXPECT_EQ(day.endMs, msOf(utc(2026, 3, 9, 4)));
    EXPECT_EQ(day.endMs - day.startMs, 23 * kHourMs);

    const Crossing c = crossAt(WindowKind::Day, ny, utc(2026, 3, 9, 3, 59, 59, 999));
    EXPECT_EQ(c.before.index, day.index);
    EXPECT_EQ(c.after.index, day.index + 1);
    EXPECT_EQ(c.after.startMs, day.endMs);
    EXPECT_EQ(c.after.endMs - c.after.startMs, 24 * kHourMs);
}

TEST(QuotaWindow, NewYorkFallBackDayHas25Hours)
{
    const QTimeZone ny = zone("America/New_York");
    // 2026-11-01: clocks go from 02:00 EDT back to 01:00 EST.
    const QuotaWindow day = windowAt(WindowKind::Day, msOf(utc(2026, 11, 1, 6, 30)), ny);
    EXPECT_EQ(day.startMs, msOf(utc(2026, 11, 1, 4)));
    EXPECT_EQ(day.endMs, msOf(utc(2026, 11, 2, 5)));
    EXPECT_EQ(day.endMs - day.startMs, 25 * kHourMs);

    // The repeated hour (01:00–02:00 local, twice) stays in the same day.
    const QuotaWindow firstOne = windowAt(WindowKind::Day, msOf(utc(2026, 11, 1, 5, 30)), ny);
    const QuotaWindow secondOne = windowAt(WindowKind::Day, msOf(utc(2026, 11, 1, 6, 30)), ny);
    EXPECT_EQ(firstOne.index, secondOne.index);

    const Crossing c = crossAt(WindowKind::Day, ny, utc(2026, 11, 2, 4, 59, 59, 999));
    EXPECT_EQ(c.after.index, day.index + 1);
    EXPECT_EQ(c.after.startMs, msOf(utc(2026, 11, 2, 5)));
}

TEST(QuotaWindow, KolkataHalfHourOffsetMovesDayAndMonth)
{
    const QTimeZone kolkata = zone("Asia/Kolkata");
    // Midnight IST on 2 May is 18:30 UTC on 1 May.
    const Crossing day = crossAt(WindowKind::Day, kolkata, utc(2026, 5, 1, 18, 29, 59, 999));
    EXPECT_EQ(day.before.startMs, msOf(utc(2026, 4, 30, 18, 30)));
    EXPECT_EQ(day.after.startMs, msOf(utc(2026, 5, 1, 18, 30)));
    EXPECT_EQ(day.after.index, day.before.index + 1);

    // May begins in Kolkata at 18:30 UTC on 30 April.
    const Crossing month = crossAt(WindowKind::Month, kolkata, utc(2026, 4, 30, 18, 29, 59, 999));
    EXPECT_EQ(month.before.endMs, msOf(utc(2026, 4, 30, 18, 30)));
    EXPECT_EQ(month.after.startMs, msOf(utc(2026, 4, 30, 18, 30)));
    EXPECT_EQ(month.after.endMs, msOf(utc(2026, 5, 31, 18, 30)));
    EXPECT_EQ(month.after.index, (2026 - 1970) * 12 + 4);
}

TEST(QuotaWindow, MidnightInsideADstGapStartsTheDayAtTheTransition)
{
    // Havana springs forward from 00:00 CST straight to 01:00 CDT on 2024-03-10.
    const QTimeZone havana = zone("America/Havana");
    const QuotaWindow day = windowAt(WindowKind::Day, msOf(utc(2024, 3, 10, 12)), havana);
    EXPECT_EQ(day.startMs, msOf(utc(2024, 3, 10, 5)));
    EXPECT_EQ(day.endMs, msOf(utc(2024, 3, 11, 4)));
    const QuotaWindow before = windowAt(WindowKind::Day, msOf(utc(2024, 3, 10, 4, 59)), havana);
    EXPECT_EQ(before.endMs, day.startMs);
    EXPECT_EQ(before.index + 1, day.index);
}

struct MonthEnd {
    QDateTime lastMs;
    QDateTime nextStart;
    qint64 lengthDays; // of the month that ends
    bool monthChanges;
};

// Names the case in test listings (gtest prints raw bytes otherwise).
void PrintTo(const MonthEnd &p, std::ostream *os)
{
    *os << p.lastMs.date().toString(Qt::ISODate).toStdString();
}

class MonthEndTest : public ::testing::TestWithParam<MonthEnd>
{
};

TEST_P(MonthEndTest, MonthsAreRealCalendarMonths)
{
    const MonthEnd &p = GetParam();
    const Crossing month = crossAt(WindowKind::Month, QTimeZone::utc(), p.lastMs);
    const Crossing day = crossAt(WindowKind::Day, QTimeZone::utc(), p.lastMs);
    EXPECT_EQ(day.after.index, day.before.index + 1);
    EXPECT_EQ(day.after.startMs, msOf(p.nextStart));
    if (p.monthChanges) {
        EXPECT_EQ(month.after.index, month.before.index + 1);
        EXPECT_EQ(month.before.endMs, msOf(p.nextStart));
        EXPECT_EQ(month.after.startMs, msOf(p.nextStart));
        EXPECT_EQ(month.before.endMs - month.before.startMs, p.lengthDays * 24 * kHourMs);
    } else {
        EXPECT_EQ(month.after.index, month.before.index);
        EXPECT_EQ(month.after.startMs, month.before.startMs);
        EXPECT_EQ(month.before.endMs - month.before.startMs, p.lengthDays * 24 * kHourMs);
    }
}

INSTANTIATE_TEST_SUITE_P(
    QuotaWindow, MonthEndTest,
    ::testing::Values(MonthEnd{utc(2026, 1, 31, 23, 59, 59, 999), utc(2026, 2, 1), 31, true},
                      MonthEnd{utc(2026, 2, 28, 23, 59, 59, 999), utc(2026, 3, 1), 28, true},
                      MonthEnd{utc(2028, 2, 28, 23, 59, 59, 999), utc(2028, 2, 29), 29, false},
                      MonthEnd{utc(2028, 2, 29, 23, 59, 59, 999), utc(2028, 3, 1), 29, true},
                      MonthEnd{utc(2026, 4, 30, 23, 59, 59, 999), utc(2026, 5, 1), 30, true},
                      MonthEnd{utc(2026, 12, 31, 23, 59, 59, 999), utc(2027, 1, 1), 31, true}),
    [](const ::testing::TestParamInfo<MonthEnd> &info) {
        return info.param.lastMs.date().toString(QStringLiteral("'day_'yyyy_MM_dd")).toStdString();
    });

TEST(QuotaWindow, MonthIndexCountsMonthsSince1970)
{
    const QuotaWindow dec = windowAt(WindowKind::Month, msOf(utc(2026, 12, 15)), QTimeZone::utc());
    const QuotaWindow jan = windowAt(WindowKind::Month, msOf(utc(2027, 1, 15)), QTimeZone::utc());
    EXPECT_EQ(dec.index, 56 * 12 + 11);
    EXPECT_EQ(jan.index, dec.index + 1);
}

TEST(QuotaWindow, InvalidZoneCountsAsUtc)
{
    const QuotaWindow day = windowAt(WindowKind::Day, msOf(utc(2026, 6, 1, 12)), QTimeZone());
    EXPECT_EQ(day.startMs, msOf(utc(2026, 6, 1)));
}

TEST(WindowClock, AgreesWithWindowAtAcrossAYearOfHoursInNewYork)
{
    const QTimeZone ny = zone("America/New_York");
    WindowClock clock(ny);
    // Every 7 hours and a minute over a year, forward, then a step back in time.
    for (qint64 t = msOf(utc(2026, 1, 1)); t < msOf(utc(2027, 1, 1)); t += 7 * kHourMs + 60'000) {
        for (WindowKind kind : {WindowKind::Day, WindowKind::Month}) {
            const QuotaWindow expected = windowAt(kind, t, ny);
            const QuotaWindow cached = clock.window(kind, t);
            ASSERT_EQ(cached.startMs, expected.startMs) << t;
            ASSERT_EQ(cached.endMs, expected.endMs) << t;
            ASSERT_EQ(cached.index, expected.index) << t;
            const QuotaWindow earlier = clock.window(kind, t - 40 * 24 * kHourMs);
            ASSERT_EQ(earlier.index, windowAt(kind, t - 40 * 24 * kHourMs, ny).index);
        }
    }
}

TEST(WindowClock, InstantsInsideTheCachedWindowGetItsBounds)
{
    WindowClock clock(zone("Asia/Kolkata"));
    const QuotaWindow a = clock.window(WindowKind::Day, msOf(utc(2026, 5, 1, 18, 30)));
    const QuotaWindow b = clock.window(WindowKind::Day, msOf(utc(2026, 5, 2, 18, 29, 59, 999)));
    EXPECT_EQ(a.startMs, b.startMs);
    EXPECT_EQ(a.index, b.index);
    const QuotaWindow c = clock.window(WindowKind::Day, msOf(utc(2026, 5, 2, 18, 30)));
    EXPECT_EQ(c.index, a.index + 1);
}
