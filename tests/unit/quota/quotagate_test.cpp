#include "core/quota/limitsjson.h"
#include "core/quota/quotagate.h"
#include "core/tenancy/canonicaltenant.h"

#include <QDateTime>
#include <QJsonDocument>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using namespace Tenantry;
using namespace Tenantry::Quota;
using namespace Qt::StringLiterals;

namespace {

qint64 at(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toMSecsSinceEpoch();
}

QByteArray header(const GateDecision &d, const QByteArray &name)
{
    for (const auto &[n, v] : rateLimitHeaders(d.rateLimit)) {
        if (n == name)
            return v;
    }
    return {};
}

class QuotaGateTest : public ::testing::Test
{
protected:
    Tenant tenant(const QString &id, const QString &plan = u"free"_s, const QString &zone = u"UTC"_s)
    {
        Tenant t;
        t.id = id;
        t.slug = id;
        t.plan = plan;
        t.config.timeZone = zone;
        return t;
    }

    // A tenant as the server has it: canonical and numbered, so the gate caches its limits.
    Tenant served(const QString &id, const QString &plan = u"free"_s, const QString &zone = u"UTC"_s)
    {
        return canonicalTenant(tenant(id, plan, zone));
    }

    void setPlans(const char *free, const QHash<QString, QJsonObject> &overrides = {})
    {
        auto limits = applyLimitsJson({}, QJsonDocument::fromJson(QByteArray(free)).object());
        ASSERT_TRUE(limits.ok()) << limits.error().message.toStdString();
        m_policies.reset({{u"free"_s, limits.value()}}, overrides);
    }

    int admitMany(const Tenant &t, int attempts, qint64 nowMs, const QByteArray &method = "GET",
                  const char *path = "/api/v1/me")
    {
        int admitted = 0;
        for (int i = 0; i < attempts; ++i)
            admitted += m_gate.admit(t, method, path, nowMs).admitted() ? 1 : 0;
        return admitted;
    }

    // Eight threads trying 500 requests each at once; how many were admitted.
    int admitFromThreads(const Tenant &t, qint64 nowMs)
    {
        std::atomic<int> admitted{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i) {
            threads.emplace_back([&] {
                for (int j = 0; j < 500; ++j)
                    admitted += m_gate.admit(t, "GET", "/x", nowMs).admitted() ? 1 : 0;
            });
        }
        for (auto &th : threads)
            th.join();
        return admitted.load();
    }

