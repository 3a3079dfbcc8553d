#include "support/auditcatalogtest.h"
#include "widgets/alerts/alertwatcher.h"
#include "widgets/audit/auditpage.h"
#include "widgets/audit/audittablemodel.h"
#include "widgets/mainwindow.h"
#include "widgets/messagebanner.h"

#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using Tenantry::Tenant;
using Tenantry::Observe::AuditEntry;
using Tenantry::Testing::AuditCatalogTest;
using Tenantry::Widgets::AlertWatcher;
using Tenantry::Widgets::MainWindow;
using Tenantry::Widgets::MessageBanner;

namespace {

class AlertWatcherTest : public AuditCatalogTest
{
protected:
    void SetUp() override
    {
        AuditCatalogTest::SetUp();
        if (HasFatalFailure())
            return;
        acme = create(u"acme"_s);
        globex = create(u"globex"_s);
        watcher = std::make_unique<AlertWatcher>(m_audit.get());
        QObject::connect(watcher.get(), &AlertWatcher::alertRaised,
                         [this](const AuditEntry &entry) { raised.append(entry.seq); });
    }

    void TearDown() override
    {
        watcher.reset();
        AuditCatalogTest::TearDown();
    }

    Tenant acme, globex;
    std::unique_ptr<AlertWatcher> watcher;
    QList<qint64> raised;
};

TEST_F(AlertWatcherTest, RaisesEachNewAnomalyOnceAndNothingElse)
{
    recordAnomaly(acme); // 3: before the console started watching
    ASSERT_TRUE(watcher->start().ok());
    EXPECT_TRUE(watcher->isActive());
    EXPECT_EQ(watcher->lastSeenSeq(), 3);
    ASSERT_TRUE(watcher->poll().ok());
    EXPECT_TRUE(raised.isEmpty());

    recordAuthFailure(acme);                       // 4
    apply(u"globex"_s, Tenantry::LifecycleAction::Suspend); // 5
    recordAnomaly(globex, u"auth_failures"_s);      // 6
    record(Tenantry::Actor::system(), {acme.id, u"quota.exceeded"_s, u"tenant:acme"_s, QJsonValue::Null,
                                       QJsonObject{}}); // 7: not watched by default
    recordAnomaly(acme, u"error_rate"_s);           // 8
    ASSERT_TRUE(watcher->poll().ok());
    EXPECT_EQ(raised, (QList<qint64>{6, 8}));
    EXPECT_EQ(watcher->lastSeenSeq(), 8);

    ASSERT_TRUE(watcher->poll().ok());
    EXPECT_EQ(raised, (QList<qint64>{6, 8}));
}

TEST_F(AlertWatcherTest, SeesAnomaliesAServerProcessRecorded)
{
    ASSERT_TRUE(watcher->start().ok());
    // A separate `tenantry serve` on the same catalog: its own catalog connection and log.
    auto other = Tenantry::Storage::Catalog::open({m_dir.path(), std::nullopt});
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    Tenantry::Observe::AuditLog serverLog(*other.value(), m_clock);
    ASSERT_TRUE(serverLog
                    .recordNow(Tenantry::Actor::system(),
                               {acme.id, u"anomaly.detected"_s, u"tenant:acme"_s, QJsonValue::Null,
                                QJsonObject{{u"signal"_s, u"request_rate"_s}, {u"value"_s, 900}}})
                    .ok());
    ASSERT_TRUE(watcher->poll().ok());
    EXPECT_EQ(raised, QList<qint64>{3});
}

TEST_F(AlertWatcherTest, WatchesEveryConfiguredPrefixInOrder)
{
    watcher->setActionFilters({u"anomaly.*"_s, u"quota.*"_s, u"anomaly.detected"_s});
    ASSERT_TRUE(watcher->start().ok());
    recordAnomaly(acme);                                                                  // 3
    record(Tenantry::Actor::system(), {acme.id, u"quota.exceeded"_s, u"tenant:acme"_s, {}, {}}); // 4
    recordAuthFailure(acme);                                                              // 5
    recordAnomaly(globex);                                                                // 6
    ASSERT_TRUE(watcher->poll().ok());
    EXPECT_EQ(raised, (QList<qint64>{3, 4, 6}));
}

TEST_F(AlertWatcherTest, StartingOnAnEmptyLogRaisesTheFirstAnomaly)
{
    // A fresh catalog (no tenants, no entries).
    QTemporaryDir dir;
    auto catalog = Tenantry::Storage::Catalog::open({dir.path(), std::nullopt});
    ASSERT_TRUE(catalog.ok());
    Tenantry::Observe::AuditLog log(*catalog.value(), m_clock);
    AlertWatcher fresh(&log);
    QList<qint64> seen;
    QObject::connect(&fresh, &AlertWatcher::alertRaised, [&seen](const AuditEntry &e) { seen.append(e.seq); });
    ASSERT_TRUE(fresh.start().ok());
    EXPECT_EQ(fresh.lastSeenSeq(), 0);
    ASSERT_TRUE(log.recordNow(Tenantry::Actor::system(), {u"t1"_s, u"anomaly.detected"_s, u"tenant:t1"_s, {}, {}}).ok());
    ASSERT_TRUE(fresh.poll().ok());
    EXPECT_EQ(seen, QList<qint64>{1});
}

TEST_F(AlertWatcherTest, AFailedReadIsReportedAndRetried)
{
    ASSERT_TRUE(watcher->start().ok());
    QStringList failures;
    QObject::connect(watcher.get(), &AlertWatcher::pollFailed,
                     [&failures](const Tenantry::Error &e) { failures.append(e.message); });
    recordAnomaly(acme); // 3
    exec(u"ALTER TABLE audit_log RENAME TO audit_log_away"_s);
    EXPECT_FALSE(watcher->poll().ok());
    EXPECT_EQ(failures.size(), 1);
    EXPECT_TRUE(raised.isEmpty());
    exec(u"ALTER TABLE audit_log_away RENAME TO audit_log"_s);
    ASSERT_TRUE(watcher->poll().ok());
    EXPECT_EQ(raised, QList<qint64>{3});
}

TEST(AlertTextTest, SaysWhatRoseAndByHowMuchPerMinute)
{
    AuditEntry entry;
    entry.action = u"anomaly.detected"_s;
    entry.after = QJsonObject{{u"signal"_s, u"request_rate"_s}, {u"value"_s, 480}, {u"expected"_s, 19.6},
                              {u"score"_s, 23.1}, {u"interval_seconds"_s, 60}};
    EXPECT_EQ(AlertWatcher::describe(entry, u"acme"_s),
              u"Anomaly: request rate of tenant acme is 480/min, expected about 20"_s);

    // Counted per 10 s: six times as many per minute.
    entry.after = QJsonObject{{u"signal"_s, u"error_rate"_s}, {u"value"_s, 40}, {u"expected"_s, 0.5},
                              {u"interval_seconds"_s, 10}};
    EXPECT_EQ(AlertWatcher::describe(entry, u"acme"_s),
              u"Anomaly: error rate of tenant acme is 240/min, expected about 3"_s);
    entry.after = QJsonObject{{u"signal"_s, u"error_rate"_s}, {u"value"_s, 12}, {u"expected"_s, 0.4},
                              {u"interval_seconds"_s, 60}};
    EXPECT_EQ(AlertWatcher::describe(entry, u"acme"_s),
              u"Anomaly: error rate of tenant acme is 12/min, expected about 0.4"_s);

    entry.after = QJsonObject{{u"signal"_s, u"auth_failures"_s}, {u"value"_s, 300}, {u"expected"_s, 2},
                              {u"interval_seconds"_s, 60}};
    EXPECT_EQ(AlertWatcher::describe(entry, u"globex"_s),
              u"Anomaly: failed authentications for tenant globex are at 300/min, expected about 2"_s);

    entry.action = u"quota.exceeded"_s;
    EXPECT_EQ(AlertWatcher::describe(entry, u"globex"_s), u"Alert: quota.exceeded for tenant globex"_s);
}

// The window with a real audit trail: the Audit Log is live and alerts surface.
class MainWindowAlertsTest : public AlertWatcherTest
{
protected:
    void SetUp() override
    {
        AlertWatcherTest::SetUp();
        if (HasFatalFailure())
            return;
        recordAnomaly(acme); // 3: old news when the window opens
        window = std::make_unique<MainWindow>(m_tenants.get(), m_audit.get(), u"SQLite test"_s);
        QCoreApplication::processEvents(); // starts the watcher
    }

