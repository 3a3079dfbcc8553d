#include "core/billing/billingperiod.h"

#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace Tenantry::Billing;
using namespace Qt::StringLiterals;

namespace {

qint64 utc(const char *iso)
{
    const auto at = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    EXPECT_TRUE(at.isValid()) << iso;
    return at.toMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

} // namespace

TEST(BillingPeriod, CycleNamesRoundTrip)
{
    for (auto cycle : {BillingCycle::Monthly, BillingCycle::Yearly}) {
        BillingCycle parsed{};
        ASSERT_TRUE(parseBillingCycle(billingCycleName(cycle), &parsed));
        EXPECT_EQ(parsed, cycle);
    }
    BillingCycle parsed{};
    EXPECT_FALSE(parseBillingCycle(u"weekly"_s, &parsed));
    EXPECT_FALSE(parseBillingCycle(u"Monthly"_s, &parsed));
}

TEST(BillingPeriod, MonthEndAnchorsClampAndComeBack)
{
    const qint64 anchor = utc("2026-01-31T10:30:00Z");
    const char *starts[] = {"2026-01-31T10:30:00Z", "2026-02-28T10:30:00Z", "2026-03-31T10:30:00Z",
                            "2026-04-30T10:30:00Z", "2026-05-31T10:30:00Z"};
    for (int i = 0; i < 4; ++i) {
        const auto period = billingPeriodAt(anchor, BillingCycle::Monthly, i);
        EXPECT_EQ(iso(period.startMs), QString::fromLatin1(starts[i])) << i;
        EXPECT_EQ(period.endMs, billingPeriodAt(anchor, BillingCycle::Monthly, i + 1).startMs);
    }
}

TEST(BillingPeriod, LeapYears)
{
    // A leap-year February has 29 days: a period anchored on 31 January 2028 ends on the 29th.
    const auto leap = billingPeriodAt(utc("2028-01-31T00:00:00Z"), BillingCycle::Monthly, 1);
    EXPECT_EQ(iso(leap.startMs), u"2028-02-29T00:00:00Z"_s);
    EXPECT_EQ(leap.lengthMs(), 31LL * 86'400'000); // 29 Feb → 31 Mar

    // A yearly subscription from 29 February renews on 28 February, and on the 29th again in
    // the next leap year.
    const qint64 anchor = utc("2024-02-29T12:00:00Z");
    EXPECT_EQ(iso(billingPeriodAt(anchor, BillingCycle::Yearly, 1).startMs), u"2025-02-28T12:00:00Z"_s);
    EXPECT_EQ(iso(billingPeriodAt(anchor, BillingCycle::Yearly, 4).startMs), u"2028-02-29T12:00:00Z"_s);
    EXPECT_EQ(billingPeriodAt(anchor, BillingCycle::Yearly, 0).lengthMs(), 365LL * 86'400'000);
}

TEST(BillingPeriod, ContainingFindsTheRightPeriodAtEveryBoundary)
{
    const qint64 anchor = utc("2026-01-31T23:59:59Z");
    for (auto cycle : {BillingCycle::Monthly, BillingCycle::Yearly}) {
        for (int i = 0; i < 40; ++i) {
            const auto period = billingPeriodAt(anchor, cycle, i);
            EXPECT_EQ(billingPeriodContaining(anchor, cycle, period.startMs), period) << i;
            EXPECT_EQ(billingPeriodContaining(anchor, cycle, period.endMs - 1), period) << i;
            EXPECT_EQ(billingPeriodContaining(anchor, cycle, period.startMs + period.lengthMs() / 2), period);
            EXPECT_TRUE(period.contains(period.startMs));
            EXPECT_FALSE(period.contains(period.endMs));
        }
    }
    EXPECT_EQ(billingPeriodContaining(anchor, BillingCycle::Monthly, anchor - 5000),
              billingPeriodAt(anchor, BillingCycle::Monthly, 0));
}