    QuotaPolicies m_policies;
    QuotaGate m_gate{m_policies};
};

TEST_F(QuotaGateTest, AnUnlimitedTenantPassesWithoutHeaders)
{
    const GateDecision d = m_gate.admit(tenant(u"t1"_s, u"no-such-plan"_s), "GET", "/api/v1/me", at(2026, 1, 1));
    EXPECT_TRUE(d.admitted());
    EXPECT_FALSE(d.rateLimit.present);
}

TEST_F(QuotaGateTest, DailyQuotaRefusesWithRetryAfterAndHeaders)
{
    setPlans(R"({"api_calls_per_day": 3})");
    const Tenant t = tenant(u"t1"_s);
    const qint64 now = at(2026, 5, 10, 23, 0, 0);
    for (int i = 0; i < 3; ++i) {
        const GateDecision d = m_gate.admit(t, "GET", "/api/v1/me", now);
        ASSERT_TRUE(d.admitted());
        EXPECT_EQ(header(d, "RateLimit-Limit"), "3");
        EXPECT_EQ(header(d, "RateLimit-Remaining"), QByteArray::number(2 - i));
        EXPECT_EQ(header(d, "RateLimit-Reset"), "3600");
    }
    const GateDecision refused = m_gate.admit(t, "GET", "/api/v1/me", now);
    ASSERT_FALSE(refused.admitted());
    EXPECT_EQ(refused.refusal->kind, ErrorKind::TooManyRequests);
    EXPECT_EQ(refused.refusal->code, u"quota-exceeded"_s);
    EXPECT_EQ(refused.refusal->retryAfterSeconds, 3600);
    EXPECT_EQ(header(refused, "RateLimit-Remaining"), "0");
    // A new day starts fresh.
    EXPECT_TRUE(m_gate.admit(t, "GET", "/api/v1/me", at(2026, 5, 11, 0, 0, 0)).admitted());
}

TEST_F(QuotaGateTest, DaysFollowTheTenantsTimeZone)
{
    setPlans(R"({"api_calls_per_day": 1})");
    const Tenant tokyo = tenant(u"tokyo"_s, u"free"_s, u"Asia/Tokyo"_s); // UTC+9
    EXPECT_TRUE(m_gate.admit(tokyo, "GET", "/x", at(2026, 5, 10, 14, 59, 0)).admitted());
    EXPECT_FALSE(m_gate.admit(tokyo, "GET", "/x", at(2026, 5, 10, 14, 59, 59)).admitted());
    // 15:00 UTC is midnight in Tokyo.
    EXPECT_TRUE(m_gate.admit(tokyo, "GET", "/x", at(2026, 5, 10, 15, 0, 0)).admitted());
}

TEST_F(QuotaGateTest, MonthsAreCalendarMonthsIncludingLeapFebruary)
{
    setPlans(R"({"api_calls_per_month": 2})");
    const Tenant t = tenant(u"t1"_s);
    EXPECT_EQ(admitMany(t, 3, at(2028, 2, 1)), 2);
    EXPECT_FALSE(m_gate.admit(t, "GET", "/x", at(2028, 2, 29, 23, 59, 59)).admitted()); // leap day, same month
    const GateDecision refused = m_gate.admit(t, "GET", "/x", at(2028, 2, 29, 23, 0, 0));
    EXPECT_EQ(refused.refusal->retryAfterSeconds, 3600);
    EXPECT_EQ(admitMany(t, 3, at(2028, 3, 1)), 2);
}

TEST_F(QuotaGateTest, RouteCostsWeighEveryCountQuota)
{
    setPlans(R"({"api_calls_per_day": 10, "costs": [{"method": "POST", "route": "/api/v1/entities/*/records", "cost": 4}]})");
    const Tenant t = tenant(u"t1"_s);
    const qint64 now = at(2026, 1, 1, 12);
    EXPECT_TRUE(m_gate.admit(t, "POST", "/api/v1/entities/orders/records", now).admitted()); // 4
    EXPECT_TRUE(m_gate.admit(t, "POST", "/api/v1/entities/orders/records", now).admitted()); // 8
    EXPECT_FALSE(m_gate.admit(t, "POST", "/api/v1/entities/orders/records", now).admitted()); // 12 > 10
    EXPECT_EQ(admitMany(t, 5, now), 2);                                                        // 9, 10
}

TEST_F(QuotaGateTest, CustomRulesCountTheirScopeAndRefuseAllOrNothing)
{
    setPlans(R"({"api_calls_per_day": 100, "rules": [
        {"name": "writes", "method": "POST", "route": "/api/v1/entities/*/records", "window": "minute", "limit": 2}]})");
    const Tenant t = tenant(u"t1"_s);
    const qint64 now = at(2026, 1, 1, 12, 0, 30);
    EXPECT_EQ(admitMany(t, 5, now, "POST", "/api/v1/entities/orders/records"), 2);
    const GateDecision refused = m_gate.admit(t, "POST", "/api/v1/entities/orders/records", now);
    ASSERT_FALSE(refused.admitted());
    EXPECT_EQ(refused.refusal->code, u"quota-exceeded"_s);
    EXPECT_EQ(refused.refusal->retryAfterSeconds, 30);
    EXPECT_EQ(header(refused, "RateLimit-Limit"), "2");
    // Refused requests did not count against the day: 2 writes only.
    const QList<DimensionUsage> usage = m_gate.usage(t, now);
    ASSERT_FALSE(usage.isEmpty());
    EXPECT_EQ(usage.first().name, u"api_calls_per_day"_s);
    EXPECT_EQ(usage.first().used, 2);
    // Other routes are not in the rule's scope; the next minute is a new window.
    EXPECT_EQ(admitMany(t, 3, now, "GET", "/api/v1/entities/orders/records"), 3);
    EXPECT_TRUE(m_gate.admit(t, "POST", "/api/v1/entities/orders/records", at(2026, 1, 1, 12, 1, 0)).admitted());
}

TEST_F(QuotaGateTest, StorageOverQuotaRefusesWritesButServesReads)
{
    setPlans(R"({"storage_bytes": 1000})");
    const Tenant t = tenant(u"t1"_s);
    const qint64 now = at(2026, 1, 1);
    EXPECT_TRUE(m_gate.admit(t, "POST", "/api/v1/entities/x/records", now).admitted());
    m_gate.setStorageUsed(t.id, 1000);
    const GateDecision refused = m_gate.admit(t, "POST", "/api/v1/entities/x/records", now);
    ASSERT_FALSE(refused.admitted());
    EXPECT_EQ(refused.refusal->kind, ErrorKind::Forbidden);
    EXPECT_EQ(refused.refusal->code, u"storage-quota-exceeded"_s);
    EXPECT_FALSE(m_gate.admit(t, "PATCH", "/api/v1/entities/x/records/1", now).admitted());
    EXPECT_TRUE(m_gate.admit(t, "GET", "/api/v1/entities/x/records", now).admitted());
    EXPECT_TRUE(m_gate.admit(t, "DELETE", "/api/v1/entities/x/records/1", now).admitted()); // frees space
}

TEST_F(QuotaGateTest, OneTenantUsingUpItsQuotaLeavesOthersAlone)
{
    setPlans(R"({"api_calls_per_day": 5, "rate_per_second": 100, "burst": 100})");
    const qint64 now = at(2026, 1, 1);
    EXPECT_EQ(admitMany(tenant(u"noisy"_s), 50, now), 5);
    EXPECT_EQ(admitMany(tenant(u"quiet"_s), 5, now), 5);
}

TEST_F(QuotaGateTest, OverridesTakeEffectOnReset)
{
    // A tenant made by hand is resolved on every request, a served one through the cache.
    for (const Tenant &t : {tenant(u"t1"_s), served(u"t2"_s)}) {
        const qint64 now = at(2026, 1, 1);
        setPlans(R"({"api_calls_per_day": 2})");
        EXPECT_EQ(admitMany(t, 5, now), 2);
        setPlans(R"({"api_calls_per_day": 2})", {{t.id, QJsonObject{{u"api_calls_per_day"_s, 4}}}});
        EXPECT_EQ(admitMany(t, 5, now), 2); // 3 and 4 of the raised limit
        setPlans(R"({"api_calls_per_day": 2})", {{t.id, QJsonObject{{u"api_calls_per_day"_s, QJsonValue::Null}}}});
        EXPECT_EQ(admitMany(t, 5, now), 5); // lifted
        // The override is gone: 4 counted (unlimited days count nothing) of the plan's 6.
        setPlans(R"({"api_calls_per_day": 6})");
        EXPECT_EQ(admitMany(t, 5, now), 2);
    }
}

TEST_F(QuotaGateTest, ManyThreadsOnOneTenantAdmitExactlyTheLimit)
{
    setPlans(R"({"api_calls_per_day": 1000, "rules": [{"name": "r", "window": "hour", "limit": 700}]})");
    const Tenant t = tenant(u"t1"_s);
    const qint64 now = at(2026, 1, 1, 8);
    EXPECT_EQ(admitFromThreads(t, now), 700);
    EXPECT_EQ(m_gate.usage(t, now).first().used, 700);
}

TEST_F(QuotaGateTest, CountersSurviveARestartThroughRows)
{
    setPlans(R"({"api_calls_per_day": 10, "api_calls_per_month": 100, "rules": [{"name": "r", "window": "hour", "limit": 50}]})");
    const Tenant t = tenant(u"t1"_s);
    const qint64 now = at(2026, 1, 1, 8);
    EXPECT_EQ(admitMany(t, 4, now), 4);
    const auto tenantOf = [&](const QString &id) { return id == t.id ? std::make_shared<const Tenant>(t) : nullptr; };
    const QList<CounterRow> rows = m_gate.counters(now, tenantOf);
    ASSERT_EQ(rows.size(), 3);

    QuotaGate restarted(m_policies);
    for (const CounterRow &row : rows)
        restarted.restore(t, row, now);
    int admitted = 0;
    for (int i = 0; i < 10; ++i)
        admitted += restarted.admit(t, "GET", "/x", now).admitted() ? 1 : 0;
    EXPECT_EQ(admitted, 6);
    // Rows of another window are not brought back into the current one.
    QuotaGate nextDay(m_policies);
    for (const CounterRow &row : rows)
        nextDay.restore(t, row, at(2026, 1, 2, 8));
    const QList<DimensionUsage> usage = nextDay.usage(t, at(2026, 1, 2, 8));
    EXPECT_EQ(usage.at(0).used, 0); // day
    EXPECT_EQ(usage.at(1).used, 4); // month, still January
}

TEST_F(QuotaGateTest, RecordLimitsComeFromRecordsRules)
{
    setPlans(R"({"rules": [{"name": "orders", "metric": "records", "entity": "orders", "limit": 10}]})");
    EXPECT_EQ(m_gate.recordLimit(tenant(u"t1"_s), u"orders"_s), 10);
    EXPECT_EQ(m_gate.recordLimit(tenant(u"t1"_s), u"customers"_s), 0);
}

} // namespace

