#pragma once

#include "core/base/result.h"

#include <QDateTime>
#include <QString>

namespace Tenantry::Report {

// A half-open range of whole UTC hours, [from, to): the unit usage is kept in.
struct UsagePeriod {
    QDateTime from;
    QDateTime to;
};

// The longest period one usage report covers.
constexpr int kMaxUsageReportDays = 400;

// Reads a report period as given on the command line or in a query string. Each end is a
// date, "2026-03-01" (midnight UTC, so --from 2026-03-01 --to 2026-04-01 is March), or an
// ISO 8601 time on a whole hour, "2026-03-01T13:00:00Z" (an offset is converted to UTC; a
// time without one is taken as UTC). Errors: Invalid "invalid-report-period" with a field
// error naming "from" and/or "to" — missing, malformed, not on a whole hour, `to` not after
// `from`, or more than kMaxUsageReportDays apart.
Result<UsagePeriod> parseUsagePeriod(const QString &from, const QString &to);

// How a period end is shown to people and in file names: "2026-03-01" at midnight,
// otherwise "2026-03-01T13:00Z".
QString periodEndText(const QDateTime &t);

} // namespace Tenantry::Report
