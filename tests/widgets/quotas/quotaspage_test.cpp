#include "widgets/quotas/quotaspage.h"

#include "core/quota/quotagate.h"
#include "core/quota/quotapolicies.h"
#include "core/storage/catalogquotaservice.h"
#include "support/auditcatalogtest.h"
#include "support/gateusage.h"
#include "widgets/messagebanner.h"
#include "widgets/quotas/quotalimitsmodel.h"
#include "widgets/quotas/usagesource.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

using namespace Tenantry;
using namespace Qt::StringLiterals;
using Tenantry::Widgets::QuotaLimitsModel;
using Tenantry::Widgets::QuotasPage;

namespace {

using Testing::GateUsage;

class QuotasPageTest : public Testing::AuditCatalogTest
{
protected:
    void SetUp() override
    {
        AuditCatalogTest::SetUp();
        m_quotas = std::make_unique<Storage::CatalogQuotaService>(*m_catalog, *m_audit, m_policies, m_clock);
        ASSERT_TRUE(m_quotas->load().ok());
        auto plan = m_quotas->putPlan(m_operator, u"free"_s, u"Free"_s,
                                      QJsonObject{{u"api_calls_per_day"_s, 1000}, {u"rate_per_second"_s, 5},
                                                  {u"storage_bytes"_s, 104857600}});
        ASSERT_TRUE(plan.ok()) << plan.error().message.toStdString();
        acme = create(u"acme"_s);
        globex = create(u"globex"_s);
        m_model = std::make_unique<Widgets::TenantTableModel>(m_tenants.get());
        ASSERT_TRUE(m_model->reload().ok());
        m_usage = std::make_unique<GateUsage>(m_policies, m_clock);
        page = std::make_unique<QuotasPage>(m_quotas.get(), m_model.get(), m_usage.get());
        page->setDiscardConfirmation([this](const Tenant &t) {
            asked.append(t.slug);
            return discard;
        });
        page->resize(1100, 600);
    }

    void TearDown() override
    {
        page.reset();
        m_usage.reset();
        m_model.reset();
        m_quotas.reset();
        AuditCatalogTest::TearDown();
    }

    QModelIndex cell(const QString &key, int column) const
    {
        QuotaLimitsModel *m = page->limitsModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, 0).data(QuotaLimitsModel::KeyRole).toString() == key)
                return m->index(r, column);
        }
        return {};
    }
    QString text(const QString &key, int column) const { return cell(key, column).data().toString(); }
    bool edit(const QString &key, const QString &value)
    {
        return page->limitsModel()->setData(cell(key, QuotaLimitsModel::OverrideColumn), value);
    }
    QJsonObject storedOverrides(const Tenant &t) { return m_quotas->settings(t).value().overrides; }
    QPushButton *button(const char *name) const { return page->findChild<QPushButton *>(QString::fromLatin1(name)); }

    Quota::QuotaPolicies m_policies;
    std::unique_ptr<Storage::CatalogQuotaService> m_quotas;
    std::unique_ptr<Widgets::TenantTableModel> m_model;
    std::unique_ptr<GateUsage> m_usage;
    std::unique_ptr<QuotasPage> page;
    Tenant acme;
    Tenant globex;
    QStringList asked;
    bool discard = true;
};

TEST_F(QuotasPageTest, ShowsThePlanLimitsAndWhatHolds)
{
    EXPECT_TRUE(page->limitsModel()->rowCount() == 0);
    ASSERT_TRUE(page->selectTenant(u"acme"_s));
    EXPECT_EQ(text(u"api_calls_per_day"_s, QuotaLimitsModel::PlanColumn), QLocale().toString(1000));
    EXPECT_EQ(text(u"api_calls_per_day"_s, QuotaLimitsModel::OverrideColumn), QString());
    EXPECT_EQ(text(u"api_calls_per_day"_s, QuotaLimitsModel::EffectiveColumn), QLocale().toString(1000));
    EXPECT_EQ(text(u"storage_bytes"_s, QuotaLimitsModel::EffectiveColumn), u"100.0 MiB"_s);
    EXPECT_EQ(text(u"max_concurrent"_s, QuotaLimitsModel::EffectiveColumn), u"Unlimited"_s);
    // No burst set: one second's worth of the rate.
    EXPECT_EQ(text(u"burst"_s, QuotaLimitsModel::EffectiveColumn), u"5"_s);
    EXPECT_FALSE(button("quotaApplyButton")->isEnabled());
}

