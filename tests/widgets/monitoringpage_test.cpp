#include "core/base/clock.h"
#include "core/observe/metricsfeed.h"
#include "core/observe/requestmetrics.h"
#include "widgets/monitoring/busiesttenantsmodel.h"
#include "widgets/monitoring/monitoringformat.h"
#include "widgets/monitoring/monitoringpage.h"
#include "widgets/monitoring/tenantpicker.h"
#include "widgets/monitoring/timeserieschart.h"
#include "widgets/monitoring/toptenantschart.h"

#include <QApplication>
#include <QChart>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QTableView>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <deque>

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;
using Tenantry::ManualClock;
using Tenantry::Observe::MetricsFeed;
using Tenantry::Observe::MetricsSample;
using Tenantry::Observe::RequestMetrics;
using Tenantry::Observe::TenantRate;
using Tenantry::Widgets::BusiestTenantsModel;
using Tenantry::Widgets::MonitoringPage;
using Tenantry::Widgets::TenantPicker;
using Tenantry::Widgets::TimeSeriesChart;
using Tenantry::Widgets::TopTenantsChart;

namespace {

// A feed that answers like a remote one: whatever the test queued, and nothing new while
// the queue is empty (a poll still under way).
class ScriptedFeed final : public MetricsFeed
{
public:
    using Answer = Tenantry::Result<std::optional<MetricsSample>>;

    void setSelectedTenant(const QString &tenantId) override { selected = tenantId; }
    Answer next() override
    {
        ++calls;
        if (answers.empty())
            return std::optional<MetricsSample>();
        Answer answer = answers.front();
        answers.pop_front();
        return answer;
    }
    QStringList tenantIds() const override { return ids; }
    QString slugOf(const QString &tenantId) const override { return tenantId.mid(3); } // "id-acme": "acme"

    std::deque<Answer> answers;
    QString selected;
    QStringList ids;
    int calls = 0;
};

class MonitoringPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        page.setClock(&clock);
        page.resize(1200, 800);
    }

    void watch()
    {
        page.setMetrics(&metrics, [](const QString &id) { return id.startsWith(u"id-"_s) ? id.mid(3) : QString(); });
    }

    // One second of traffic: `perSecond` requests for each tenant, then a tick.
    void second(const QList<std::pair<QString, int>> &perSecond, int status = 200)
    {
        for (const auto &[tenant, count] : perSecond) {
            for (int i = 0; i < count; ++i)
                metrics.record(tenant, status, milliseconds(2 + i % 10));
        }
        clock.advanceSeconds(1);
        page.tick();
    }

    QLineSeries *series(const QString &chart, const QString &name) const
    {
        const auto *view = page.findChild<TimeSeriesChart *>(chart);
        if (!view)
            return nullptr;
        const QList<QAbstractSeries *> all = view->chart()->series();
        for (QAbstractSeries *s : all) {
            if (s->objectName() == name)
                return qobject_cast<QLineSeries *>(s);
        }
        return nullptr;
    }

    QTableView *table() const { return page.findChild<QTableView *>(u"busiestTenantsTable"_s); }

    QStringList tableColumn(int column) const
    {
        QStringList out;
        const QAbstractItemModel *model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            out.append(model->index(row, column).data().toString());
        return out;
    }

    QString text(const QString &labelName) const
    {
        const auto *label = page.findChild<QLabel *>(labelName);
        return label ? label->text() : u"<no label %1>"_s.arg(labelName);
    }

    RequestMetrics metrics;
    ManualClock clock{QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC)};
    MonitoringPage page;
    const QList<std::pair<QString, int>> traffic{
        {u"id-acme"_s, 30}, {u"id-globex"_s, 20}, {u"id-initech"_s, 10}, {u"id-hooli"_s, 5}, {QString(), 3}};
};

