// Plans, overrides and usage over a real server: what the console's Quotas & Usage page
// reads and writes, equal to what the server itself answers, and one tenant's overrides
// and counters never showing for another.
#include "core/http/quotaroutes.h"
#include "core/quota/limitsjson.h"
#include "core/remote/remotequotaservice.h"
#include "core/remote/remotetenantservice.h"
#include "tests/integration/remote/remoteserverfixture.h"
#include "tests/support/rawhttp.h"

#include <QJsonArray>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class RemoteQuotaServiceTest : public RemoteServerTest
{
protected:
    void SetUp() override
    {
        RemoteServerTest::SetUp();
        if (HasFatalFailure())
            return;
        m_tenants = std::make_unique<Remote::RemoteTenantService>(client());
        m_quotas = std::make_unique<Remote::RemoteQuotaService>(client());
    }

    CreatedTenant create(const QString &slug)
    {
        NewTenant request;
        request.slug = slug;
        auto created = m_tenants->create(m_operator, request);
        EXPECT_TRUE(created) << created.error().message.toStdString();
        return created ? created.value() : CreatedTenant{};
    }

    void callAs(const CreatedTenant &tenant, int times)
    {
        for (int i = 0; i < times; ++i) {
            const RawResponse r = sendRequest(server().port(), "GET", "/api/v1/me",
                                              {{"X-Tenant-ID", tenant.tenant.slug.toUtf8()},
                                               {"X-API-Key", tenant.firstKey.secret.toUtf8()}});
            ASSERT_EQ(r.status, 200);
        }
    }

    static qint64 used(const QList<Quota::DimensionUsage> &usage, const QString &name)
    {
        for (const Quota::DimensionUsage &u : usage) {
            if (u.name == name)
                return u.used;
        }
        return -1;
    }

    const Actor m_operator{u"console:alice"_s, {}, {}};
    std::unique_ptr<Remote::RemoteTenantService> m_tenants;
    std::unique_ptr<Remote::RemoteQuotaService> m_quotas;
};

TEST_F(RemoteQuotaServiceTest, ReadsThePlansAsTheServerHasThem)
{
    auto plans = m_quotas->plans();
    ASSERT_TRUE(plans) << plans.error().message.toStdString();
    auto raw = client().getJson(u"/admin/v1/plans"_s);
    ASSERT_TRUE(raw);
    const QJsonArray items = raw->value(u"items"_s).toArray();
    ASSERT_EQ(plans->size(), items.size());
    ASSERT_GE(plans->size(), 2);
    for (int i = 0; i < plans->size(); ++i) {
        EXPECT_EQ(Http::planJson(plans->at(i)).value(u"limits"_s), items.at(i).toObject().value(u"limits"_s))
            << plans->at(i).name.toStdString();
        EXPECT_EQ(plans->at(i).name, items.at(i).toObject().value(u"name"_s).toString());
    }

    auto free = m_quotas->plan(u"free"_s);
    ASSERT_TRUE(free);
    EXPECT_EQ(free->limits.apiCallsPerDay, 10000);
    auto missing = m_quotas->plan(u"platinum"_s);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, u"plan-not-found"_s);
}

