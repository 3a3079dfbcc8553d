#include "core/report/usageperiod.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Report;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int y, int m, int d, int h = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), Qt::UTC);
}

QStringList fieldsOf(const Result<UsagePeriod> &r)
{
    QStringList out;
    for (const FieldError &f : r.error().fields)
        out.append(f.field);
    return out;
}

} // namespace

TEST(UsagePeriod, DatesAreWholeUtcDaysAndTheEndIsExcluded)
{
    const auto march = parseUsagePeriod(u"2026-03-01"_s, u"2026-04-01"_s);
    ASSERT_TRUE(march.ok()) << march.error().message.toStdString();
    EXPECT_EQ(march->from, utc(2026, 3, 1));
    EXPECT_EQ(march->to, utc(2026, 4, 1));
    EXPECT_EQ(march->from.timeSpec(), Qt::UTC);
}

TEST(UsagePeriod, TimesMustFallOnWholeHoursAndBecomeUtc)
{
    const auto zulu = parseUsagePeriod(u"2026-03-01T13:00:00Z"_s, u"2026-03-01T15:00:00.000Z"_s);
    ASSERT_TRUE(zulu.ok());
    EXPECT_EQ(zulu->from, utc(2026, 3, 1, 13));
    EXPECT_EQ(zulu->to, utc(2026, 3, 1, 15));
    const auto offset = parseUsagePeriod(u"2026-03-01T08:00:00+08:00"_s, u"2026-03-02"_s);
    ASSERT_TRUE(offset.ok());
    EXPECT_EQ(offset->from, utc(2026, 3, 1));
    const auto noZone = parseUsagePeriod(u"2026-03-01T05:00:00"_s, u"2026-03-02"_s);
    ASSERT_TRUE(noZone.ok());
    EXPECT_EQ(noZone->from, utc(2026, 3, 1, 5));

    const auto half = parseUsagePeriod(u"2026-03-01T13:30:00Z"_s, u"2026-03-02"_s);
    ASSERT_FALSE(half.ok());
    EXPECT_EQ(half.error().code, u"invalid-report-period"_s);
    EXPECT_EQ(fieldsOf(half), QStringList{u"from"_s});
    EXPECT_TRUE(half.error().fields.first().message.contains(u"whole hour"_s));
    // An offset that is not a whole number of hours lands off the hour in UTC.
    EXPECT_FALSE(parseUsagePeriod(u"2026-03-01T13:00:00+05:30"_s, u"2026-03-02"_s).ok());
}

TEST(UsagePeriod, MalformedMissingAndReversedPeriodsNameTheirFields)
{
    for (const QString &bad : {u""_s, u"yesterday"_s, u"2026-13-01"_s, u"2026-02-30"_s, u"01.03.2026"_s, u"2026-3-1"_s}) {
        const auto r = parseUsagePeriod(bad, u"2026-04-01"_s);
        ASSERT_FALSE(r.ok()) << bad.toStdString();
        EXPECT_EQ(fieldsOf(r), QStringList{u"from"_s}) << bad.toStdString();
    }
    const auto both = parseUsagePeriod(u"x"_s, u"y"_s);
    ASSERT_FALSE(both.ok());
    EXPECT_EQ(fieldsOf(both), (QStringList{u"from"_s, u"to"_s}));

    const auto reversed = parseUsagePeriod(u"2026-04-01"_s, u"2026-03-01"_s);
    ASSERT_FALSE(reversed.ok());
    EXPECT_EQ(fieldsOf(reversed), QStringList{u"to"_s});
    EXPECT_FALSE(parseUsagePeriod(u"2026-03-01"_s, u"2026-03-01"_s).ok()); // empty
}

TEST(UsagePeriod, SpansAtMostFourHundredDays)
{
    EXPECT_TRUE(parseUsagePeriod(u"2026-01-01"_s, u"2027-02-05"_s).ok()); // exactly 400 days
    const auto tooLong = parseUsagePeriod(u"2026-01-01"_s, u"2027-02-05T01:00:00Z"_s);
    ASSERT_FALSE(tooLong.ok());
    EXPECT_EQ(fieldsOf(tooLong), QStringList{u"to"_s});
    EXPECT_TRUE(tooLong.error().message.contains(u"400 days"_s));
}

TEST(UsagePeriod, EndsReadAsDatesOrHours)
{
    EXPECT_EQ(periodEndText(utc(2026, 3, 1)), u"2026-03-01"_s);
    EXPECT_EQ(periodEndText(utc(2026, 3, 1, 13)), u"2026-03-01T13:00Z"_s);
}
