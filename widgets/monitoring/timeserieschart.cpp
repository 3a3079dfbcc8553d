#include "widgets/monitoring/timeserieschart.h"

#include "widgets/monitoring/chartstyle.h"

#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {

TimeSeriesChart::TimeSeriesChart(const QString &title, const QString &valueSuffix, QWidget *parent)
    : QChartView(parent)
    , m_valueSuffix(valueSuffix)
{
    auto *chart = new QChart;
    ChartStyle::apply(chart, title, palette());
    chart->legend()->setAlignment(Qt::AlignRight); // the charts are wide; height is scarce

    m_timeAxis = new QDateTimeAxis(chart);
    m_timeAxis->setFormat(u"HH:mm:ss"_s);
    m_timeAxis->setTickCount(6);
    ChartStyle::applyAxis(m_timeAxis, {}, palette());
    chart->addAxis(m_timeAxis, Qt::AlignBottom);

    m_valueAxis = new QValueAxis(chart);
    m_valueAxis->setTickCount(5);
    m_valueAxis->setMinorTickCount(1);
    ChartStyle::applyAxis(m_valueAxis, {}, palette());
    chart->addAxis(m_valueAxis, Qt::AlignLeft);

    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(fontMetrics().height() * 10);
    advanceTo(QDateTime::currentDateTimeUtc());
}

int TimeSeriesChart::addLine(const QString &name, const QColor &color, const QString &objectName, Qt::PenStyle style)
{
    auto *series = new QLineSeries(this);
    series->setObjectName(objectName);
    series->setName(name);
    QPen pen(color, 2.0, style);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    series->setPen(pen);
    chart()->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_valueAxis);
    m_series.append(series);
    m_points.append(QList<QPointF>());
    return int(m_series.size()) - 1;
}

void TimeSeriesChart::setLineName(int line, const QString &name)
{
    m_series[line]->setName(name);
}

void TimeSeriesChart::setLineVisible(int line, bool visible)
{
    m_series[line]->setVisible(visible);
    // A hidden series keeps its legend entry unless told otherwise.
    const QList<QLegendMarker *> markers = chart()->legend()->markers(m_series[line]);
    for (QLegendMarker *marker : markers)
        marker->setVisible(visible);
}

QLineSeries *TimeSeriesChart::line(int line) const
{
    return m_series.value(line);
}

void TimeSeriesChart::setWindow(std::chrono::seconds window)
{
    m_window = window;
}

void TimeSeriesChart::setMinimumTop(double top)
{
    m_minimumTop = top;
    updateValueAxis();
}

void TimeSeriesChart::append(int line, const QDateTime &at, double value)
{
    m_points[line].append(QPointF(double(at.toMSecsSinceEpoch()), value));
}

void TimeSeriesChart::clearLine(int line)
{
    m_points[line].clear();
    m_series[line]->clear();
}

void TimeSeriesChart::clear()
{
    for (int i = 0; i < m_series.size(); ++i)
        clearLine(i);
    updateValueAxis();
}

void TimeSeriesChart::advanceTo(const QDateTime &now)
{
    const double end = double(now.toMSecsSinceEpoch());
    const double start = end - double(std::chrono::milliseconds(m_window).count());
    for (int i = 0; i < m_series.size(); ++i) {
        QList<QPointF> &points = m_points[i];
        // Keep the last point left of the window so the line enters from the edge.
        const auto firstInside = std::find_if(points.cbegin(), points.cend(),
                                              [start](const QPointF &p) { return p.x() >= start; });
        const qsizetype drop = std::max<qsizetype>(0, (firstInside - points.cbegin()) - 1);
        if (drop > 0)
            points.remove(0, drop);
        m_series[i]->replace(points);
    }
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(start)), QDateTime::fromMSecsSinceEpoch(qint64(end)));
    updateValueAxis();
}

void TimeSeriesChart::updateValueAxis()
{
    double highest = 0;
    for (int i = 0; i < m_series.size(); ++i) {
        if (!m_series[i]->isVisible())
            continue;
        for (const QPointF &p : std::as_const(m_points[i]))
            highest = std::max(highest, p.y());
    }
    const ChartStyle::Scale scale = ChartStyle::niceScale(std::max(highest * 1.08, m_minimumTop), 4);
    // Grow at once; shrink only once the data fits well below, so the axis does not hop.
    if (scale.top > m_top || highest < m_top * 0.4 || m_top == 0) {
        m_top = scale.top;
        m_valueAxis->setRange(0, scale.top);
        m_valueAxis->setLabelFormat(scale.labelFormat + m_valueSuffix);
    }
}

} // namespace Tenantry::Widgets