namespace {

TEST_F(QuotaGateTest, CachedLimitsFollowAPlanChange)
{
    auto limits = [](const char *json) {
        return applyLimitsJson({}, QJsonDocument::fromJson(QByteArray(json)).object()).value();
    };
    m_policies.reset({{u"free"_s, limits(R"({"api_calls_per_day": 2})")},
                      {u"pro"_s, limits(R"({"api_calls_per_day": 5})")}},
                     {});
    const qint64 now = at(2026, 1, 1);
    EXPECT_EQ(admitMany(served(u"t1"_s), 4, now), 2);
    EXPECT_EQ(admitMany(served(u"t1"_s, u"pro"_s), 4, now), 3); // the same counts, the new plan's limit
    EXPECT_EQ(admitMany(served(u"t1"_s), 4, now), 0);          // and back
}

TEST_F(QuotaGateTest, CachedWindowsFollowAZoneChange)
{
    setPlans(R"({"api_calls_per_day": 1})");
    const qint64 now = at(2026, 5, 10, 20); // May 10 in UTC, May 11 in Tokyo
    EXPECT_EQ(admitMany(served(u"t1"_s), 2, now), 1);
    EXPECT_EQ(admitMany(served(u"t1"_s, u"free"_s, u"Asia/Tokyo"_s), 2, now), 1); // another day
}

TEST_F(QuotaGateTest, CachedRuleCountersBelongToTheirTenantAndRule)
{
    const char *plan = R"({"rules": [{"name": "a", "route": "/x", "window": "hour", "limit": 2}]})";
    setPlans(plan);
    const qint64 now = at(2026, 1, 1, 8);
    const Tenant one = served(u"t1"_s), two = served(u"t2"_s);
    EXPECT_EQ(admitMany(one, 4, now, "GET", "/x"), 2);
    EXPECT_EQ(admitMany(two, 4, now, "GET", "/x"), 2);
    EXPECT_EQ(admitMany(one, 4, now, "GET", "/x"), 0);
    // A renamed rule counts afresh; the old name's counter is not reused through the cache.
    setPlans(R"({"rules": [{"name": "b", "route": "/x", "window": "hour", "limit": 2}]})");
    EXPECT_EQ(admitMany(one, 4, now, "GET", "/x"), 2);
    setPlans(plan);
    EXPECT_EQ(admitMany(one, 4, now, "GET", "/x"), 0);
}

TEST_F(QuotaGateTest, ATenantCarryingAnotherTenantsNumberCountsAlone)
{
    setPlans(R"({"api_calls_per_day": 3})");
    const qint64 now = at(2026, 1, 1);
    const Tenant victim = served(u"victim"_s);
    EXPECT_EQ(admitMany(victim, 2, now), 2);
    Tenant forged = served(u"forger"_s);
    forged.number = victim.number;
    EXPECT_EQ(admitMany(forged, 5, now), 3);
    EXPECT_EQ(admitMany(victim, 5, now), 1); // the victim's third unit is still its own
    EXPECT_EQ(m_gate.usage(forged, now).first().used, 3);
    EXPECT_EQ(m_gate.usage(victim, now).first().used, 3);
}

TEST_F(QuotaGateTest, ManyThreadsOnOneServedTenantAdmitExactlyTheLimit)
{
    setPlans(R"({"api_calls_per_day": 1000, "max_concurrent": 64,
                 "rules": [{"name": "r", "window": "hour", "limit": 700}]})");
    const Tenant t = served(u"t1"_s);
    const qint64 now = at(2026, 1, 1, 8);
    EXPECT_EQ(admitFromThreads(t, now), 700);
    EXPECT_EQ(m_gate.usage(t, now).first().used, 700);
}

