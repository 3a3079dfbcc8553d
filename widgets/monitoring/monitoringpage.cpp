#include "widgets/monitoring/monitoringpage.h"

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/observe/metricsfeed.h"
#include "core/observe/metricssampler.h"
#include "core/observe/requestmetrics.h"
#include "widgets/monitoring/busiesttenantsmodel.h"
#include "widgets/monitoring/chartstyle.h"
#include "widgets/monitoring/monitoringformat.h"
#include "widgets/monitoring/tenantpicker.h"
#include "widgets/monitoring/timeserieschart.h"
#include "widgets/monitoring/toptenantschart.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

constexpr int kMaxAlerts = 500;

double toMs(std::chrono::microseconds us)
{
    return double(us.count()) / 1000.0;
}

QLabel *scaledLabel(QWidget *parent, double scale, QFont::Weight weight,
                    QPalette::ColorRole role = QPalette::WindowText)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setWeight(weight);
    label->setFont(font);
    label->setForegroundRole(role);
    return label;
}

} // namespace

MonitoringPage::MonitoringPage(QWidget *parent)
    : QWidget(parent)
    , m_systemClock(std::make_unique<SystemClock>())
{
    m_timer.setInterval(kTickInterval);
    connect(&m_timer, &QTimer::timeout, this, &MonitoringPage::tick);

    auto *title = scaledLabel(this, 1.5, QFont::DemiBold);
    title->setText(tr("Monitoring"));
    m_windowLabel = new QLabel(tr("Last 5 minutes, updated every second"), this);
    m_windowLabel->setObjectName(u"monitoringWindowLabel"_s);
    m_windowLabel->setForegroundRole(QPalette::PlaceholderText);

    m_picker = new TenantPicker(this);
    m_picker->setObjectName(u"tenantPicker"_s);
    m_picker->setToolTip(tr("The tenant whose requests are drawn beside the total"));
    m_picker->setSource([this] {
        QList<TenantPicker::Entry> entries;
        if (m_feed) {
            const QStringList ids = m_feed->tenantIds();
            entries.reserve(ids.size());
            for (const QString &tenantId : ids)
                entries.append({tenantId, slugFor(tenantId)});
        }
        return entries;
    });
    connect(m_picker, &TenantPicker::tenantPicked, this, &MonitoringPage::selectTenant);
    m_pickerLabel = new QLabel(tr("&Selected tenant:"), this);
    m_pickerLabel->setBuddy(m_picker);

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(8);
    header->addWidget(m_windowLabel, 0, Qt::AlignBottom);
    header->addStretch();
    header->addWidget(m_pickerLabel);
    header->addWidget(m_picker);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildEmptyState());
    m_stack->addWidget(buildDashboard());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    setMetrics(nullptr, {});
}

MonitoringPage::~MonitoringPage() = default;

QWidget *MonitoringPage::buildEmptyState()
{
    auto *empty = new QWidget(this);
    empty->setObjectName(u"monitoringEmptyState"_s);
    auto *layout = new QVBoxLayout(empty);
    layout->addStretch(2);

    if (QIcon::hasThemeIcon(u"utilities-system-monitor"_s)) { // the style's fallback is too small to help
        auto *icon = new QLabel(empty);
        const int side = fontMetrics().height() * 4;
        icon->setPixmap(QIcon::fromTheme(u"utilities-system-monitor"_s).pixmap(side, side, QIcon::Disabled));
        icon->setAlignment(Qt::AlignCenter);
        layout->addWidget(icon);
    }

    auto *headline = scaledLabel(empty, 1.25, QFont::DemiBold);
    headline->setText(tr("No live traffic to show"));
    headline->setAlignment(Qt::AlignCenter);
    layout->addWidget(headline);

    m_emptyText = new QLabel(empty);
    m_emptyText->setObjectName(u"monitoringEmptyText"_s);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_emptyText);
    layout->addStretch(3);
    return empty;
}

