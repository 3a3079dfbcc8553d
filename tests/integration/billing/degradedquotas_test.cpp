// Tenants degraded by dunning get the free plan, read-only, when the catalog's quota
// policies load; the tenant next to them keeps its own plan.
#include "core/observe/auditlog.h"
#include "core/storage/catalogquotaservice.h"

#include "tests/integration/storage/catalogfixture.h"

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class DegradedQuotasTest : public CatalogBackendTest
{
protected:
    void subscribe(const QString &tenantId, const QString &status)
    {
        auto db = m_catalog->connection();
        ASSERT_TRUE(db.ok());
        auto q = Storage::runQuery(db.value(),
                                   u"INSERT INTO subscriptions (tenant_id, plan, cycle, status, anchor_at, period_start, "
                                   "period_end, created_at, updated_at) VALUES (?, 'pro', 'monthly', ?, 0, 0, 1, 0, 0)"_s,
                                   {tenantId, status});
        ASSERT_TRUE(q.ok()) << q.error().message.toStdString();
    }
    static Tenant onPro(const QString &id)
    {
        Tenant t;
        t.id = id;
        t.slug = id;
        t.plan = u"pro"_s;
        return t;
    }
};

TEST_P(DegradedQuotasTest, DegradedAndSuspendedSubscriptionsGetTheFreePlanReadOnly)
{
    subscribe(u"late"_s, u"degraded"_s);
    subscribe(u"later"_s, u"suspended"_s);
    subscribe(u"paying"_s, u"active"_s);
    subscribe(u"overdue"_s, u"past_due"_s); // still being retried: nothing changes yet
    Observe::AuditLog audit(*m_catalog, m_clock);
    Quota::QuotaPolicies policies;
    Storage::CatalogQuotaService service(*m_catalog, audit, policies, m_clock);
    ASSERT_TRUE(service.load().ok());
    const qint64 freeDaily = service.plan(u"free"_s).value().limits.apiCallsPerDay;
    const qint64 proDaily = service.plan(u"pro"_s).value().limits.apiCallsPerDay;
    ASSERT_NE(freeDaily, proDaily);
    for (const QString &id : {u"late"_s, u"later"_s}) {
        const Quota::Limits *l = policies.limitsFor(onPro(id));
        EXPECT_TRUE(l->writesRefused) << id.toStdString();
        EXPECT_EQ(l->apiCallsPerDay, freeDaily) << id.toStdString();
    }
    for (const QString &id : {u"paying"_s, u"overdue"_s, u"no-subscription"_s}) {
        const Quota::Limits *l = policies.limitsFor(onPro(id));
        EXPECT_FALSE(l->writesRefused) << id.toStdString();
        EXPECT_EQ(l->apiCallsPerDay, proDaily) << id.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, DegradedQuotasTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