TEST(QuotaPolicies, EveryThreadSeesAResetAndInstancesDoNotMix)
{
    Tenant t;
    t.id = u"t1"_s;
    t.plan = u"free"_s;
    Limits five;
    five.apiCallsPerDay = 5;
    Limits seven;
    seven.apiCallsPerDay = 7;
    QuotaPolicies a;
    QuotaPolicies b;
    a.reset({{u"free"_s, five}}, {});
    b.reset({{u"free"_s, seven}}, {});
    // Alternating between instances on one thread never answers with the other's limits.
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(a.limitsFor(t)->apiCallsPerDay, 5);
        EXPECT_EQ(b.limitsFor(t)->apiCallsPerDay, 7);
    }
    // A reset made on one thread is seen by another that has read the old snapshot.
    std::atomic<int> phase{0};
    std::atomic<qint64> seenBefore{0}, seenAfter{0};
    std::thread reader([&] {
        seenBefore = a.limitsFor(t)->apiCallsPerDay;
        phase = 1;
        while (phase.load() != 2)
            std::this_thread::yield();
        seenAfter = a.limitsFor(t)->apiCallsPerDay;
    });
    while (phase.load() != 1)
        std::this_thread::yield();
    a.reset({{u"free"_s, seven}}, {{t.id, QJsonObject{{u"api_calls_per_day"_s, 9}}}});
    phase = 2;
    reader.join();
    EXPECT_EQ(seenBefore.load(), 5);
    EXPECT_EQ(seenAfter.load(), 9);
    // A tenant on another plan gets that plan's merge; an unknown plan, the overrides alone.
    t.plan = u"nope"_s;
    EXPECT_EQ(a.limitsFor(t)->apiCallsPerDay, 9);
    Tenant other;
    other.id = u"t2"_s;
    other.plan = u"nope"_s;
    EXPECT_TRUE(a.limitsFor(other)->unlimited());
}

} // namespace