TEST_F(MonitoringPageTest, WithoutMetricsItSaysHowToGetThemInsteadOfDrawingZeros)
{
    page.show();
    EXPECT_FALSE(page.hasMetrics());
    EXPECT_TRUE(page.findChild<QWidget *>(u"monitoringEmptyState"_s)->isVisible());
    EXPECT_FALSE(page.findChild<QWidget *>(u"monitoringDashboard"_s)->isVisible());
    EXPECT_TRUE(text(u"monitoringEmptyText"_s).contains(u"embedded server is not running"_s));
    EXPECT_TRUE(text(u"monitoringEmptyText"_s).contains(u"Server menu"_s));
    EXPECT_FALSE(page.isSampling());
    page.tick(); // harmless
    EXPECT_EQ(series(u"requestsChart"_s, u"allRequestsSeries"_s)->count(), 0);
}

TEST_F(MonitoringPageTest, TicksFillTheSeriesTilesAndTheBusiestTable)
{
    watch();
    page.show();
    EXPECT_TRUE(page.findChild<QWidget *>(u"monitoringDashboard"_s)->isVisible());
    for (int s = 0; s < 3; ++s)
        second(traffic);

    QLineSeries *all = series(u"requestsChart"_s, u"allRequestsSeries"_s);
    ASSERT_EQ(all->count(), 3);
    EXPECT_DOUBLE_EQ(all->at(2).y(), 68.0);
    EXPECT_EQ(qint64(all->at(2).x()), clock.now().toMSecsSinceEpoch());
    EXPECT_EQ(series(u"latencyChart"_s, u"p50Series"_s)->count(), 3);
    EXPECT_EQ(series(u"latencyChart"_s, u"p99Series"_s)->count(), 3);
    EXPECT_GT(series(u"latencyChart"_s, u"p95Series"_s)->at(2).y(), 2.0);
    EXPECT_EQ(series(u"errorsChart"_s, u"errorRateSeries"_s)->count(), 3);
    EXPECT_FALSE(series(u"requestsChart"_s, u"selectedTenantSeries"_s)->isVisible()); // none selected

    EXPECT_EQ(tableColumn(BusiestTenantsModel::TenantColumn),
              (QStringList{u"acme"_s, u"globex"_s, u"initech"_s, u"hooli"_s}));
    EXPECT_EQ(tableColumn(BusiestTenantsModel::RateColumn), (QStringList{u"30"_s, u"20"_s, u"10"_s, u"5"_s}));
    EXPECT_EQ(tableColumn(BusiestTenantsModel::TotalColumn), (QStringList{u"90"_s, u"60"_s, u"30"_s, u"15"_s}));
    EXPECT_EQ(tableColumn(BusiestTenantsModel::ErrorRateColumn).first(), u"0%"_s);

    const auto *bars = page.findChild<TopTenantsChart *>(u"topTenantsChart"_s);
    ASSERT_EQ(bars->bars().size(), 4);
    EXPECT_EQ(bars->bars().first().label, u"acme"_s);
    EXPECT_DOUBLE_EQ(bars->bars().first().value, 30.0);

    EXPECT_EQ(text(u"rateTileValue"_s), u"68"_s);
    EXPECT_EQ(text(u"errorTileValue"_s), u"0%"_s);
    EXPECT_EQ(text(u"tenantsTileValue"_s), u"4"_s);
    EXPECT_TRUE(text(u"latencyTileValue"_s).endsWith(u" ms"_s));

    // A burst of server errors shows in the error chart and tile.
    second({{u"id-acme"_s, 10}}, 503);
    EXPECT_DOUBLE_EQ(series(u"errorsChart"_s, u"serverErrorRateSeries"_s)->at(3).y(), 100.0);
    EXPECT_EQ(text(u"errorTileValue"_s), u"100%"_s);
}