QWidget *MonitoringPage::buildTiles()
{
    auto *tiles = new QWidget(this);
    auto *layout = new QHBoxLayout(tiles);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto addTile = [&](const QString &objectName, const QString &caption, QLabel *&value, QLabel *&detail) {
        auto *tile = new QFrame(tiles);
        tile->setObjectName(objectName);
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setBackgroundRole(QPalette::Base);
        tile->setAutoFillBackground(true);
        auto *box = new QVBoxLayout(tile);
        box->setContentsMargins(12, 8, 12, 8);
        box->setSpacing(2);
        auto *label = scaledLabel(tile, 0.9, QFont::Normal, QPalette::PlaceholderText);
        label->setText(caption);
        box->addWidget(label);
        value = scaledLabel(tile, 1.7, QFont::DemiBold, QPalette::Text);
        value->setObjectName(objectName + u"Value"_s);
        box->addWidget(value);
        detail = scaledLabel(tile, 0.9, QFont::Normal, QPalette::PlaceholderText);
        detail->setObjectName(objectName + u"Detail"_s);
        box->addWidget(detail);
        layout->addWidget(tile, 1);
    };
    addTile(u"rateTile"_s, tr("Requests per second"), m_rateTile, m_rateDetail);
    addTile(u"errorTile"_s, tr("Error rate (4xx + 5xx)"), m_errorTile, m_errorDetail);
    addTile(u"latencyTile"_s, tr("Latency p95"), m_latencyTile, m_latencyDetail);
    addTile(u"tenantsTile"_s, tr("Tenants seen"), m_tenantsTile, m_tenantsDetail);
    return tiles;
}

QWidget *MonitoringPage::buildAlerts()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QHBoxLayout;
    auto *title = scaledLabel(box, 1.0, QFont::DemiBold);
    title->setText(tr("Alerts"));
    m_alertsCount = new QLabel(box);
    m_alertsCount->setObjectName(u"alertsCountLabel"_s);
    m_alertsCount->setForegroundRole(QPalette::PlaceholderText);
    heading->addWidget(title);
    heading->addWidget(m_alertsCount);
    heading->addStretch();
    layout->addLayout(heading);

    m_alerts = new QTreeWidget(box);
    m_alerts->setObjectName(u"alertsList"_s);
    m_alerts->setColumnCount(3);
    m_alerts->setHeaderLabels({tr("Time"), tr("Tenant"), tr("Alert")});
    m_alerts->setRootIsDecorated(false);
    m_alerts->setUniformRowHeights(true);
    m_alerts->setAlternatingRowColors(true);
    m_alerts->setWordWrap(false);
    const int ch = fontMetrics().averageCharWidth();
    m_alerts->header()->resizeSection(0, ch * 11);
    m_alerts->header()->resizeSection(1, ch * 16);
    m_alerts->header()->setStretchLastSection(true);

    auto *none = new QLabel(tr("No alerts."), box);
    none->setObjectName(u"noAlertsLabel"_s);
    none->setAlignment(Qt::AlignCenter);
    none->setForegroundRole(QPalette::PlaceholderText);
    none->setBackgroundRole(QPalette::Base);
    none->setAutoFillBackground(true);
    none->setFrameShape(QFrame::StyledPanel);

    m_alertsStack = new QStackedWidget(box);
    m_alertsStack->addWidget(none);
    m_alertsStack->addWidget(m_alerts);
    layout->addWidget(m_alertsStack, 1);
    m_alertsCount->setText(QLocale().toString(0));
    return box;
}

