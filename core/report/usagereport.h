#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/observe/requestmetrics.h"
#include "core/report/usageperiod.h"
#include "core/storage/catalog.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace Tenantry::Report {

// Usage over some span of time: what the hourly rollup rows of that span add up to.
struct UsageFigures {
    qint64 requests = 0;
    qint64 clientErrors = 0; // 4xx
    qint64 serverErrors = 0; // 5xx
    qint64 authFailures = 0; // 401, also counted in clientErrors
    qint64 bytesIn = 0;      // request bodies
    qint64 bytesOut = 0;     // response bodies
    qint64 latencySumUs = 0;
    Observe::LatencyHistogram::Buckets latency{}; // per-bucket counts, merged
    // Storage of the tenant's data space: the largest hourly sample, and the sample of the
    // newest hour that has one. Unset when no sample was taken in the span.
    std::optional<qint64> storagePeakBytes;
    std::optional<qint64> storageLatestBytes;

    // (4xx + 5xx) / requests; 0 without requests.
    double errorRate() const;
    // Estimated from the merged buckets exactly as LatencyHistogram::percentile() does.
    std::chrono::microseconds latencyPercentile(double quantile) const;
    std::chrono::microseconds latencyMean() const;
    // Adds the other's counters and latency buckets (not storage, whose sum depends on
    // whether the spans are consecutive or side by side).
    void addTraffic(const UsageFigures &other);
};

// A tenant as a report names it. Reports also cover deleted and purged tenants.
struct UsageTenant {
    QString id;
    QString slug;   // empty if the catalog no longer knows the id
    QString name;   // display name
    QString status; // statusName(), e.g. "active", "purged"
};

// One line of a report's table: a UTC day of a tenant's report, or a tenant of the report
// of all tenants.
struct UsageRow {
    QDate day;          // tenant report
    UsageTenant tenant; // report of all tenants
    UsageFigures figures;
};

// A usage report for [from, to). A tenant's report (`tenant` set) has a row for every UTC
// day the period touches, usage or not. The report of all tenants has a row for each
// tenant with any usage in the period (traffic or a storage sample), ordered by slug.
// `totals` adds up the rows' traffic; its latency percentiles come from the merged buckets.
// Its storage: for a tenant, the peak and latest sample of the whole period; for all
// tenants, `storageLatestBytes` is the sum of the tenants' latest samples and
// `storagePeakBytes` the largest sum of all tenants' samples in any one hour.
struct UsageReport {
    QDateTime from;
    QDateTime to;
    QDateTime generatedAt;
    std::optional<UsageTenant> tenant;
    QList<UsageRow> rows;
    UsageFigures totals;

    bool isAllTenants() const { return !tenant.has_value(); }
};

// Builds usage reports from the catalog's hourly rollup (usage_hourly), which holds what
// the servers flushed: figures lag the live traffic by up to one flush interval.
// Thread-safe in the way Catalog is (each call uses the calling thread's connection);
// `catalog` and `clock` must outlive it.
class UsageReporter final
{
public:
    UsageReporter(Storage::Catalog &catalog, const Clock &clock);

    // One tenant (by id, whatever its status), a row per UTC day.
    // Errors: NotFound "tenant-not-found"; the catalog's errors.
    Result<UsageReport> tenantReport(const QString &tenantId, const UsagePeriod &period);
    // Every tenant with usage in the period, a row each.
    Result<UsageReport> allTenantsReport(const UsagePeriod &period);

private:
    Storage::Catalog &m_catalog;
    const Clock &m_clock;
};

// A file name for the report, e.g. "usage-acme-2026-03-01-2026-04-01.pdf" or
// "usage-all-tenants-2026-03-01-2026-04-01.csv". `extension` without the dot.
QString usageReportFileName(const UsageReport &report, const QString &extension);

} // namespace Tenantry::Report
