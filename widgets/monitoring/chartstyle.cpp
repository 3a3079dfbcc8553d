#include "widgets/monitoring/chartstyle.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QPalette>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets::ChartStyle {

void apply(QChart *chart, const QString &title, const QPalette &palette)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    // Numbers in the console's locale; also the only label path that keeps non-Latin-1 text
    // around the printf specifier (the other one formats Latin-1 bytes).
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setMargins(QMargins(6, 4, 10, 4));

    QFont titleFont = QApplication::font();
    titleFont.setWeight(QFont::DemiBold);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->setTitle(title);

    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    chart->legend()->setFont(small);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
}

void applyAxis(QAbstractAxis *axis, const QString &title, const QPalette &palette)
{
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    axis->setLabelsFont(small);
    axis->setLabelsColor(palette.color(QPalette::Text));
    axis->setTitleFont(small);
    axis->setTitleBrush(palette.color(QPalette::PlaceholderText));
    axis->setTitleText(title);
    axis->setTitleVisible(!title.isEmpty());
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(28);
    axis->setGridLineColor(grid);
    grid.setAlpha(12);
    axis->setMinorGridLineColor(grid);
    QColor line = palette.color(QPalette::Text);
    line.setAlpha(90);
    axis->setLinePenColor(line);
}

Scale niceScale(double highest, int intervals)
{
    const double raw = std::max(highest, 1e-9) / std::max(intervals, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= raw * (1 - 1e-9)) {
            step = factor * magnitude;
            break;
        }
    }
    // Decimals: enough for the step (2.5 needs one more than 2).
    int decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
    if (std::abs(step / std::pow(10.0, -decimals) - std::round(step / std::pow(10.0, -decimals))) > 1e-6)
        ++decimals;
    return {step * intervals, u"%.%1f"_s.arg(decimals)};
}

} // namespace Tenantry::Widgets::ChartStyle