TEST_F(QuotasPageTest, AppliedOverridesAreStoredAuditedAndLeaveOtherTenantsAlone)
{
    ASSERT_TRUE(page->selectTenant(u"acme"_s));
    const qint64 before = newestSeq();
    ASSERT_TRUE(edit(u"api_calls_per_day"_s, u"50,000"_s));
    ASSERT_TRUE(edit(u"storage_bytes"_s, u"2 GiB"_s));
    ASSERT_TRUE(edit(u"max_concurrent"_s, u"unlimited"_s));
    EXPECT_EQ(text(u"api_calls_per_day"_s, QuotaLimitsModel::EffectiveColumn), QLocale().toString(50000));
    EXPECT_TRUE(page->limitsModel()->isDirty());
    EXPECT_TRUE(storedOverrides(acme).isEmpty()) << "nothing is written before Apply";
    EXPECT_TRUE(button("quotaApplyButton")->isEnabled());

    ASSERT_TRUE(page->apply());
    const QJsonObject stored = storedOverrides(acme);
    EXPECT_EQ(stored.value(u"api_calls_per_day"_s).toDouble(), 50000);
    EXPECT_EQ(stored.value(u"storage_bytes"_s).toDouble(), 2147483648.0);
    EXPECT_TRUE(stored.value(u"max_concurrent"_s).isNull());
    EXPECT_FALSE(page->limitsModel()->isDirty());
    EXPECT_EQ(page->banner()->kind(), Widgets::MessageBanner::Kind::Information);
    EXPECT_EQ(m_policies.limitsFor(acme)->apiCallsPerDay, 50000) << "the request path sees it without a restart";

    Observe::AuditQuery query;
    query.action = u"tenant.quotas"_s;
    auto entries = m_audit->query(query);
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->items.size(), 1);
    EXPECT_GT(entries->items.first().seq, before);
    EXPECT_EQ(entries->items.first().tenantId, acme.id);
    EXPECT_EQ(entries->items.first().actor.left(8), u"console:"_s);

    // Another tenant: its own plan limits, untouched by acme's overrides.
    EXPECT_TRUE(storedOverrides(globex).isEmpty());
    EXPECT_EQ(m_policies.limitsFor(globex)->apiCallsPerDay, 1000);
    ASSERT_TRUE(page->selectTenant(u"globex"_s));
    EXPECT_EQ(text(u"api_calls_per_day"_s, QuotaLimitsModel::EffectiveColumn), QLocale().toString(1000));
    EXPECT_EQ(text(u"api_calls_per_day"_s, QuotaLimitsModel::OverrideColumn), QString());
}

