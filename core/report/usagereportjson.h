#pragma once

#include "core/report/usagereport.h"

#include <QJsonObject>

namespace Tenantry::Report {

// A usage report as JSON, the shape of the HTTP API and `tenantry report usage --format json`:
//   {"report": "tenant" | "all-tenants", "from", "to", "generated_at" (ISO 8601 UTC),
//    "tenant": {"id", "slug", "name", "status"}            (tenant report only),
//    "days": [{"date": "2026-03-01", <figures>}, ...]       (tenant report) or
//    "tenants": [{"tenant_id", "slug", "name", "status", <figures>}, ...] (all tenants),
//    "totals": {<figures>}}
// where <figures> are "requests", "client_errors", "server_errors", "error_rate",
// "auth_failures", "bytes_in", "bytes_out", "storage_bytes": {"peak", "latest"} (null when
// not sampled) and "latency_ms": {"mean", "p50", "p95", "p99"}.
QJsonObject usageReportToJson(const UsageReport &report);

} // namespace Tenantry::Report
