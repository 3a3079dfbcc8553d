#include "widgets/alerts/quotaalertwatcher.h"

#include "app/consolequotaalerts.h"
#include "core/quota/quotapolicies.h"
#include "core/storage/catalogquotaservice.h"
#include "support/auditcatalogtest.h"
#include "widgets/mainwindow.h"
#include "widgets/messagebanner.h"
#include "widgets/quotas/quotaspage.h"

#include <QPushButton>
#include <QTreeWidget>

using namespace Tenantry;
using namespace Qt::StringLiterals;
using Tenantry::Widgets::QuotaAlertWatcher;

namespace {

// Quota alerts as servers record them (the catalog's quota_alerts), read by the console.
class QuotaAlertWatcherTest : public Testing::AuditCatalogTest
{
protected:
    void SetUp() override
    {
        AuditCatalogTest::SetUp();
        acme = create(u"acme"_s);
        globex = create(u"globex"_s);
        m_log = std::make_unique<Storage::QuotaAlertRepository>(*m_catalog, m_clock);
        m_feed = std::make_unique<App::ConsoleQuotaAlerts>(*m_log);
    }

    void record(const Tenant &t, const QString &dimension, int threshold, qint64 used, qint64 limit)
    {
        Quota::QuotaAlert a;
        a.tenantId = t.id;
        a.dimension = dimension;
        a.windowStartMs = m_clock.now().toMSecsSinceEpoch() - 3600'000;
        a.windowEndMs = a.windowStartMs + 86'400'000;
        a.threshold = threshold;
        a.used = used;
        a.limit = limit;
        a.atMs = m_clock.now().toMSecsSinceEpoch();
        ASSERT_TRUE(m_log->record({a}).ok());
    }

    Tenant acme;
    Tenant globex;
    std::unique_ptr<Storage::QuotaAlertRepository> m_log;
    std::unique_ptr<App::ConsoleQuotaAlerts> m_feed;
};

TEST_F(QuotaAlertWatcherTest, RaisesEachAlertRecordedAfterStartOnceInOrder)
{
    record(acme, u"api_calls_per_day"_s, 80, 800, 1000); // before the console looked: not news
    QuotaAlertWatcher watcher(m_feed.get());
    QList<Quota::QuotaAlert> raised;
    QObject::connect(&watcher, &QuotaAlertWatcher::alertRaised, [&](const Quota::QuotaAlert &a) { raised.append(a); });
    ASSERT_TRUE(watcher.start().ok());
    ASSERT_TRUE(watcher.poll().ok());
    EXPECT_TRUE(raised.isEmpty());

    record(acme, u"api_calls_per_day"_s, 90, 900, 1000);
    record(globex, u"storage_bytes"_s, 100, 104857600, 104857600);
    ASSERT_TRUE(watcher.poll().ok());
    ASSERT_EQ(raised.size(), 2);
    EXPECT_EQ(raised.at(0).tenantId, acme.id);
    EXPECT_EQ(raised.at(0).threshold, 90);
    EXPECT_EQ(raised.at(1).tenantId, globex.id);
    ASSERT_TRUE(watcher.poll().ok());
    EXPECT_EQ(raised.size(), 2) << "each once";

    EXPECT_EQ(QuotaAlertWatcher::describe(raised.at(0), u"acme"_s),
              u"acme reached 90% of API calls per day: 900 of 1,000 (90%)"_s);
}

TEST_F(QuotaAlertWatcherTest, TheWindowShowsItAndShowOpensTheTenantsQuotas)
{
    Quota::QuotaPolicies policies;
    Storage::CatalogQuotaService quotas(*m_catalog, *m_audit, policies, m_clock);
    ASSERT_TRUE(quotas.load().ok());
    Widgets::MainWindow window(m_tenants.get(), m_audit.get(), u"test catalog"_s);
    window.setQuotas(&quotas, nullptr);
    window.setQuotaAlerts(m_feed.get());
    QCoreApplication::processEvents(); // the queued load and the watcher's start
    QCoreApplication::processEvents();
    ASSERT_NE(window.quotaAlertWatcher(), nullptr);

    record(globex, u"api_calls_per_month"_s, 100, 20000, 20000);
    ASSERT_TRUE(window.quotaAlertWatcher()->poll().ok());
    auto *banner = window.findChild<Widgets::MessageBanner *>(u"alertBanner"_s);
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->isHidden());
    EXPECT_TRUE(banner->text().startsWith(u"globex reached 100%"_s)) << banner->text().toStdString();
    EXPECT_EQ(banner->kind(), Widgets::MessageBanner::Kind::Error);
    auto *list = window.findChild<QTreeWidget *>(u"alertsList"_s);
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->topLevelItemCount(), 1) << "on the Monitoring page too";
    EXPECT_EQ(list->topLevelItem(0)->text(1), u"globex"_s);

    window.findChild<QPushButton *>(u"showAlertButton"_s)->click();
    EXPECT_EQ(window.currentArea(), u"quotas"_s);
    ASSERT_TRUE(window.quotasPage()->currentTenant().has_value());
    EXPECT_EQ(window.quotasPage()->currentTenant()->slug, u"globex"_s);
}

} // namespace