TEST_F(QuotasPageTest, InvalidEntriesAreMarkedAndNothingIsWritten)
{
    ASSERT_TRUE(page->selectTenant(u"acme"_s));
    EXPECT_FALSE(edit(u"api_calls_per_day"_s, u"lots"_s));
    EXPECT_FALSE(cell(u"api_calls_per_day"_s, 0).data(QuotaLimitsModel::ErrorRole).toString().isEmpty());
    EXPECT_FALSE(edit(u"api_calls_per_day"_s, u"0"_s)) << "no limit is said with 'unlimited', not 0";
    EXPECT_FALSE(edit(u"api_calls_per_day"_s, u"1.5"_s));
    // Parses, but the service's rules refuse it: checked before Apply is offered.
    EXPECT_TRUE(edit(u"db_connections"_s, u"5000"_s));
    EXPECT_FALSE(cell(u"db_connections"_s, 0).data(QuotaLimitsModel::ErrorRole).toString().isEmpty());
    EXPECT_TRUE(page->limitsModel()->hasErrors());
    EXPECT_FALSE(page->apply());
    EXPECT_EQ(page->banner()->kind(), Widgets::MessageBanner::Kind::Error);
    EXPECT_TRUE(storedOverrides(acme).isEmpty());

    // Fixing the entry clears the mark; Revert drops the edits.
    EXPECT_TRUE(edit(u"db_connections"_s, u"8"_s));
    EXPECT_FALSE(page->limitsModel()->hasErrors());
    page->revert();
    EXPECT_FALSE(page->limitsModel()->isDirty());
    EXPECT_EQ(text(u"db_connections"_s, QuotaLimitsModel::OverrideColumn), QString());
}

TEST_F(QuotasPageTest, LeavingEditsAsksAndKeepsThemWhenTheOperatorSaysSo)
{
    ASSERT_TRUE(page->selectTenant(u"acme"_s));
    ASSERT_TRUE(edit(u"api_calls_per_day"_s, u"20000"_s));
    discard = false;
    EXPECT_FALSE(page->selectTenant(u"globex"_s));
    EXPECT_EQ(asked, QStringList{u"acme"_s});
    EXPECT_TRUE(waitUntil([&] {
        return page->tenantsView()->currentIndex().data(Widgets::TenantTableModel::SlugRole).toString() == "acme"_L1;
    }));
    EXPECT_EQ(page->currentTenant()->slug, u"acme"_s);
    EXPECT_TRUE(page->limitsModel()->isDirty());

    discard = true;
    EXPECT_TRUE(page->selectTenant(u"globex"_s));
    EXPECT_FALSE(page->limitsModel()->isDirty());
    EXPECT_TRUE(storedOverrides(acme).isEmpty());
}

TEST_F(QuotasPageTest, UsageIsTheTenantsOwn)
{
    // Spaced out so the plan's rate (5/s) admits them all.
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    for (int i = 0; i < 250; ++i) {
        Quota::GateDecision d = m_usage->gate.admit(acme, "GET", "/api/v1/me", now + i * 250);
        ASSERT_TRUE(d.admitted());
    }
    ASSERT_TRUE(page->selectTenant(u"acme"_s));
    EXPECT_DOUBLE_EQ(cell(u"api_calls_per_day"_s, QuotaLimitsModel::UsageColumn)
                         .data(QuotaLimitsModel::UsageRatioRole).toDouble(), 0.25);
    EXPECT_TRUE(text(u"api_calls_per_day"_s, QuotaLimitsModel::UsageColumn).startsWith(u"250"_s));
    EXPECT_FALSE(text(u"api_calls_per_day"_s, QuotaLimitsModel::ResetColumn).isEmpty());

    ASSERT_TRUE(page->selectTenant(u"globex"_s));
    EXPECT_DOUBLE_EQ(cell(u"api_calls_per_day"_s, QuotaLimitsModel::UsageColumn)
                         .data(QuotaLimitsModel::UsageRatioRole).toDouble(), 0.0);

    // Refreshing shows new use without touching edits.
    ASSERT_TRUE(edit(u"max_concurrent"_s, u"3"_s));
    for (int i = 0; i < 100; ++i)
        ASSERT_TRUE(m_usage->gate.admit(globex, "GET", "/api/v1/me", now + i * 250).admitted());
    page->refreshUsage();
    EXPECT_DOUBLE_EQ(cell(u"api_calls_per_day"_s, QuotaLimitsModel::UsageColumn)
                         .data(QuotaLimitsModel::UsageRatioRole).toDouble(), 0.1);
    EXPECT_TRUE(page->limitsModel()->isDirty());
}