    void TearDown() override
    {
        window.reset();
        AlertWatcherTest::TearDown();
    }

    template <typename T>
    T *child(const QString &name) const
    {
        return window->findChild<T *>(name);
    }

    std::unique_ptr<MainWindow> window;
};

TEST_F(MainWindowAlertsTest, AuditLogIsLiveInTheSidebar)
{
    auto *sidebar = child<QListWidget>(u"navigation"_s);
    ASSERT_NE(sidebar, nullptr);
    ASSERT_NE(window->auditPage(), nullptr);
    EXPECT_EQ(sidebar->item(4)->text(), u"Audit Log"_s);
    EXPECT_TRUE(sidebar->item(4)->flags() & Qt::ItemIsEnabled);
    sidebar->setCurrentRow(4);
    auto *pages = qobject_cast<QStackedWidget *>(window->auditPage()->parentWidget());
    ASSERT_NE(pages, nullptr);
    EXPECT_EQ(pages->currentWidget(), window->auditPage());
    EXPECT_TRUE(window->alertWatcher()->isActive());
    EXPECT_EQ(window->alertWatcher()->lastSeenSeq(), 3);
}

TEST_F(MainWindowAlertsTest, NewAnomalyShowsABannerAndCountsUntilShown)
{
    auto *banner = child<MessageBanner>(u"alertBanner"_s);
    auto *indicator = child<QToolButton>(u"alertIndicator"_s);
    ASSERT_NE(banner, nullptr);
    ASSERT_NE(indicator, nullptr);
    EXPECT_TRUE(banner->isHidden());
    EXPECT_TRUE(indicator->isHidden());

    recordAnomaly(acme, u"request_rate"_s, 480, 20); // 4
    ASSERT_TRUE(window->alertWatcher()->poll().ok());
    EXPECT_FALSE(banner->isHidden());
    EXPECT_EQ(banner->kind(), MessageBanner::Kind::Warning);
    EXPECT_EQ(banner->text(), u"Anomaly: request rate of tenant acme is 480/min, expected about 20"_s);
    EXPECT_FALSE(indicator->isHidden());
    EXPECT_EQ(indicator->text(), u"1"_s);

    // Dismiss hides the banner; the alert still counts as unseen.
    child<QPushButton>(u"dismissAlertButton"_s)->click();
    EXPECT_TRUE(banner->isHidden());
    EXPECT_EQ(window->unseenAlerts(), 1);

    recordAnomaly(globex, u"auth_failures"_s, 300, 2); // 5
    ASSERT_TRUE(window->alertWatcher()->poll().ok());
    EXPECT_EQ(indicator->text(), u"2"_s);
    EXPECT_TRUE(banner->text().startsWith(u"Anomaly: failed authentications for tenant globex"_s));

    child<QPushButton>(u"showAlertButton"_s)->click();
    EXPECT_EQ(window->unseenAlerts(), 0);
    EXPECT_TRUE(indicator->isHidden());
    EXPECT_TRUE(banner->isHidden());
    auto *sidebar = child<QListWidget>(u"navigation"_s);
    EXPECT_EQ(sidebar->currentRow(), 4);
    auto *page = window->auditPage();
    EXPECT_EQ(page->model()->query().action, u"anomaly.*"_s);
    EXPECT_EQ(page->model()->rowCount(), 3); // 5, 4 and the one from before the window opened
    ASSERT_TRUE(page->currentEntry().has_value());
    EXPECT_EQ(page->currentEntry()->seq, 5);
}

TEST_F(MainWindowAlertsTest, IndicatorOpensTheAnomalies)
{
    recordAnomaly(acme); // 4
    ASSERT_TRUE(window->alertWatcher()->poll().ok());
    child<QToolButton>(u"alertIndicator"_s)->click();
    EXPECT_EQ(window->unseenAlerts(), 0);
    EXPECT_EQ(window->auditPage()->model()->query().action, u"anomaly.*"_s);
    EXPECT_EQ(child<QComboBox>(u"actionFilter"_s)->currentText(), u"anomaly.*"_s);
}

} // namespace
