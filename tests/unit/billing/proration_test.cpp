#include "core/billing/proration.h"

#include <QDateTime>

#include <gtest/gtest.h>

#include <random>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Qt::StringLiterals;

namespace {

Currency currency(const char *code)
{
    return currencyOf(QString::fromLatin1(code)).value();
}

Money usd(qint64 minor)
{
    return Money(minor, currency("USD"));
}

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

// March 2026: 31 days.
const BillingPeriod kMarch{utc("2026-03-01T00:00:00Z"), utc("2026-04-01T00:00:00Z")};

} // namespace

TEST(Proration, EarnedValueIsRoundedOnceAndClamped)
{
    EXPECT_EQ(earnedValue(usd(3100), kMarch, kMarch.startMs).value(), usd(0));
    EXPECT_EQ(earnedValue(usd(3100), kMarch, utc("2026-03-16T00:00:00Z")).value(), usd(1500));
    EXPECT_EQ(earnedValue(usd(3100), kMarch, kMarch.endMs).value(), usd(3100));
    EXPECT_EQ(earnedValue(usd(3100), kMarch, kMarch.endMs + 86'400'000).value(), usd(3100));
    EXPECT_EQ(earnedValue(usd(3100), kMarch, kMarch.startMs - 1).value(), usd(0));
    // USD 10.00 for 15 of 31 days: 4.8387… → 4.84.
    EXPECT_EQ(earnedValue(usd(1000), kMarch, utc("2026-03-16T00:00:00Z")).value(), usd(484));
    // Milliseconds do not count: 999 ms into the period has earned nothing.
    EXPECT_EQ(earnedValue(usd(267840000), kMarch, kMarch.startMs + 999).value(), usd(0));
    EXPECT_EQ(earnedValue(usd(267840000), kMarch, kMarch.startMs + 1000).value(), usd(100));
}

TEST(Proration, UpgradeOnTheLastSecondCreditsAndChargesOneSecond)
{
    // 2,678,400 s in March: a fee of 2,678,400.00 earns exactly 1.00 per second.
    const Money oldFee = usd(267'840'000);
    const Money newFee = usd(2 * 267'840'000);
    auto change = prorateChange(oldFee, newFee, kMarch, kMarch.endMs - 1);
    ASSERT_TRUE(change.ok());
    EXPECT_EQ(change->credit, usd(-100));
    EXPECT_EQ(change->charge, usd(200));
    EXPECT_EQ(change->atMs, kMarch.endMs - 1000);

    auto outside = prorateChange(oldFee, newFee, kMarch, kMarch.endMs);
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error().code, u"change-outside-period"_s);
}

TEST(Proration, ZeroAndThreeMinorDigitCurrencies)
{
    const Money jpy(3000, currency("JPY"));
    auto change = prorateChange(jpy, Money(9000, currency("JPY")), kMarch, utc("2026-03-11T00:00:00Z"));
    ASSERT_TRUE(change.ok());
    EXPECT_EQ(change->credit.minor(), -2032); // 3000 × 21/31 = 2032.26
    EXPECT_EQ(change->charge.minor(), 6097);  // 9000 × 21/31 = 6096.77
    const Money kwd(12'500, currency("KWD"));
    EXPECT_EQ(earnedValue(kwd, kMarch, utc("2026-03-11T00:00:00Z"))->minor(), 4032); // 12.500 × 10/31

    auto mixed = prorateChange(jpy, usd(100), kMarch, kMarch.startMs);
    ASSERT_FALSE(mixed.ok());
    EXPECT_EQ(mixed.error().code, u"currency-mismatch"_s);
}

TEST(Proration, TwoChangesInOnePeriod)
{
    // Basic (19.00) → Pro (99.00) on the 11th → Enterprise (499.00) on the 21st at noon.
    const qint64 first = utc("2026-03-11T00:00:00Z");
    const qint64 second = utc("2026-03-21T12:00:00Z");
    auto a = prorateChange(usd(1900), usd(9900), kMarch, first).value();
    auto b = prorateChange(usd(9900), usd(49900), kMarch, second).value();
    const qint64 paid = 1900 + a.credit.minor() + a.charge.minor() + b.credit.minor() + b.charge.minor();
    const qint64 worth = valueOver(usd(1900), kMarch, kMarch.startMs, first)->minor()
                         + valueOver(usd(9900), kMarch, first, second)->minor()
                         + valueOver(usd(49900), kMarch, second, kMarch.endMs)->minor();
    EXPECT_EQ(paid, worth);
    EXPECT_EQ(a.credit.minor(), -1287); // 19.00 × 21/31 = 12.870
    EXPECT_EQ(a.charge.minor(), 6706);  // 99.00 × 21/31 = 67.064
}

// Any sequence of changes, at any seconds of any period, with any fees: what was paid (the
// first fee, then each change's credit and charge) is exactly what the time on each plan
// is worth, and that is within one minor unit per change (two roundings) of the exact fraction.
TEST(Proration, PropertyChangesAddUpToTheTimeUsed)
{
    std::mt19937_64 random(20260305);
    for (int round = 0; round < 3000; ++round) {
        const qint64 anchor = utc("2024-01-31T08:00:00Z") + qint64(random() % (3LL * 365 * 86400)) * 1000;
        const auto cycle = random() % 2 ? BillingCycle::Monthly : BillingCycle::Yearly;
        const auto period = billingPeriodAt(anchor, cycle, int(random() % 30));
        const int changes = 1 + int(random() % 5);
        QList<qint64> at;
        for (int i = 0; i < changes; ++i)
            at.append(period.startMs + qint64(random() % quint64(period.lengthMs())));
        std::sort(at.begin(), at.end());
        QList<Money> fees;
        for (int i = 0; i <= changes; ++i)
            fees.append(usd(qint64(random() % 10'000'000)));

        qint64 paid = fees[0].minor();
        for (int i = 0; i < changes; ++i) {
            auto change = prorateChange(fees[i], fees[i + 1], period, at[i]);
            ASSERT_TRUE(change.ok());
            paid += change->credit.minor() + change->charge.minor();
        }
        qint64 worth = 0;
        long double exact = 0;
        const long double seconds = (period.endMs - period.startMs) / 1000;
        for (int i = 0; i <= changes; ++i) {
            const qint64 from = i == 0 ? period.startMs : at[i - 1];
            const qint64 to = i == changes ? period.endMs : at[i];
            worth += valueOver(fees[i], period, from, to)->minor();
            exact += fees[i].minor() * ((to / 1000 - from / 1000) / seconds);
        }
        ASSERT_EQ(paid, worth) << round;
        EXPECT_LE(std::abs(static_cast<long double>(worth) - exact), 1.0L * changes + 1e-6L) << round;
    }
}
