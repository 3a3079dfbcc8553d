#pragma once

#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <functional>
#include <memory>

class QLabel;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace Tenantry {
class Clock;
struct Error;
}

namespace Tenantry::Observe {
class MetricsFeed;
class MetricsSampler;
class RequestMetrics;
struct MetricsSample;
}

namespace Tenantry::Widgets {

class BusiestTenantsModel;
class TenantPicker;
class TimeSeriesChart;
class TopTenantsChart;

// The Monitoring area of the console: live traffic of the server whose RequestMetrics the
// page is given, or of the MetricsFeed it is given (a remote server's). Once a second
// (tick()) it takes a sample and shows, over a rolling window of five minutes: requests per
// second overall and for one selected tenant, latency p50/p95/p99 and error rates of each
// second; the busiest tenants of the last second as bars and as a table; summary tiles; and
// a list of alerts fed from elsewhere (showAlert()).
// Clicking a table row or a bar, or choosing in the tenant picker, selects the tenant whose
// line is drawn.
//
// Sampling runs only while the page is shown: hidden (another page, a minimised window) it
// costs nothing, and when shown again the first sample covers the whole gap, drawn as a flat
// segment at the gap's average. Without metrics the page says how to get some instead of
// drawing zeros; when the feed cannot read its figures (a remote server gone) the page says
// why instead of the charts, until a sample comes again. A feed with nothing new at a tick
// (a remote poll still under way) leaves everything as it is.
//
// Does not own the metrics or the feed; they must outlive the page or be replaced first
// (setMetrics(), setFeed()). GUI thread only (the metrics may be fed from any thread).
class MonitoringPage final : public QWidget
{
    Q_OBJECT

public:
    // Names a tenant id for display (its slug); empty when unknown, and the id is shown.
    using SlugLookup = std::function<QString(const QString &tenantId)>;

    static constexpr std::chrono::seconds kWindow{300};
    static constexpr std::chrono::milliseconds kTickInterval{1000};
    static constexpr int kBusiestRows = 25; // rows of the table
    static constexpr int kTopBars = 10;     // bars of the chart

    explicit MonitoringPage(QWidget *parent = nullptr);
    ~MonitoringPage() override;

    // Starts watching `metrics` (nullptr: nothing to watch; the page shows how to start the
    // embedded server). Clears the charts; keeps the selected tenant.
    void setMetrics(const Observe::RequestMetrics *metrics, SlugLookup slugOf);
    // Starts watching `feed` instead, e.g. a Remote::RemoteMetrics (nullptr: as
    // setMetrics(nullptr)). Tenants are named by `slugOf` if given and it knows them, else by
    // the feed's own MetricsFeed::slugOf(). The feed's own clock times its samples. Clears the
    // charts; keeps the selected tenant, which it hands to the feed.
    void setFeed(Observe::MetricsFeed *feed, SlugLookup slugOf = {});
    // Whether there is something to watch (metrics or a feed), even if it cannot be read now.
    bool hasMetrics() const { return m_feed != nullptr; }
    // True while the feed's last answer was an error, which the page shows in place of the charts.
    bool isFeedFailing() const { return m_feedFailing; }

    // The source of sample times; nullptr restores the system clock. Does not take ownership.
    // Takes effect at the next setMetrics().
    void setClock(const Clock *clock);

    // The tenant whose traffic is drawn beside the total; empty when none.
    QString selectedTenant() const { return m_selectedTenant; }
    void selectTenant(const QString &tenantId);

    // True while the once-a-second timer runs (shown, with metrics or a feed).
    bool isSampling() const { return m_timer.isActive(); }

public Q_SLOTS:
    // Takes one sample and updates everything; the timer calls it, and tests may directly.
    void tick();
    // Adds an alert at the top of the alerts list (kept: the newest 500).
    void showAlert(const QDateTime &at, const QString &tenantSlug, const QString &text);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildDashboard();
    QWidget *buildEmptyState();
    QWidget *buildTiles();
    QWidget *buildAlerts();
    void plot(const Observe::MetricsSample &sample);
    void updateTiles(const Observe::MetricsSample &sample);
    void updateBusiest(const Observe::MetricsSample &sample);
    void syncTableSelection();
    void updateSelectedLineName();
    void watch(Observe::MetricsFeed *feed, SlugLookup slugOf);
    void showFeedError(const Error &error);
    void startOrStopSampling();
    void clearHistory();
    QString slugFor(const QString &tenantId) const; // the slug, or the id when unknown

    Observe::MetricsFeed *m_feed = nullptr; // m_sampler, or a feed not owned
    SlugLookup m_slugOf;
    const Clock *m_clock = nullptr;
    std::unique_ptr<Clock> m_systemClock;
    std::unique_ptr<Observe::MetricsSampler> m_sampler; // of the metrics given to setMetrics()
    bool m_feedFailing = false;
    QTimer m_timer;
    QDateTime m_lastSampleAt;
    QString m_selectedTenant;
    QString m_selectedLabel; // what the selected line and the picker name it (its slug, else its id)
    bool m_syncingSelection = false;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyText = nullptr;
    QLabel *m_windowLabel = nullptr;
    QLabel *m_pickerLabel = nullptr;
    TenantPicker *m_picker = nullptr;
    QLabel *m_rateTile = nullptr;
    QLabel *m_rateDetail = nullptr;
    QLabel *m_errorTile = nullptr;
    QLabel *m_errorDetail = nullptr;
    QLabel *m_latencyTile = nullptr;
    QLabel *m_latencyDetail = nullptr;
    QLabel *m_tenantsTile = nullptr;
    QLabel *m_tenantsDetail = nullptr;
    TimeSeriesChart *m_requestsChart = nullptr;
    TimeSeriesChart *m_latencyChart = nullptr;
    TimeSeriesChart *m_errorsChart = nullptr;
    TopTenantsChart *m_topChart = nullptr;
    int m_allLine = -1, m_selectedLine = -1;
    int m_p50Line = -1, m_p95Line = -1, m_p99Line = -1;
    int m_errorsLine = -1, m_serverErrorsLine = -1;
    BusiestTenantsModel *m_busiest = nullptr;
    QTableView *m_busiestView = nullptr;
    QStackedWidget *m_alertsStack = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QLabel *m_alertsCount = nullptr;
};

} // namespace Tenantry::Widgets
