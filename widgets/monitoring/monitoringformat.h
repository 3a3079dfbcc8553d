#pragma once

#include <QString>

#include <chrono>

namespace Tenantry::Widgets::MonitoringFormat {

// Numbers as the Monitoring page shows them, in the current locale, with as many decimals
// as a reader can use: "1,234", "12.5", "0.25".
QString rate(double perSecond);
// A ratio 0..1 as a percentage: "0%", "0.4%", "12.5%".
QString percent(double ratio);
// A latency in milliseconds: "0.45 ms", "12.3 ms", "1,250 ms".
QString milliseconds(std::chrono::microseconds latency);
// What a figure that is not known yet reads as.
QString unknown();

} // namespace Tenantry::Widgets::MonitoringFormat