TEST_F(QuotaGateTest, ADegradedTenantGetsTheFreePlanReadOnlyAndOthersKeepTheirs)
{
    auto limits = [](const char *json) {
        return applyLimitsJson({}, QJsonDocument::fromJson(QByteArray(json)).object()).value();
    };
    const QHash<QString, Limits> plans{{u"free"_s, limits(R"({"api_calls_per_day": 3})")},
                                       {u"pro"_s, limits(R"({"api_calls_per_day": 100})")}};
    const QHash<QString, QJsonObject> overrides{
        {u"late"_s, QJsonDocument::fromJson(R"({"api_calls_per_day": 1000})").object()}};
    m_policies.reset(plans, overrides, {u"late"_s}, u"free"_s);
    const qint64 now = at(2026, 1, 1);
    for (const Tenant &late : {served(u"late"_s, u"pro"_s), tenant(u"late"_s, u"pro"_s)}) {
        for (const char *method : {"POST", "PUT", "PATCH", "DELETE"}) {
            const GateDecision refused = m_gate.admit(late, method, "/api/v1/entities/x/records", now);
            ASSERT_FALSE(refused.admitted()) << method;
            EXPECT_EQ(refused.refusal->kind, ErrorKind::Forbidden);
            EXPECT_EQ(refused.refusal->code, u"payment-overdue"_s);
        }
    }
    // Reads are served under the free plan's 3 a day, not pro's 100 nor its override of 1000.
    EXPECT_EQ(admitMany(served(u"late"_s, u"pro"_s), 5, now), 3);
    // Another tenant on pro is not touched, and may write.
    const Tenant other = served(u"paying"_s, u"pro"_s);
    EXPECT_TRUE(m_gate.admit(other, "POST", "/api/v1/entities/x/records", now).admitted());
    EXPECT_EQ(admitMany(other, 10, now), 10);
    // Paid: the plan and the override hold again at once (the cache follows the reset).
    m_policies.reset(plans, overrides);
    EXPECT_TRUE(m_gate.admit(served(u"late"_s, u"pro"_s), "POST", "/api/v1/entities/x/records", now).admitted());
    EXPECT_EQ(admitMany(served(u"late"_s, u"pro"_s), 5, now), 5);
}
