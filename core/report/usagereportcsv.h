#pragma once

#include "core/report/usagereport.h"

#include <QByteArray>

namespace Tenantry::Report {

// A usage report as CSV (RFC 4180, UTF-8, CRLF, cells written by Csv::appendCell, so
// names cannot smuggle spreadsheet formulas). A header row, then one row per table row and
// a last row of totals, told apart by the first column, `row_type`:
//   tenant report:      row_type (day|total), slug, date (empty on the total row), <figures>
//   all tenants report: row_type (tenant|total), tenant_id, slug, name, status, <figures>
// <figures>: requests, client_errors, server_errors, error_rate, auth_failures, bytes_in,
// bytes_out, storage_peak_bytes, storage_latest_bytes (empty when not sampled),
// latency_mean_ms, latency_p50_ms, latency_p95_ms, latency_p99_ms.
QByteArray usageReportToCsv(const UsageReport &report);

} // namespace Tenantry::Report