QWidget *MonitoringPage::buildDashboard()
{
    auto *dashboard = new QWidget(this);
    dashboard->setObjectName(u"monitoringDashboard"_s);

    m_requestsChart = new TimeSeriesChart(tr("Requests per second"), tr("/s", "per second, after a number"), dashboard);
    m_requestsChart->setObjectName(u"requestsChart"_s);
    m_allLine = m_requestsChart->addLine(tr("All tenants"), ChartStyle::kTraffic, u"allRequestsSeries"_s);
    m_selectedLine = m_requestsChart->addLine({}, ChartStyle::kSelected, u"selectedTenantSeries"_s);
    m_requestsChart->setMinimumTop(5);

    m_latencyChart = new TimeSeriesChart(tr("Latency"), tr(" ms", "milliseconds, after a number"), dashboard);
    m_latencyChart->setObjectName(u"latencyChart"_s);
    m_p50Line = m_latencyChart->addLine(tr("p50"), ChartStyle::kFast, u"p50Series"_s);
    m_p95Line = m_latencyChart->addLine(tr("p95"), ChartStyle::kSlower, u"p95Series"_s);
    m_p99Line = m_latencyChart->addLine(tr("p99"), ChartStyle::kSlowest, u"p99Series"_s);
    m_latencyChart->setMinimumTop(1);

    m_errorsChart = new TimeSeriesChart(tr("Error rate"), tr("%", "percent, after a number"), dashboard);
    m_errorsChart->setObjectName(u"errorsChart"_s);
    m_errorsLine = m_errorsChart->addLine(tr("4xx + 5xx"), ChartStyle::kClientErrors, u"errorRateSeries"_s);
    m_serverErrorsLine = m_errorsChart->addLine(tr("5xx"), ChartStyle::kServerErrors, u"serverErrorRateSeries"_s,
                                                Qt::DashLine);
    m_errorsChart->setMinimumTop(1);

    for (TimeSeriesChart *chart : {m_requestsChart, m_latencyChart, m_errorsChart})
        chart->setWindow(kWindow);

    m_topChart = new TopTenantsChart(tr("Top 10 tenants now"), tr("requests/s"), dashboard);
    m_topChart->setObjectName(u"topTenantsChart"_s);
    m_topChart->setToolTip(tr("Click a bar to draw that tenant's requests"));
    connect(m_topChart, &TopTenantsChart::tenantClicked, this, &MonitoringPage::selectTenant);

    // Traffic across the whole width; the bars, which need height for ten names, go below.
    auto *charts = new QWidget(dashboard);
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    grid->addWidget(m_requestsChart, 0, 0, 1, 2);
    grid->addWidget(m_latencyChart, 1, 0);
    grid->addWidget(m_errorsChart, 1, 1);

    m_busiest = new BusiestTenantsModel(this);
    m_busiestView = new QTableView(dashboard);
    m_busiestView->setObjectName(u"busiestTenantsTable"_s);
    m_busiestView->setModel(m_busiest);
    m_busiestView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_busiestView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_busiestView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_busiestView->setAlternatingRowColors(true);
    m_busiestView->setShowGrid(false);
    m_busiestView->setWordWrap(false);
    m_busiestView->verticalHeader()->hide();
    m_busiestView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_busiestView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *columns = m_busiestView->horizontalHeader();
    columns->setHighlightSections(false);
    const int ch = fontMetrics().averageCharWidth();
    columns->setSectionResizeMode(BusiestTenantsModel::TenantColumn, QHeaderView::Stretch);
    // Wide enough for the header (in any language) and for the figures, fixed so the
    // columns do not twitch as the figures change every second.
    const std::pair<int, QString> widest[] = {
        {BusiestTenantsModel::RateColumn, MonitoringFormat::rate(9999)},
        {BusiestTenantsModel::TotalColumn, QLocale().toString(9999999)},
        {BusiestTenantsModel::ErrorRateColumn, MonitoringFormat::percent(0.125)},
        {BusiestTenantsModel::P95Column, MonitoringFormat::milliseconds(std::chrono::microseconds(999000))},
    };
    QFont bold = m_busiestView->font(); // the selected tenant's row is bold
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics figures(bold);
    for (const auto &[column, figure] : widest) {
        const QString header = m_busiest->headerData(column, Qt::Horizontal).toString();
        const int text = std::max(columns->fontMetrics().horizontalAdvance(header), figures.horizontalAdvance(figure));
        columns->resizeSection(column, text + ch * 2);
    }
    m_busiestView->setToolTip(tr("Click a tenant to draw its requests"));
    connect(m_busiestView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_syncingSelection || !current.isValid())
                    return;
                selectTenant(current.data(BusiestTenantsModel::TenantIdRole).toString());
            });

    auto *busiestBox = new QWidget(dashboard);
    auto *busiestLayout = new QVBoxLayout(busiestBox);
    busiestLayout->setContentsMargins(0, 0, 0, 0);
    auto *busiestTitle = scaledLabel(busiestBox, 1.0, QFont::DemiBold);
    busiestTitle->setText(tr("Busiest tenants in the last second"));
    busiestLayout->addWidget(busiestTitle);
    busiestLayout->addWidget(m_busiestView, 1);

    auto *bottom = new QSplitter(Qt::Horizontal, dashboard);
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(m_topChart);
    bottom->addWidget(busiestBox);
    bottom->addWidget(buildAlerts());
    bottom->setSizes({360, 460, 380});

    auto *split = new QSplitter(Qt::Vertical, dashboard);
    split->setChildrenCollapsible(false);
    split->addWidget(charts);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({420, 280});

    auto *layout = new QVBoxLayout(dashboard);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildTiles());
    layout->addWidget(split, 1);
    return dashboard;
}