TEST_F(RemoteQuotaServiceTest, WritesAPlan)
{
    auto put = m_quotas->putPlan(m_operator, u"team"_s, u"Team"_s,
                                 {{u"api_calls_per_day"_s, 500}, {u"storage_bytes"_s, 1048576}});
    ASSERT_TRUE(put) << put.error().message.toStdString();
    EXPECT_EQ(put->displayName, u"Team"_s);
    EXPECT_EQ(put->limits.apiCallsPerDay, 500);
    EXPECT_EQ(m_quotas->plan(u"team"_s)->limits.storageBytes, 1048576);

    auto bad = m_quotas->putPlan(m_operator, u"team"_s, u"Team"_s, {{u"api_calls_per_day"_s, 0}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, u"invalid-quota-limits"_s);
    ASSERT_FALSE(bad.error().fields.isEmpty());
    EXPECT_EQ(m_quotas->plan(u"team"_s)->limits.apiCallsPerDay, 500); // unchanged
}

TEST_F(RemoteQuotaServiceTest, SetsOverridesAndReadsThemBack)
{
    const CreatedTenant acme = create(u"acme"_s);
    auto before = m_quotas->settings(acme.tenant);
    ASSERT_TRUE(before) << before.error().message.toStdString();
    EXPECT_EQ(before->plan, u"free"_s);
    EXPECT_TRUE(before->planKnown);
    EXPECT_TRUE(before->overrides.isEmpty());
    EXPECT_EQ(before->effective.apiCallsPerDay, 10000);

    auto after = m_quotas->setOverrides(m_operator, acme.tenant, {{u"api_calls_per_day"_s, 5}, {u"storage_bytes"_s, QJsonValue()}});
    ASSERT_TRUE(after) << after.error().message.toStdString();
    EXPECT_EQ(after->overrides.value(u"api_calls_per_day"_s).toInt(), 5);
    EXPECT_EQ(after->effective.apiCallsPerDay, 5);
    EXPECT_EQ(after->planLimits.apiCallsPerDay, 10000);
    EXPECT_EQ(after->effective.storageBytes, 0); // null lifts the limit: 0 is "unlimited"

    auto bad = m_quotas->setOverrides(m_operator, acme.tenant, {{u"api_calls_per_day"_s, -3}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, u"invalid-quota-limits"_s);
    EXPECT_EQ(m_quotas->settings(acme.tenant)->effective.apiCallsPerDay, 5);

    ASSERT_TRUE(m_quotas->setOverrides(m_operator, acme.tenant, {}));
    EXPECT_EQ(m_quotas->settings(acme.tenant)->effective.apiCallsPerDay, 10000);
}

TEST_F(RemoteQuotaServiceTest, UsageIsTheServersOwnCounters)
{
    const CreatedTenant acme = create(u"acme"_s);
    callAs(acme, 3);
    auto usage = m_quotas->usage(acme.tenant);
    ASSERT_TRUE(usage) << usage.error().message.toStdString();
    EXPECT_EQ(used(usage.value(), u"api_calls_per_day"_s), 3);
    for (const Quota::DimensionUsage &u : usage.value()) {
        if (u.name == u"api_calls_per_day"_s) {
            EXPECT_EQ(u.limit, 10000);
            EXPECT_GT(u.resetSeconds, 0);
        }
    }
}

TEST_F(RemoteQuotaServiceTest, OneTenantsLimitsAndUsageStayItsOwn)
{
    const CreatedTenant acme = create(u"acme"_s);
    const CreatedTenant globex = create(u"globex"_s);
    ASSERT_TRUE(m_quotas->setOverrides(m_operator, acme.tenant, {{u"api_calls_per_day"_s, 7}}));
    callAs(acme, 4);
    callAs(globex, 1);

    auto globexSettings = m_quotas->settings(globex.tenant);
    ASSERT_TRUE(globexSettings);
    EXPECT_TRUE(globexSettings->overrides.isEmpty());
    EXPECT_EQ(globexSettings->effective.apiCallsPerDay, 10000);
    EXPECT_EQ(used(m_quotas->usage(globex.tenant).value(), u"api_calls_per_day"_s), 1);
    EXPECT_EQ(used(m_quotas->usage(acme.tenant).value(), u"api_calls_per_day"_s), 4);

    // A tenant the server does not know has no settings to read or write.
    Tenant stranger = acme.tenant;
    stranger.slug = u"stranger"_s;
    auto refused = m_quotas->setOverrides(m_operator, stranger, {{u"api_calls_per_day"_s, 1}});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, u"tenant-not-found"_s);
    EXPECT_EQ(m_quotas->settings(acme.tenant)->effective.apiCallsPerDay, 7);
}

} // namespace