TEST_F(MonitoringPageTest, SelectingARowDrawsThatTenantAndTheSelectionFollowsIt)
{
    watch();
    page.show();
    second(traffic);
    second(traffic);
    QLineSeries *selected = series(u"requestsChart"_s, u"selectedTenantSeries"_s);

    table()->selectRow(1);
    EXPECT_EQ(page.selectedTenant(), u"id-globex"_s);
    EXPECT_TRUE(selected->isVisible());
    EXPECT_EQ(selected->name(), u"globex"_s);
    EXPECT_EQ(selected->count(), 0);
    EXPECT_EQ(page.findChild<TenantPicker *>(u"tenantPicker"_s)->currentText(), u"globex"_s);

    second(traffic);
    ASSERT_EQ(selected->count(), 1);
    EXPECT_DOUBLE_EQ(selected->at(0).y(), 20.0);

    // globex becomes the busiest: the highlighted row moves with it.
    second({{u"id-globex"_s, 50}, {u"id-acme"_s, 1}});
    ASSERT_EQ(tableColumn(BusiestTenantsModel::TenantColumn).first(), u"globex"_s);
    EXPECT_EQ(table()->selectionModel()->currentIndex().row(), 0);
    EXPECT_EQ(page.selectedTenant(), u"id-globex"_s);
    EXPECT_DOUBLE_EQ(selected->at(1).y(), 50.0);
    EXPECT_TRUE(table()->model()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());

    // Another row: the line starts afresh for that tenant.
    table()->selectRow(1);
    EXPECT_EQ(page.selectedTenant(), u"id-acme"_s);
    EXPECT_EQ(selected->name(), u"acme"_s);
    EXPECT_EQ(selected->count(), 0);
}

TEST_F(MonitoringPageTest, TheTenantPickerSelectsTenantsOutsideTheTable)
{
    watch();
    page.show();
    second(traffic);
    metrics.record(u"id-quiet"_s, 200, milliseconds(1)); // seen once, then idle
    second(traffic);

    auto *picker = page.findChild<TenantPicker *>(u"tenantPicker"_s);
    picker->refresh();
    const int quiet = picker->findText(u"quiet"_s);
    ASSERT_GE(quiet, 0);
    picker->setCurrentIndex(quiet);
    Q_EMIT picker->activated(quiet);
    EXPECT_EQ(page.selectedTenant(), u"id-quiet"_s);

    second(traffic);
    QLineSeries *selected = series(u"requestsChart"_s, u"selectedTenantSeries"_s);
    ASSERT_EQ(selected->count(), 1);
    EXPECT_DOUBLE_EQ(selected->at(0).y(), 0.0);
    EXPECT_FALSE(table()->selectionModel()->hasSelection()); // not among the busiest

    const int none = picker->findData(QString(), Qt::UserRole);
    ASSERT_EQ(none, 0);
    Q_EMIT picker->activated(none);
    EXPECT_TRUE(page.selectedTenant().isEmpty());
    EXPECT_FALSE(selected->isVisible());
}

TEST_F(MonitoringPageTest, ShowAlertAddsARowNewestFirst)
{
    auto *alerts = page.findChild<QTreeWidget *>(u"alertsList"_s);
    ASSERT_NE(alerts, nullptr);
    EXPECT_EQ(alerts->topLevelItemCount(), 0);
    EXPECT_EQ(text(u"alertsCountLabel"_s), u"0"_s);

    page.showAlert(QDateTime(QDate(2025, 3, 1), QTime(12, 0, 5)), u"acme"_s, u"Request rate 12× the usual"_s);
    page.showAlert(QDateTime(QDate(2025, 3, 1), QTime(12, 0, 9)), u"globex"_s, u"Error rate 40%"_s);

    ASSERT_EQ(alerts->topLevelItemCount(), 2);
    EXPECT_EQ(alerts->topLevelItem(0)->text(0), u"12:00:09"_s);
    EXPECT_EQ(alerts->topLevelItem(0)->text(1), u"globex"_s);
    EXPECT_EQ(alerts->topLevelItem(0)->text(2), u"Error rate 40%"_s);
    EXPECT_EQ(alerts->topLevelItem(1)->text(1), u"acme"_s);
    EXPECT_EQ(text(u"alertsCountLabel"_s), u"2"_s);
}

