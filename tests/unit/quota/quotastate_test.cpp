#include "core/base/clock.h"
#include "core/quota/quotastate.h"

#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace Tenantry;
using namespace Tenantry::Quota;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

class QuotaStateTest : public ::testing::Test
{
protected:
    Admission admit(const QString &tenant, const Limits &limits, qint64 cost = 1)
    {
        Result<Admission> r =
            state.admit(tenant, limits, clock.now().toMSecsSinceEpoch(), utcWindows, cost);
        EXPECT_TRUE(r.ok()) << r.error().message.toStdString();
        return std::move(r).value();
    }
    QuotaState::Usage usage(const QString &tenant) const
    {
        return state.usage(tenant, clock.now().toMSecsSinceEpoch(), utcWindows);
    }

    QuotaState state;
    ManualClock clock{utc(2026, 3, 10, 22, 0)};
    WindowClock utcWindows{QTimeZone::utc()};
    const QString tenantA = u"tenant-a"_s;
    const QString tenantB = u"tenant-b"_s;
};

} // namespace

TEST_F(QuotaStateTest, UnlimitedAdmitsAndSendsNoHeaders)
{
    const Admission a = admit(tenantA, Limits{});
    EXPECT_TRUE(a.admitted);
    EXPECT_EQ(a.refusedBy, Dimension::None);
    EXPECT_FALSE(a.headers.present);
    EXPECT_FALSE(a.permit.has_value());
}

TEST_F(QuotaStateTest, DailyQuotaRefusesUntilMidnightAndOtherTenantsAreUntouched)
{
    Limits limits;
    limits.apiCallsPerDay = 3;
    for (int i = 0; i < 3; ++i) {
        const Admission a = admit(tenantA, limits);
        ASSERT_TRUE(a.admitted);
        EXPECT_EQ(a.headers.limit, 3);
        EXPECT_EQ(a.headers.remaining, 2 - i);
        EXPECT_EQ(a.headers.resetSeconds, 2 * 3600);
    }
    const Admission refused = admit(tenantA, limits);
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.refusedBy, Dimension::Day);
    EXPECT_EQ(dimensionName(refused.refusedBy), u"day"_s);
    EXPECT_EQ(refused.retryAfterSeconds, 2 * 3600);
    EXPECT_EQ(refused.headers.remaining, 0);

    // Tenant B shares nothing with A: its own full quota.
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(admit(tenantB, limits).admitted);
    EXPECT_EQ(usage(tenantA).day, 3);
    EXPECT_EQ(usage(tenantB).day, 3);

    clock.set(utc(2026, 3, 11));
    EXPECT_TRUE(admit(tenantA, limits).admitted);
    EXPECT_EQ(usage(tenantA).day, 1);
}

TEST_F(QuotaStateTest, TheTenantsTimeZoneDecidesWhenItsDayEnds)
{
    WindowClock kolkata(QTimeZone(QByteArrayLiteral("Asia/Kolkata")));
    Limits limits;
    limits.apiCallsPerDay = 1;
    const auto at = [&](const QDateTime &t) {
        return state.admit(tenantA, limits, t.toMSecsSinceEpoch(), kolkata).value();
    };
    EXPECT_TRUE(at(utc(2026, 3, 10, 18, 29)).admitted);
    const Admission refused = at(utc(2026, 3, 10, 18, 29, 30));
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.retryAfterSeconds, 30);
    EXPECT_TRUE(at(utc(2026, 3, 10, 18, 30)).admitted); // midnight IST
}

TEST_F(QuotaStateTest, ARefusalByOneDimensionTakesNothingFromTheOthers)
{
    Limits limits;
    limits.apiCallsPerDay = 10;
    limits.apiCallsPerMonth = 3;
    limits.ratePerSecond = 1;
    limits.burst = 4;
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(admit(tenantA, limits).admitted);
    const Admission refused = admit(tenantA, limits);
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.refusedBy, Dimension::Month);
    EXPECT_EQ(usage(tenantA).day, 3); // the day counter gave its unit back
    EXPECT_EQ(usage(tenantA).month, 3);

    // The rate gave its unit back too: one burst place is left, so with the month lifted
    // exactly one more request passes at this instant.
    limits.apiCallsPerMonth = 0;
    EXPECT_TRUE(admit(tenantA, limits).admitted);
    const Admission rate = admit(tenantA, limits);
    EXPECT_FALSE(rate.admitted);
    EXPECT_EQ(rate.refusedBy, Dimension::Rate);
    EXPECT_EQ(rate.retryAfterSeconds, 1);
    EXPECT_EQ(rate.headers.limit, 4);
    EXPECT_EQ(usage(tenantA).day, 4);
}

TEST_F(QuotaStateTest, ConcurrencyRefusalTakesNothingAndPermitsFreeTheirPlace)
{
    Limits limits;
    limits.maxConcurrent = 2;
    limits.apiCallsPerDay = 100;
    Admission first = admit(tenantA, limits);
    Admission second = admit(tenantA, limits);
    ASSERT_TRUE(first.admitted && second.admitted);
    EXPECT_EQ(usage(tenantA).inFlight, 2);
    const Admission third = admit(tenantA, limits);
    EXPECT_FALSE(third.admitted);
    EXPECT_EQ(third.refusedBy, Dimension::Concurrency);
    EXPECT_EQ(third.retryAfterSeconds, 1);
    EXPECT_TRUE(third.headers.present);
    EXPECT_EQ(third.headers.remaining, 98);
    EXPECT_EQ(usage(tenantA).day, 2);
    EXPECT_TRUE(admit(tenantB, limits).admitted); // B's own places

    first.permit.reset();
    EXPECT_TRUE(admit(tenantA, limits).admitted);
    EXPECT_EQ(usage(tenantA).day, 3);
}

