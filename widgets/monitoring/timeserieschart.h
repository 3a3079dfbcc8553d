#pragma once

#include <QChartView>
#include <QDateTime>
#include <QList>
#include <QPointF>

#include <chrono>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace Tenantry::Widgets {

// A line chart of the last few minutes: time on the x axis (ending at the latest advanceTo()),
// values from zero up on the y axis, whose top is rounded to a readable step and follows the
// largest visible value. Points are buffered and handed to the series once per advanceTo(),
// so a chart of several lines redraws once per update, without animation or flicker.
// GUI thread only.
class TimeSeriesChart final : public QChartView
{
    Q_OBJECT

public:
    // `valueSuffix` follows each value on the y axis: its unit, e.g. " ms" or "%". (Units go
    // on the labels rather than in a rotated axis title, which Qt Charts clips for CJK text.)
    TimeSeriesChart(const QString &title, const QString &valueSuffix, QWidget *parent = nullptr);

    // Adds a line and returns its index. `objectName` identifies its series (for tests).
    int addLine(const QString &name, const QColor &color, const QString &objectName,
                Qt::PenStyle style = Qt::SolidLine);
    void setLineName(int line, const QString &name);
    void setLineVisible(int line, bool visible);
    QLineSeries *line(int line) const;

    void setWindow(std::chrono::seconds window);
    std::chrono::seconds window() const { return m_window; }
    // The y axis reaches at least this far, so a quiet chart does not magnify noise.
    void setMinimumTop(double top);

    // Adds a point to `line`; it is drawn at the next advanceTo().
    void append(int line, const QDateTime &at, double value);
    void clearLine(int line);
    void clear();
    // Ends the time axis at `now`, drops what scrolled out of the window and redraws.
    void advanceTo(const QDateTime &now);

private:
    void updateValueAxis();

    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QString m_valueSuffix;
    QList<QLineSeries *> m_series;
    QList<QList<QPointF>> m_points;
    std::chrono::seconds m_window{300};
    double m_minimumTop = 1.0;
    double m_top = 0.0;
};

} // namespace Tenantry::Widgets
