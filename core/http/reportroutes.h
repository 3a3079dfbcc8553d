#pragma once

#include "core/http/router.h"
#include "core/report/usagereport.h"
#include "core/tenancy/tenantdirectory.h"

#include <functional>

namespace Tenantry::Http {

// Renders a usage report as PDF. Core cannot (QPdfWriter needs Qt Gui); the app passes the
// documents library's renderer. Null: format=pdf is refused as unknown.
using UsagePdfRenderer = std::function<Result<QByteArray>(const Report::UsageReport &)>;

// Usage reports over HTTP, all taking from=&to= (dates or whole-hour ISO 8601 UTC times,
// [from, to), see parseUsagePeriod) and format=json|csv|pdf (default json):
//   GET /admin/v1/reports/usage                 every tenant with usage, a row each
//   GET /admin/v1/tenants/{slug}/reports/usage  one tenant, a row per day
//   GET /api/v1/reports/usage                   the calling tenant's own, and nothing else
// CSV and PDF come as attachments (Content-Disposition with a file name). Bad parameters
// are 400 "invalid-query" with a field error for each.
void registerReportRoutes(Router &router, Report::UsageReporter &reporter, const TenantDirectory &directory,
                          UsagePdfRenderer renderPdf);

} // namespace Tenantry::Http
