#pragma once

#include "core/base/result.h"
#include "core/report/usagereport.h"

#include <QByteArray>

namespace Tenantry::Documents {

// How the usage report's table is paginated: rows per page are fixed (every row has the
// same height), so the page count follows from the number of rows alone.
struct UsageReportPdfLayout {
    // Table rows (days or tenants, and the totals row) on the first page, below the title
    // and the summary figures, and on each further page, below a repeated table header.
    static constexpr int kRowsOnFirstPage = 24;
    static constexpr int kRowsPerPage = 34;

    // The pages a report with `tableRows` rows (totals row included) takes.
    static int pageCount(qsizetype tableRows);
};

// Renders `report` as an A4 PDF document: a title with the tenant (or "All tenants") and
// the period, the summary figures (requests, errors, bandwidth, storage, latency
// percentiles), then the table — a row per day or per tenant and a totals row — over as
// many pages as it needs, with its header repeated on each, and a footer with the
// generation time and "Page N of M" on every page. Text in any script the installed fonts
// cover renders (Chinese through Noto Sans CJK when the family name lacks a glyph).
// Needs a QGuiApplication (fonts); like painting on a QPrinter it may run on any thread.
// Errors: Internal "pdf-render-failed" if the PDF could not be produced.
Result<QByteArray> renderUsageReportPdf(const Report::UsageReport &report);

} // namespace Tenantry::Documents