TEST_F(MonitoringPageTest, SamplesOnlyWhileShownAndCatchesUpWhenShownAgain)
{
    watch();
    EXPECT_FALSE(page.isSampling()); // not shown yet
    page.show();
    EXPECT_TRUE(page.isSampling());
    second(traffic);

    page.hide();
    EXPECT_FALSE(page.isSampling());
    // Two minutes unseen, at 60 requests/s.
    for (int s = 0; s < 120; ++s) {
        for (int i = 0; i < 60; ++i)
            metrics.record(u"id-acme"_s, 200, milliseconds(5));
    }
    clock.advanceSeconds(120);
    page.show();
    EXPECT_TRUE(page.isSampling());

    // The gap is one flat stretch at its average, from the last sample to now.
    QLineSeries *all = series(u"requestsChart"_s, u"allRequestsSeries"_s);
    ASSERT_EQ(all->count(), 3);
    EXPECT_DOUBLE_EQ(all->at(1).y(), 60.0);
    EXPECT_DOUBLE_EQ(all->at(2).y(), 60.0);
    EXPECT_EQ(qint64(all->at(1).x()), clock.now().addSecs(-120).toMSecsSinceEpoch());
    EXPECT_EQ(qint64(all->at(2).x()), clock.now().toMSecsSinceEpoch());
}

TEST_F(MonitoringPageTest, PointsOlderThanTheWindowScrollOut)
{
    watch();
    const qint64 window = MonitoringPage::kWindow.count();
    for (qint64 s = 0; s < window + 30; ++s)
        second({{u"id-acme"_s, 1}});
    QLineSeries *all = series(u"requestsChart"_s, u"allRequestsSeries"_s);
    // A point a second from both ends of the window, plus the one that lets the line enter
    // from the left edge.
    EXPECT_EQ(all->count(), window + 2);
    EXPECT_LT(qint64(all->at(0).x()), clock.now().addSecs(-window).toMSecsSinceEpoch());
    EXPECT_EQ(qint64(all->at(1).x()), clock.now().addSecs(-window).toMSecsSinceEpoch());
}

TEST_F(MonitoringPageTest, OverARemoteStyleFeedItDrawsWhatArrivesAndWaitsForTheRest)
{
    ScriptedFeed feed;
    feed.ids = {u"id-acme"_s, u"id-globex"_s};
    page.setFeed(&feed); // named by the feed
    page.show();
    EXPECT_TRUE(page.hasMetrics());
    EXPECT_TRUE(page.isSampling());
    EXPECT_TRUE(page.findChild<QWidget *>(u"monitoringDashboard"_s)->isVisible());

    QLineSeries *all = series(u"requestsChart"_s, u"allRequestsSeries"_s);
    page.tick(); // nothing has arrived yet
    EXPECT_EQ(all->count(), 0);
    EXPECT_EQ(text(u"rateTileValue"_s), Tenantry::Widgets::MonitoringFormat::unknown());

    MetricsSample s;
    clock.advanceSeconds(1);
    s.at = clock.now();
    s.interval = milliseconds(1000);
    s.requests = s.requestsTotal = 40;
    s.requestsPerSecond = 40;
    s.p50 = s.p95 = s.p99 = milliseconds(3);
    s.tenantsSeen = s.tenantsActive = 2;
    TenantRate acme{u"id-acme"_s, 30, 0, 0, 30, 30.0, milliseconds(3)};
    TenantRate globex{u"id-globex"_s, 10, 0, 0, 10, 10.0, milliseconds(2)};
    s.top = {acme, globex};
    feed.answers.push_back(std::optional(s));
    page.tick();
    ASSERT_EQ(all->count(), 1);
    EXPECT_DOUBLE_EQ(all->at(0).y(), 40.0);
    EXPECT_EQ(text(u"rateTileValue"_s), u"40"_s);
    EXPECT_EQ(tableColumn(BusiestTenantsModel::TenantColumn), (QStringList{u"acme"_s, u"globex"_s}));

    page.tick(); // the next poll is still out: the page keeps what it shows
    EXPECT_EQ(all->count(), 1);
    EXPECT_EQ(text(u"rateTileValue"_s), u"40"_s);
    EXPECT_EQ(feed.calls, 3);

    // Selecting hands the tenant to the feed; the picker offers the feed's tenants.
    table()->selectRow(1);
    EXPECT_EQ(feed.selected, u"id-globex"_s);
    auto *picker = page.findChild<TenantPicker *>(u"tenantPicker"_s);
    picker->refresh();
    EXPECT_GE(picker->findText(u"acme"_s), 0);
}