void MonitoringPage::setMetrics(const Observe::RequestMetrics *metrics, SlugLookup slugOf)
{
    m_timer.stop();
    m_feed = nullptr;
    m_sampler.reset();
    if (metrics) {
        const Clock &clock = m_clock ? *m_clock : *m_systemClock;
        m_sampler = std::make_unique<Observe::MetricsSampler>(*metrics, clock, kBusiestRows);
    }
    watch(m_sampler.get(), std::move(slugOf));
}

void MonitoringPage::setFeed(Observe::MetricsFeed *feed, SlugLookup slugOf)
{
    m_timer.stop();
    m_feed = nullptr;
    m_sampler.reset();
    watch(feed, std::move(slugOf));
}

void MonitoringPage::watch(Observe::MetricsFeed *feed, SlugLookup slugOf)
{
    m_feed = feed;
    m_slugOf = std::move(slugOf);
    m_feedFailing = false;
    clearHistory();
    if (m_feed) {
        m_feed->setSelectedTenant(m_selectedTenant);
        m_lastSampleAt = (m_clock ? *m_clock : *m_systemClock).now();
    }
    m_emptyText->setText(tr("The embedded server is not running — start it from the Server menu."));
    m_stack->setCurrentIndex(m_feed ? 1 : 0);
    // Nothing to watch, nothing to pick: only the explanation.
    for (QWidget *w : std::initializer_list<QWidget *>{m_windowLabel, m_pickerLabel, m_picker})
        w->setVisible(m_feed != nullptr);
    m_picker->setCurrentTenant(m_selectedTenant, slugFor(m_selectedTenant));
    updateSelectedLineName();
    startOrStopSampling();
}

void MonitoringPage::showFeedError(const Error &error)
{
    // The charts would go on with the last figures as if they were current: hide them.
    m_feedFailing = true;
    m_emptyText->setText(tr("The server's traffic cannot be read: %1").arg(error.message));
    m_stack->setCurrentIndex(0);
}

void MonitoringPage::setClock(const Clock *clock)
{
    m_clock = clock;
}

void MonitoringPage::clearHistory()
{
    for (TimeSeriesChart *chart : {m_requestsChart, m_latencyChart, m_errorsChart}) {
        chart->clear();
        chart->advanceTo(m_clock ? m_clock->now() : m_systemClock->now());
    }
    m_topChart->setBars({}, m_selectedTenant);
    m_busiest->setRows({});
    const QString none = MonitoringFormat::unknown();
    for (QLabel *value : {m_rateTile, m_errorTile, m_latencyTile, m_tenantsTile})
        value->setText(none);
    for (QLabel *detail : {m_rateDetail, m_errorDetail, m_latencyDetail, m_tenantsDetail})
        detail->setText(u" "_s); // keeps the tile's height
    m_lastSampleAt = {};
}

