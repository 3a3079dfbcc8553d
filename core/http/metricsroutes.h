#pragma once

#include "core/http/router.h"
#include "core/observe/requestmetrics.h"
#include "core/tenancy/tenantdirectory.h"

namespace Tenantry::Http {

// Request metrics over HTTP:
//   GET /metrics                          Prometheus text (admin token); per-tenant series only for
//                                         the `topTenants` busiest, the rest summed as "_other"
//   GET /admin/v1/metrics?top=N           server totals and the N busiest tenants, as JSON
//   GET /admin/v1/tenants/{slug}/metrics  one tenant's numbers
//   GET /api/v1/metrics                   the calling tenant's own numbers
// The two admin answers also carry the latency histograms' per-bucket counts
// ("latency_buckets", LatencyHistogram::counts()) and the buckets' upper bounds once
// ("latency_bucket_bounds_us"), so a client can diff two answers for the latency of the time
// between them (Remote::RemoteMetrics does).
void registerMetricsRoutes(Router &router, const Observe::RequestMetrics &metrics, const TenantDirectory &directory,
                           int topTenants);

// requests, client_errors, server_errors, error_rate and latency_ms {p50, p95, p99}.
QJsonObject metricsToJson(const Observe::MetricsSnapshot &snapshot);

} // namespace Tenantry::Http