TEST_F(MonitoringPageTest, AFeedThatCannotReadItsServerSaysSoInsteadOfDrawing)
{
    ScriptedFeed feed;
    page.setFeed(&feed, {});
    page.show();
    MetricsSample s;
    const auto queueSecond = [&](double rate) {
        clock.advanceSeconds(1);
        s.at = clock.now();
        s.interval = milliseconds(1000);
        s.requests = qint64(rate);
        s.requestsPerSecond = rate;
        feed.answers.push_back(std::optional(s));
    };
    queueSecond(12);
    page.tick();
    QLineSeries *all = series(u"requestsChart"_s, u"allRequestsSeries"_s);
    ASSERT_EQ(all->count(), 1);

    feed.answers.push_back(Tenantry::Error::unavailable(
        u"server-unreachable"_s, u"The server at http://127.0.0.1:9 cannot be reached: Connection refused"_s));
    page.tick();
    EXPECT_TRUE(page.isFeedFailing());
    EXPECT_TRUE(page.findChild<QWidget *>(u"monitoringEmptyState"_s)->isVisible());
    EXPECT_FALSE(page.findChild<QWidget *>(u"monitoringDashboard"_s)->isVisible());
    EXPECT_TRUE(text(u"monitoringEmptyText"_s).contains(u"cannot be reached"_s)) << text(u"monitoringEmptyText"_s).toStdString();
    EXPECT_FALSE(text(u"monitoringEmptyText"_s).contains(u"embedded server"_s));
    EXPECT_EQ(all->count(), 1); // no zeros for the failed poll
    EXPECT_TRUE(page.isSampling()); // it keeps asking, to notice the server coming back

    page.tick(); // still nothing: still the failure
    EXPECT_TRUE(page.findChild<QWidget *>(u"monitoringEmptyState"_s)->isVisible());

    queueSecond(7);
    page.tick();
    EXPECT_FALSE(page.isFeedFailing());
    EXPECT_TRUE(page.findChild<QWidget *>(u"monitoringDashboard"_s)->isVisible());
    ASSERT_EQ(all->count(), 2);
    EXPECT_DOUBLE_EQ(all->at(1).y(), 7.0);

    page.setFeed(nullptr, {});
    EXPECT_FALSE(page.hasMetrics());
    EXPECT_TRUE(text(u"monitoringEmptyText"_s).contains(u"embedded server is not running"_s));
}

TEST_F(MonitoringPageTest, LosingTheMetricsClearsTheChartsAndShowsTheEmptyStateAgain)
{
    watch();
    page.show();
    second(traffic);
    page.setMetrics(nullptr, {});
    EXPECT_FALSE(page.isSampling());
    EXPECT_TRUE(page.findChild<QWidget *>(u"monitoringEmptyState"_s)->isVisible());
    EXPECT_EQ(series(u"requestsChart"_s, u"allRequestsSeries"_s)->count(), 0);
    EXPECT_EQ(table()->model()->rowCount(), 0);
}

} // namespace