TEST_F(QuotaStateTest, CostTakesSeveralUnitsFromEveryDimension)
{
    Limits limits;
    limits.apiCallsPerDay = 10;
    limits.apiCallsPerMonth = 100;
    EXPECT_TRUE(admit(tenantA, limits, 4).admitted);
    EXPECT_TRUE(admit(tenantA, limits, 4).admitted);
    const Admission refused = admit(tenantA, limits, 4);
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.headers.remaining, 2);
    EXPECT_EQ(usage(tenantA).month, 8);
    EXPECT_TRUE(admit(tenantA, limits, 2).admitted);
    EXPECT_EQ(usage(tenantA).day, 10);
    EXPECT_EQ(usage(tenantA).month, 10);
}

TEST_F(QuotaStateTest, RefundGivesEverythingBackOnce)
{
    Limits limits;
    limits.apiCallsPerDay = 2;
    limits.apiCallsPerMonth = 2;
    limits.ratePerSecond = 1;
    limits.burst = 2;
    limits.maxConcurrent = 1;
    Admission a = admit(tenantA, limits, 2);
    ASSERT_TRUE(a.admitted);
    state.refund(a);
    state.refund(a);
    EXPECT_FALSE(a.permit.has_value());
    EXPECT_EQ(usage(tenantA).day, 0);
    EXPECT_EQ(usage(tenantA).month, 0);
    EXPECT_EQ(usage(tenantA).inFlight, 0);
    EXPECT_TRUE(admit(tenantA, limits, 2).admitted); // the rate's burst is whole again
}

TEST_F(QuotaStateTest, HeadersDescribeTheTightestDimension)
{
    Limits limits;
    limits.apiCallsPerDay = 100;
    limits.apiCallsPerMonth = 5;
    const Admission a = admit(tenantA, limits);
    EXPECT_EQ(a.headers.limit, 5);
    EXPECT_EQ(a.headers.remaining, 4);
    // From 22:00 on 10 March to 1 April.
    EXPECT_EQ(a.headers.resetSeconds, (21 * 24 + 2) * 3600);
}

TEST_F(QuotaStateTest, ABadCostIsRefusedAndTakesNothing)
{
    Limits limits;
    limits.apiCallsPerDay = 5;
    for (qint64 cost : {qint64(0), qint64(-3), kMaxLimit + 1}) {
        const Result<Admission> r =
            state.admit(tenantA, limits, clock.now().toMSecsSinceEpoch(), utcWindows, cost);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, u"invalid-quota-cost"_s);
        EXPECT_EQ(r.error().kind, ErrorKind::Invalid);
    }
    EXPECT_EQ(usage(tenantA).day, 0);
}

TEST_F(QuotaStateTest, EightThreadsOverFourTenantsAdmitExactlyEachQuota)
{
    Limits limits;
    limits.apiCallsPerDay = 2'000;
    limits.apiCallsPerMonth = 1'500'000;
    limits.ratePerSecond = 1000;
    limits.burst = 1'000'000;
    limits.maxConcurrent = 8;
    const QStringList tenants{u"t0"_s, u"t1"_s, u"t2"_s, u"t3"_s};
    const qint64 nowMs = clock.now().toMSecsSinceEpoch();
    std::atomic<qint64> admitted[4] = {0, 0, 0, 0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (int t = 0; t < 8; ++t)
        pool.emplace_back([&, t] {
            while (!go.load())
                std::this_thread::yield();
            for (int i = 0; i < 4'000; ++i) {
                const int which = (i + t) % 4;
                if (state.admit(tenants[which], limits, nowMs, utcWindows).value().admitted)
                    admitted[which].fetch_add(1);
            }
        });
    go.store(true);
    for (std::thread &th : pool)
        th.join();
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(admitted[i].load(), 2'000) << i;
        EXPECT_EQ(usage(tenants[i]).day, 2'000);
        EXPECT_EQ(usage(tenants[i]).month, 2'000);
        EXPECT_EQ(usage(tenants[i]).inFlight, 0);
    }
    EXPECT_EQ(state.tenantCount(), 4);
}

TEST_F(QuotaStateTest, PrefetchingCreatesNothingAndChangesNoCount)
{
    Limits daily;
    daily.apiCallsPerDay = 2;
    const QString id = u"tenant-prefetched"_s;
    // Numbers without counters or without a block, none, and beyond the numbered range.
    for (const quint32 number : {0u, 1u, 5000u, 1u << 30, 0xffffffffu})
        state.prefetch(number);
    EXPECT_EQ(state.tenantCount(), 0);
    const qint64 now = clock.now().toMSecsSinceEpoch();
    ASSERT_TRUE(state.admit({id, 7}, daily, now, utcWindows).value().admitted);
    state.prefetch(7);
    EXPECT_EQ(state.tenantCount(), 1);
    EXPECT_EQ(state.usage(id, now, utcWindows).day, 1);
    EXPECT_TRUE(state.admit({id, 7}, daily, now, utcWindows).value().admitted);
    EXPECT_FALSE(state.admit({id, 7}, daily, now, utcWindows).value().admitted);
}
