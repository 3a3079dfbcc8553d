// The console's window over a real remote `tenantry serve`: the same pages as on a catalog,
// their reads and changes going through the server's admin API, and one tenant's quotas
// never shown for another.
#include "app/remotebackend.h"
#include "core/quota/quotaservice.h"
#include "core/remote/remotemetrics.h"
#include "core/tenancy/tenantservice.h"
#include "support/waituntil.h"
#include "tests/integration/remote/remoteserverfixture.h"
#include "widgets/mainwindow.h"
#include "widgets/quotas/quotalimitsmodel.h"
#include "widgets/quotas/quotaspage.h"
#include "widgets/tenants/tenantspage.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QAction>
#include <QJsonArray>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Tenantry::Widgets;
using namespace Qt::StringLiterals;

namespace {

class RemoteConsoleTest : public RemoteServerTest
{
protected:
    void SetUp() override
    {
        RemoteServerTest::SetUp();
        if (HasFatalFailure())
            return;
        for (const auto &[slug, perDay] : {std::pair{u"acme"_s, 7}, std::pair{u"globex"_s, 0}}) {
            auto created = client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, slug}});
            ASSERT_TRUE(created) << created.error().message.toStdString();
            if (perDay > 0) {
                ASSERT_TRUE(client().sendJson("PUT", u"/admin/v1/tenants/%1/quotas"_s.arg(slug),
                                              {{u"api_calls_per_day"_s, perDay}}));
            }
        }
        m_backend = std::make_unique<App::RemoteBackend>(endpoint(kAdminToken));
        m_window = std::make_unique<MainWindow>(&m_backend->tenants(), &m_backend->audit(), m_backend->describe());
        m_window->setQuotas(&m_backend->quotas(), &m_backend->usage());
        m_window->setBilling(&m_backend->billing());
        m_window->setQuotaAlerts(&m_backend->quotaAlerts());
        m_window->setMonitoringFeed(&m_backend->metrics());
        m_window->tenantsPage()->setErrorPresenter([this](const QString &what, const Error &error) {
            m_errors.append(what + u": "_s + error.message);
        });
        m_window->show();
        ASSERT_TRUE(waitUntil([this] { return m_window->tenantsPage()->model()->rowCount() == 2; }));
    }

    void TearDown() override
    {
        m_window.reset(); // before the backend its pages use
        m_backend.reset();
    }

    QString statusOnServer(const QString &slug)
    {
        auto tenant = client().getJson(u"/admin/v1/tenants/"_s + slug);
        return tenant ? tenant->value(u"status"_s).toString() : tenant.error().code;
    }

    QString effectiveText(const QString &key)
    {
        QuotaLimitsModel *limits = m_window->quotasPage()->limitsModel();
        for (int row = 0; row < limits->rowCount(); ++row) {
            if (limits->index(row, 0).data(QuotaLimitsModel::KeyRole).toString() == key)
                return limits->index(row, QuotaLimitsModel::EffectiveColumn).data().toString();
        }
        return {};
    }

    std::unique_ptr<App::RemoteBackend> m_backend;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_errors;
};

TEST_F(RemoteConsoleTest, TheTenantsPageListsAndChangesTheServersTenants)
{
    TenantsPage *page = m_window->tenantsPage();
    EXPECT_GE(page->model()->rowOfSlug(u"acme"_s), 0);
    EXPECT_GE(page->model()->rowOfSlug(u"globex"_s), 0);

    ASSERT_TRUE(page->selectTenant(u"acme"_s));
    page->action(TenantsPage::Action::Suspend)->trigger();
    EXPECT_TRUE(m_errors.isEmpty()) << m_errors.join(u'\n').toStdString();
    EXPECT_EQ(statusOnServer(u"acme"_s), u"suspended"_s);
    EXPECT_EQ(statusOnServer(u"globex"_s), u"active"_s) << "only the selected tenant";
    EXPECT_EQ(page->currentTenant()->status, TenantStatus::Suspended);

    // The server recorded who at the console did it.
    auto entries = client().getJson(u"/admin/v1/audit"_s, QUrlQuery(u"action=tenant.suspend"_s));
    ASSERT_TRUE(entries);
    const QJsonArray items = entries->value(u"items"_s).toArray();
    ASSERT_EQ(items.size(), 1);
    EXPECT_TRUE(items.first().toObject().value(u"actor"_s).toString().startsWith(u"admin:console:"_s));

    // A tenant another operator adds shows at the next refresh.
    ASSERT_TRUE(client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, u"initech"_s}}));
    page->action(TenantsPage::Action::Refresh)->trigger();
    ASSERT_TRUE(waitUntil([page] { return page->model()->rowCount() == 3; }));
}

TEST_F(RemoteConsoleTest, TheQuotasPageShowsEachTenantsOwnLimits)
{
    ASSERT_TRUE(m_window->showArea(u"quotas"_s));
    QuotasPage *quotas = m_window->quotasPage();
    ASSERT_TRUE(quotas->selectTenant(u"acme"_s));
    ASSERT_TRUE(waitUntil([this] { return !effectiveText(u"api_calls_per_day"_s).isEmpty(); }));
    EXPECT_EQ(effectiveText(u"api_calls_per_day"_s), u"7"_s);
    EXPECT_EQ(quotas->limitsModel()->overrides().value(u"api_calls_per_day"_s).toInt(), 7);

    ASSERT_TRUE(quotas->selectTenant(u"globex"_s));
    ASSERT_TRUE(waitUntil([this] { return effectiveText(u"api_calls_per_day"_s) != u"7"_s; }));
    EXPECT_EQ(effectiveText(u"api_calls_per_day"_s), QLocale().toString(10000));
    EXPECT_TRUE(quotas->limitsModel()->overrides().isEmpty()) << "acme's override is acme's alone";
}

TEST_F(RemoteConsoleTest, AServerThatGoesAwayIsShownNotHidden)
{
    server().stop();
    TenantsPage *page = m_window->tenantsPage();
    ASSERT_TRUE(page->selectTenant(u"acme"_s));
    page->action(TenantsPage::Action::Suspend)->trigger();
    ASSERT_EQ(m_errors.size(), 1);
    EXPECT_TRUE(m_errors.first().contains(u"127.0.0.1"_s)) << m_errors.first().toStdString();
    EXPECT_EQ(page->currentTenant()->status, TenantStatus::Active) << "nothing pretended";
}

} // namespace