TEST_F(QuotasPageTest, UsePlanLimitsDropsOverridesButKeepsRules)
{
    const QJsonObject overrides{
        {u"api_calls_per_day"_s, 9000},
        {u"rules"_s, QJsonArray{QJsonObject{{u"name"_s, u"orders"_s}, {u"metric"_s, u"records"_s},
                                            {u"entity"_s, u"orders"_s}, {u"limit"_s, 100}}}}};
    ASSERT_TRUE(m_quotas->setOverrides(m_operator, acme, overrides).ok());
    ASSERT_TRUE(page->selectTenant(u"acme"_s));
    EXPECT_EQ(text(u"rule:orders"_s, QuotaLimitsModel::EffectiveColumn), u"100 records of orders"_s);
    EXPECT_EQ(text(u"rule:orders"_s, QuotaLimitsModel::OverrideColumn), u"100 records of orders"_s)
        << "the tenant's own rule is its override";
    EXPECT_FALSE(cell(u"rule:orders"_s, QuotaLimitsModel::OverrideColumn).flags() & Qt::ItemIsEditable);

    button("quotaInheritButton")->click();
    ASSERT_TRUE(page->apply());
    const QJsonObject stored = storedOverrides(acme);
    EXPECT_FALSE(stored.contains(u"api_calls_per_day"_s));
    EXPECT_EQ(stored.value(u"rules"_s).toArray().size(), 1);
}

TEST(QuotaOverrideParsing, ReadsWhatOperatorsType)
{
    using P = QuotaLimitsModel;
    EXPECT_TRUE(P::parseOverride(u"burst"_s, u"  "_s).inherit);
    EXPECT_TRUE(P::parseOverride(u"burst"_s, u"Unlimited"_s).value.isNull());
    EXPECT_TRUE(P::parseOverride(u"burst"_s, u"∞"_s).value.isNull());
    EXPECT_EQ(P::parseOverride(u"storage_bytes"_s, u"20 GiB"_s).value.toDouble(), 21474836480.0);
    EXPECT_EQ(P::parseOverride(u"storage_bytes"_s, u"500MB"_s).value.toDouble(), 500000000.0);
    EXPECT_EQ(P::parseOverride(u"storage_bytes"_s, u"1.5 KiB"_s).value.toDouble(), 1536.0);
    EXPECT_FALSE(P::parseOverride(u"storage_bytes"_s, u"20 parsecs"_s).error.isEmpty());
    EXPECT_EQ(P::parseOverride(u"rate_per_second"_s, u"2.5"_s).value.toDouble(), 2.5);
    EXPECT_FALSE(P::parseOverride(u"api_calls_per_month"_s, u"2.5"_s).error.isEmpty());
    EXPECT_FALSE(P::parseOverride(u"api_calls_per_month"_s, u"-3"_s).error.isEmpty());
    EXPECT_EQ(P::parseOverride(u"api_calls_per_month"_s, u"1,000,000"_s).value.toDouble(), 1e6);
}

} // namespace

namespace {

// Usage that cannot be read, as from a server that stopped answering.
class UnreadableUsage final : public Widgets::UsageSource
{
public:
    Result<QList<Quota::DimensionUsage>> usage(const Tenant &) override
    {
        return Error::unavailable(u"server-unreachable"_s, u"The server at http://10.0.0.9 cannot be reached."_s);
    }
    QString origin() const override { return u"live from the server"_s; }
};

TEST_F(QuotasPageTest, UsageThatCannotBeReadIsSaidWhileTheLimitsShow)
{
    UnreadableUsage unreadable;
    QuotasPage broken(m_quotas.get(), m_model.get(), &unreadable);
    ASSERT_TRUE(broken.selectTenant(u"acme"_s));
    EXPECT_TRUE(broken.findChild<QLabel *>(u"quotaSubtitle"_s)->text().contains(u"cannot be reached"_s));
    EXPECT_GT(broken.limitsModel()->rowCount(), 0) << "the limits are shown all the same";
    EXPECT_EQ(broken.currentTenant()->slug, u"acme"_s);
}

} // namespace
