#include "widgets/tenants/tenantinsights.h"

#include "core/quota/quotapolicies.h"
#include "core/storage/catalogquotaservice.h"
#include "support/auditcatalogtest.h"
#include "support/gateusage.h"
#include "widgets/tenants/tenantspage.h"

using namespace Tenantry;
using namespace Qt::StringLiterals;
using Tenantry::Widgets::TenantInsights;

namespace {

class TenantInsightsTest : public Testing::AuditCatalogTest
{
protected:
    void SetUp() override
    {
        AuditCatalogTest::SetUp();
        m_quotas = std::make_unique<Storage::CatalogQuotaService>(*m_catalog, *m_audit, m_policies, m_clock);
        ASSERT_TRUE(m_quotas->load().ok());
        ASSERT_TRUE(m_quotas
                        ->putPlan(m_operator, u"free"_s, u"Free"_s,
                                  QJsonObject{{u"api_calls_per_day"_s, 400}, {u"api_calls_per_month"_s, 10000}})
                        .ok());
        acme = create(u"acme"_s);
        globex = create(u"globex"_s);
        apply(u"globex"_s, LifecycleAction::Suspend);
        m_usage = std::make_unique<Testing::GateUsage>(m_policies, m_clock);
        const qint64 now = m_clock.now().toMSecsSinceEpoch();
        for (int i = 0; i < 300; ++i)
            ASSERT_TRUE(m_usage->gate.admit(acme, "GET", "/api/v1/me", now).admitted());
    }

    Quota::QuotaPolicies m_policies;
    std::unique_ptr<Storage::CatalogQuotaService> m_quotas;
    std::unique_ptr<Testing::GateUsage> m_usage;
    Tenant acme;
    Tenant globex;
};

TEST_F(TenantInsightsTest, ShowsTheTenantsOwnUseAndActivityOnly)
{
    TenantInsights insights(m_usage.get(), m_audit.get());
    insights.showTenant(acme);
    const QHash<QString, int> bars = insights.usageBars();
    EXPECT_EQ(bars.value(u"api_calls_per_day"_s), 750) << "300 of 400";
    EXPECT_EQ(bars.value(u"api_calls_per_month"_s), 30);
    QStringList lines = insights.activity();
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_TRUE(lines.last().contains(u"tenant.create"_s));
    EXPECT_FALSE(lines.join(u'\n').contains(u"tenant.suspend"_s)) << "globex's suspension is not acme's";

    insights.showTenant(globex);
    EXPECT_EQ(insights.usageBars().value(u"api_calls_per_day"_s), 0) << "acme's calls are not globex's";
    lines = insights.activity();
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_TRUE(lines.first().contains(u"tenant.suspend"_s)) << "newest first";

    // A client retrying a bad key is one line, not the whole list.
    for (int i = 0; i < 3; ++i)
        recordAuthFailure(acme);
    insights.showTenant(acme);
    lines = insights.activity();
    ASSERT_GE(lines.size(), 2);
    EXPECT_TRUE(lines.first().contains(u"auth.failure"_s) && lines.first().contains(u"×3"_s))
        << lines.first().toStdString();
    EXPECT_TRUE(lines.at(1).contains(u"tenant.create"_s));

    insights.showTenant(std::nullopt);
    EXPECT_TRUE(insights.usageBars().isEmpty());
    EXPECT_TRUE(insights.activity().isEmpty());
}

TEST_F(TenantInsightsTest, TheTenantsPageShowsThemForTheSelection)
{
    Widgets::TenantsPage page(m_tenants.get());
    page.reload();
    page.setInsights(m_usage.get(), m_audit.get());
    ASSERT_NE(page.insights(), nullptr);
    ASSERT_TRUE(page.selectTenant(u"acme"_s));
    EXPECT_EQ(page.insights()->usageBars().value(u"api_calls_per_day"_s), 750);
    ASSERT_TRUE(page.selectTenant(u"globex"_s));
    EXPECT_EQ(page.insights()->usageBars().value(u"api_calls_per_day"_s), 0);
}

} // namespace
