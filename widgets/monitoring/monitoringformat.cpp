#include "widgets/monitoring/monitoringformat.h"

#include "widgets/monitoring/monitoringpage.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets::MonitoringFormat {
namespace {

// Three significant digits at most, never fewer than the integer part.
QString number(double value)
{
    const double magnitude = std::abs(value);
    const int decimals = magnitude == 0 || magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    QString text = QLocale().toString(value, 'f', decimals);
    if (decimals > 0) {
        // "2.50" reads better as "2.5", "3.00" as "3".
        const QChar point = QLocale().decimalPoint().front();
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

} // namespace

QString rate(double perSecond)
{
    return number(perSecond);
}

QString percent(double ratio)
{
    return MonitoringPage::tr("%1%", "percentage").arg(number(ratio * 100.0));
}

QString milliseconds(std::chrono::microseconds latency)
{
    return MonitoringPage::tr("%1 ms", "milliseconds").arg(number(double(latency.count()) / 1000.0));
}

QString unknown()
{
    return u"—"_s;
}

} // namespace Tenantry::Widgets::MonitoringFormat
