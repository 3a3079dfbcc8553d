#pragma once

#include <QColor>
#include <QString>

class QAbstractAxis;
class QChart;
class QPalette;

namespace Tenantry::Widgets::ChartStyle {

// The Monitoring page's colours: distinct for the usual kinds of colour blindness and
// readable on a light background. Errors are warm, traffic cool.
inline const QColor kTraffic{0x1f, 0x6f, 0xb4};      // blue
inline const QColor kSelected{0xd9, 0x6c, 0x06};     // orange
inline const QColor kFast{0x2e, 0x8b, 0x57};         // green: p50
inline const QColor kSlower{0xc7, 0x8a, 0x00};       // amber: p95
inline const QColor kSlowest{0xb0, 0x2a, 0x37};      // red: p99
inline const QColor kClientErrors{0xd9, 0x6c, 0x06}; // orange: 4xx + 5xx
inline const QColor kServerErrors{0xb0, 0x2a, 0x37}; // red: 5xx

// A chart that belongs to the page: the palette's base colour behind it, no frame, no
// animation, the application font for the title and the legend, numbers in the locale.
void apply(QChart *chart, const QString &title, const QPalette &palette);
// An axis in the palette's text colours with `title` (may be empty) under or beside it.
void applyAxis(QAbstractAxis *axis, const QString &title, const QPalette &palette);

// An axis from zero to `top`, cut into `intervals` steps of 1, 2, 2.5 or 5 times a power of
// ten, with a printf label format that shows those steps without needless decimals.
struct Scale {
    double top = 1;
    QString labelFormat;
};
Scale niceScale(double highest, int intervals);

} // namespace Tenantry::Widgets::ChartStyle
