#include "widgets/monitoring/toptenantschart.h"

#include "widgets/monitoring/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>

namespace Tenantry::Widgets {

TopTenantsChart::TopTenantsChart(const QString &title, const QString &valueTitle, QWidget *parent)
    : QChartView(parent)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart, title, palette());
    chart->legend()->hide();

    m_set = new QBarSet(valueTitle, this);
    m_set->setColor(ChartStyle::kTraffic);
    m_set->setBorderColor(ChartStyle::kTraffic);
    m_set->setSelectedColor(ChartStyle::kSelected);
    m_set->setLabelColor(palette().color(QPalette::Text));
    m_series = new QHorizontalBarSeries(this);
    m_series->append(m_set);
    m_series->setBarWidth(0.7);
    m_series->setLabelsVisible(true);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setLabelsPrecision(3);
    chart->addSeries(m_series);

    m_categories = new QBarCategoryAxis(chart);
    ChartStyle::applyAxis(m_categories, {}, palette());
    // Qt Charts elides category labels to "..." as soon as the plot gets a little shorter
    // (e.g. while a banner takes room); a slug is short enough to always show whole.
    m_categories->setTruncateLabels(false);
    m_categories->setGridLineVisible(false);
    chart->addAxis(m_categories, Qt::AlignLeft);
    m_series->attachAxis(m_categories);

    m_valueAxis = new QValueAxis(chart);
    m_valueAxis->setTickCount(5);
    ChartStyle::applyAxis(m_valueAxis, valueTitle, palette());
    chart->addAxis(m_valueAxis, Qt::AlignBottom);
    m_series->attachAxis(m_valueAxis);

    connect(m_set, &QBarSet::clicked, this, [this](int index) {
        // Bars are drawn bottom-up: index 0 is the last of m_bars.
        const qsizetype row = m_bars.size() - 1 - index;
        if (row >= 0 && row < m_bars.size())
            Q_EMIT tenantClicked(m_bars[row].tenantId);
    });

    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    // Ten names one above the other: Qt Charts elides a name taller than its share of the axis.
    setMinimumHeight(fontMetrics().height() * 16);
    setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    setBars({}, {});
}

void TopTenantsChart::setBars(const QList<Bar> &bars, const QString &highlightedTenant)
{
    QStringList labels;
    QList<qreal> values;
    double highest = 0;
    for (auto it = bars.crbegin(); it != bars.crend(); ++it) {
        // Category labels must be unique; a tenant without a slug shows its id, never blank.
        labels.append(it->label.isEmpty() ? it->tenantId : it->label);
        values.append(it->value);
        highest = std::max(highest, it->value);
    }
    const bool sameTenants = labels == m_categories->categories();
    m_bars = bars;
    if (!sameTenants) {
        m_set->remove(0, m_set->count());
        m_categories->setCategories(labels);
        m_set->append(values);
    } else {
        for (int i = 0; i < values.size(); ++i)
            m_set->replace(i, values[i]);
    }
    m_set->deselectAllBars();
    for (int i = 0; i < bars.size(); ++i) {
        if (!highlightedTenant.isEmpty() && bars[i].tenantId == highlightedTenant)
            m_set->selectBar(int(bars.size()) - 1 - i);
    }

    // Room on the right for the value labels beside the longest bar.
    const ChartStyle::Scale scale = ChartStyle::niceScale(std::max(highest * 1.2, 1.0), 4);
    if (scale.top > m_top || highest < m_top * 0.4 || m_top == 0) {
        m_top = scale.top;
        m_valueAxis->setRange(0, scale.top);
        m_valueAxis->setLabelFormat(scale.labelFormat);
    }
}

} // namespace Tenantry::Widgets