QString MonitoringPage::slugFor(const QString &tenantId) const
{
    if (tenantId.isEmpty())
        return {};
    QString slug = m_slugOf ? m_slugOf(tenantId) : QString();
    if (slug.isEmpty() && m_feed)
        slug = m_feed->slugOf(tenantId);
    return slug.isEmpty() ? tenantId : slug;
}

void MonitoringPage::selectTenant(const QString &tenantId)
{
    if (tenantId != m_selectedTenant) {
        m_selectedTenant = tenantId;
        if (m_feed)
            m_feed->setSelectedTenant(tenantId);
        // The line showed another tenant: start it afresh rather than splice two tenants.
        m_requestsChart->clearLine(m_selectedLine);
        updateSelectedLineName();
        m_busiest->setSelectedTenant(tenantId);
        m_topChart->setBars(m_topChart->bars(), tenantId);
    }
    m_picker->setCurrentTenant(tenantId, slugFor(tenantId));
    syncTableSelection();
}

void MonitoringPage::updateSelectedLineName()
{
    m_requestsChart->setLineName(m_selectedLine, slugFor(m_selectedTenant));
    m_requestsChart->setLineVisible(m_selectedLine, !m_selectedTenant.isEmpty());
}

void MonitoringPage::syncTableSelection()
{
    const QScopedValueRollback guard(m_syncingSelection, true);
    const int row = m_busiest->rowOfTenant(m_selectedTenant);
    QItemSelectionModel *selection = m_busiestView->selectionModel();
    if (row < 0) {
        selection->clear();
    } else {
        selection->setCurrentIndex(m_busiest->index(row, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

void MonitoringPage::tick()
{
    if (!m_feed)
        return;
    const Result<std::optional<Observe::MetricsSample>> next = m_feed->next();
    if (!next) {
        showFeedError(next.error());
        return;
    }
    if (!next.value())
        return; // nothing new yet: keep what is shown
    if (m_feedFailing) {
        m_feedFailing = false;
        m_stack->setCurrentIndex(1);
    }
    const Observe::MetricsSample &sample = *next.value();
    m_lastSampleAt = sample.at;
    if (sample.interval <= std::chrono::milliseconds(0))
        return; // no time passed: no rate to draw
    plot(sample);
    updateTiles(sample);
    updateBusiest(sample);
    // A remote feed learns slugs from its polls: the selected tenant, chosen by id before,
    // gets its name once one is known.
    if (const QString label = slugFor(m_selectedTenant); label != m_selectedLabel) {
        m_selectedLabel = label;
        updateSelectedLineName();
        m_picker->setCurrentTenant(m_selectedTenant, label);
    }
}

void MonitoringPage::plot(const Observe::MetricsSample &sample)
{
    // After a pause (the page was hidden) the sample is the average over the whole gap:
    // drawn flat across it, not as a spike or a slope at its end.
    const bool gap = sample.interval > kTickInterval * 3 / 2;
    const QDateTime from = sample.at.addMSecs(-sample.interval.count());
    const auto add = [&](TimeSeriesChart *chart, int line, double value) {
        if (gap)
            chart->append(line, from, value);
        chart->append(line, sample.at, value);
    };
    add(m_requestsChart, m_allLine, sample.requestsPerSecond);
    if (sample.selected)
        add(m_requestsChart, m_selectedLine, sample.selected->requestsPerSecond);
    if (sample.requests > 0) { // no requests: no latency, rather than a latency of zero
        add(m_latencyChart, m_p50Line, toMs(sample.p50));
        add(m_latencyChart, m_p95Line, toMs(sample.p95));
        add(m_latencyChart, m_p99Line, toMs(sample.p99));
    }
    add(m_errorsChart, m_errorsLine, sample.errorRate * 100.0);
    add(m_errorsChart, m_serverErrorsLine, sample.serverErrorRate * 100.0);
    for (TimeSeriesChart *chart : {m_requestsChart, m_latencyChart, m_errorsChart})
        chart->advanceTo(sample.at);
}

void MonitoringPage::updateTiles(const Observe::MetricsSample &sample)
{
    const QLocale locale;
    m_rateTile->setText(MonitoringFormat::rate(sample.requestsPerSecond));
    m_rateDetail->setText(tr("Since start: %1").arg(locale.toString(sample.requestsTotal)));
    m_errorTile->setText(MonitoringFormat::percent(sample.errorRate));
    m_errorDetail->setText(tr("5xx: %1").arg(MonitoringFormat::percent(sample.serverErrorRate)));
    if (sample.requests > 0) {
        m_latencyTile->setText(MonitoringFormat::milliseconds(sample.p95));
        m_latencyDetail->setText(tr("p50 %1 · p99 %2")
                                     .arg(MonitoringFormat::milliseconds(sample.p50),
                                          MonitoringFormat::milliseconds(sample.p99)));
    } else {
        m_latencyTile->setText(MonitoringFormat::unknown());
        m_latencyDetail->setText(tr("No requests"));
    }
    m_tenantsTile->setText(locale.toString(sample.tenantsSeen));
    m_tenantsDetail->setText(tr("Active now: %1").arg(locale.toString(sample.tenantsActive)));
}

void MonitoringPage::updateBusiest(const Observe::MetricsSample &sample)
{
    QList<BusiestTenantsModel::Row> rows;
    QList<TopTenantsChart::Bar> bars;
    rows.reserve(sample.top.size());
    for (const Observe::TenantRate &rate : sample.top) {
        const QString slug = slugFor(rate.tenantId);
        rows.append({rate.tenantId, slug, rate.requestsPerSecond, rate.requestsTotal, rate.errorRate(), rate.p95});
        if (bars.size() < kTopBars)
            bars.append({rate.tenantId, slug, rate.requestsPerSecond});
    }
    {
        // Rows that go away may move the view's current row: that is not the operator's choice.
        const QScopedValueRollback guard(m_syncingSelection, true);
        m_busiest->setRows(rows);
    }
    m_topChart->setBars(bars, m_selectedTenant);
    syncTableSelection();
}

void MonitoringPage::showAlert(const QDateTime &at, const QString &tenantSlug, const QString &text)
{
    const QDateTime local = at.toLocalTime();
    auto *item = new QTreeWidgetItem({local.toString(u"HH:mm:ss"_s), tenantSlug, text});
    item->setToolTip(0, QLocale().toString(local, QLocale::LongFormat));
    item->setToolTip(2, text);
    item->setForeground(2, ChartStyle::kServerErrors);
    m_alerts->insertTopLevelItem(0, item);
    while (m_alerts->topLevelItemCount() > kMaxAlerts)
        delete m_alerts->takeTopLevelItem(m_alerts->topLevelItemCount() - 1);
    m_alertsStack->setCurrentWidget(m_alerts);
    m_alertsCount->setText(QLocale().toString(m_alerts->topLevelItemCount()));
}

void MonitoringPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Catch up at once if a tick is due; otherwise the timer brings the next one.
    if (m_feed) {
        const Clock &clock = m_clock ? *m_clock : *m_systemClock;
        if (!m_lastSampleAt.isValid() || m_lastSampleAt.msecsTo(clock.now()) >= kTickInterval.count())
            tick();
    }
    startOrStopSampling();
}

void MonitoringPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop(); // also when the window is minimised: nobody looks
}

void MonitoringPage::startOrStopSampling()
{
    const bool looking = isVisible() && !(window()->windowState() & Qt::WindowMinimized);
    if (m_feed && looking) {
        if (!m_timer.isActive())
            m_timer.start();
    } else {
        m_timer.stop();
    }
}

} // namespace Tenantry::Widgets
