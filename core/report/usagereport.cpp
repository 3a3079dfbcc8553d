#include "core/report/usagereport.h"

#include "core/observe/usagerecorder.h"

#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tenantry::Report {
namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;
constexpr int kCounterCount = 7; // requests .. latency_sum_us, before the buckets

// The figure columns in the order readFigures() expects, each wrapped by `aggregate`
// ("%1" for plain rows, "CAST(SUM(%1) AS BIGINT)" for sums: PostgreSQL's SUM of BIGINT is
// NUMERIC, which QPSQL would hand back as a double).
QString figureColumns(const QString &aggregate, const QString &prefix = {})
{
    QStringList columns{u"requests"_s, u"client_errors"_s, u"server_errors"_s, u"auth_failures"_s,
                        u"bytes_in"_s, u"bytes_out"_s, u"latency_sum_us"_s};
    for (std::size_t i = 0; i < Observe::LatencyHistogram::kBucketCount; ++i)
        columns.append(Observe::latencyBucketColumn(i));
    for (QString &c : columns)
        c = aggregate.arg(prefix + c);
    return columns.join(u", "_s);
}

// Reads the figure columns starting at column `first`.
UsageFigures readFigures(const QSqlQuery &q, int first)
{
    UsageFigures f;
    qint64 *counters[kCounterCount] = {&f.requests, &f.clientErrors, &f.serverErrors, &f.authFailures,
                                       &f.bytesIn,  &f.bytesOut,     &f.latencySumUs};
    for (int i = 0; i < kCounterCount; ++i)
        *counters[i] = q.value(first + i).toLongLong();
    for (std::size_t i = 0; i < f.latency.size(); ++i)
        f.latency[i] = q.value(first + kCounterCount + int(i)).toLongLong();
    return f;
}

std::optional<qint64> optionalBytes(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

void keepPeak(std::optional<qint64> &peak, std::optional<qint64> sample)
{
    if (sample && (!peak || *sample > *peak))
        peak = sample;
}

UsageTenant readTenant(const QSqlQuery &q, int first, const QString &id)
{
    return {id, q.value(first).toString(), q.value(first + 1).toString(), q.value(first + 2).toString()};
}

} // namespace

double UsageFigures::errorRate() const
{
    return requests > 0 ? double(clientErrors + serverErrors) / double(requests) : 0.0;
}

std::chrono::microseconds UsageFigures::latencyPercentile(double quantile) const
{
    return Observe::LatencyHistogram::percentileOf(latency, quantile);
}

std::chrono::microseconds UsageFigures::latencyMean() const
{
    qint64 samples = 0;
    for (qint64 n : latency)
        samples += n;
    return std::chrono::microseconds(samples > 0 ? latencySumUs / samples : 0);
}

void UsageFigures::addTraffic(const UsageFigures &o)
{
    requests += o.requests;
    clientErrors += o.clientErrors;
    serverErrors += o.serverErrors;
    authFailures += o.authFailures;
    bytesIn += o.bytesIn;
    bytesOut += o.bytesOut;
    latencySumUs += o.latencySumUs;
    for (std::size_t i = 0; i < latency.size(); ++i)
        latency[i] += o.latency[i];
}

UsageReporter::UsageReporter(Storage::Catalog &catalog, const Clock &clock) : m_catalog(catalog), m_clock(clock) {}

Result<UsageReport> UsageReporter::tenantReport(const QString &tenantId, const UsagePeriod &period)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto who = Storage::runQuery(db.value(), u"SELECT slug, display_name, status FROM tenants WHERE id = ?"_s, {tenantId});
    if (!who)
        return who.error();
    if (!who->next())
        return Error::notFound(u"tenant-not-found"_s, u"No tenant with id '%1'."_s.arg(tenantId));

    UsageReport report;
    report.from = period.from.toUTC();
    report.to = period.to.toUTC();
    report.generatedAt = m_clock.now().toUTC();
    report.tenant = readTenant(who.value(), 0, tenantId);

    // A row for every UTC day the period touches, so the table reads as a calendar.
    const QDate firstDay = report.from.date();
    const QDate lastDay = report.to.addMSecs(-1).date();
    for (QDate d = firstDay; d <= lastDay; d = d.addDays(1))
        report.rows.append(UsageRow{d, {}, {}});

    auto q = Storage::runQuery(db.value(),
                               u"SELECT hour_start, "_s + figureColumns(u"%1"_s) + u", storage_bytes FROM usage_hourly "
                                   "WHERE tenant_id = ? AND hour_start >= ? AND hour_start < ? ORDER BY hour_start"_s,
                               {tenantId, report.from.toMSecsSinceEpoch(), report.to.toMSecsSinceEpoch()});
    if (!q)
        return q.error();
    const qint64 firstDayMs = QDateTime(firstDay, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const int storageColumn = 1 + kCounterCount + int(Observe::LatencyHistogram::kBucketCount);
    while (q->next()) {
        const qint64 hour = q->value(0).toLongLong();
        const qsizetype index = qsizetype((hour - firstDayMs) / kDayMs);
        if (index < 0 || index >= report.rows.size())
            continue; // cannot happen for rows inside the period
        UsageFigures &day = report.rows[index].figures;
        day.addTraffic(readFigures(q.value(), 1));
        const std::optional<qint64> storage = optionalBytes(q->value(storageColumn));
        keepPeak(day.storagePeakBytes, storage);
        if (storage)
            day.storageLatestBytes = storage; // rows come oldest first
    }
    for (const UsageRow &row : std::as_const(report.rows)) {
        report.totals.addTraffic(row.figures);
        keepPeak(report.totals.storagePeakBytes, row.figures.storagePeakBytes);
        if (row.figures.storageLatestBytes)
            report.totals.storageLatestBytes = row.figures.storageLatestBytes;
    }
    return report;
}

Result<UsageReport> UsageReporter::allTenantsReport(const UsagePeriod &period)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    UsageReport report;
    report.from = period.from.toUTC();
    report.to = period.to.toUTC();
    report.generatedAt = m_clock.now().toUTC();
    const QVariantList range{report.from.toMSecsSinceEpoch(), report.to.toMSecsSinceEpoch()};

    // Summed by the database: a row per tenant, however many hours the period holds.
    auto sums = Storage::runQuery(
        db.value(),
        u"SELECT u.tenant_id, t.slug, t.display_name, t.status, "_s
            + figureColumns(u"CAST(SUM(%1) AS BIGINT)"_s, u"u."_s)
            + u", MAX(u.storage_bytes) FROM usage_hourly u LEFT JOIN tenants t ON t.id = u.tenant_id "
              "WHERE u.hour_start >= ? AND u.hour_start < ? "
              "GROUP BY u.tenant_id, t.slug, t.display_name, t.status"_s,
        range);
    if (!sums)
        return sums.error();
    const int peakColumn = 4 + kCounterCount + int(Observe::LatencyHistogram::kBucketCount);
    QHash<QString, qsizetype> rowOf;
    while (sums->next()) {
        UsageRow row;
        row.tenant = readTenant(sums.value(), 1, sums->value(0).toString());
        row.figures = readFigures(sums.value(), 4);
        row.figures.storagePeakBytes = optionalBytes(sums->value(peakColumn));
        rowOf.insert(row.tenant.id, report.rows.size());
        report.rows.append(row);
    }

    auto latest = Storage::runQuery(
        db.value(),
        u"SELECT u.tenant_id, u.storage_bytes FROM usage_hourly u JOIN "
        "(SELECT tenant_id, MAX(hour_start) AS newest FROM usage_hourly "
        "WHERE hour_start >= ? AND hour_start < ? AND storage_bytes IS NOT NULL GROUP BY tenant_id) n "
        "ON u.tenant_id = n.tenant_id AND u.hour_start = n.newest"_s,
        range);
    if (!latest)
        return latest.error();
    while (latest->next()) {
        if (const auto it = rowOf.constFind(latest->value(0).toString()); it != rowOf.cend())
            report.rows[it.value()].figures.storageLatestBytes = latest->value(1).toLongLong();
    }

    auto peak = Storage::runQuery(db.value(),
                                  u"SELECT CAST(MAX(total) AS BIGINT) FROM (SELECT SUM(storage_bytes) AS total "
                                  "FROM usage_hourly WHERE hour_start >= ? AND hour_start < ? "
                                  "AND storage_bytes IS NOT NULL GROUP BY hour_start) h"_s,
                                  range);
    if (!peak)
        return peak.error();
    if (peak->next())
        report.totals.storagePeakBytes = optionalBytes(peak->value(0));

    std::sort(report.rows.begin(), report.rows.end(), [](const UsageRow &a, const UsageRow &b) {
        return a.tenant.slug != b.tenant.slug ? a.tenant.slug < b.tenant.slug : a.tenant.id < b.tenant.id;
    });
    for (const UsageRow &row : std::as_const(report.rows)) {
        report.totals.addTraffic(row.figures);
        if (row.figures.storageLatestBytes)
            report.totals.storageLatestBytes = report.totals.storageLatestBytes.value_or(0) + *row.figures.storageLatestBytes;
    }
    return report;
}

QString usageReportFileName(const UsageReport &report, const QString &extension)
{
    const QString subject = report.tenant ? (report.tenant->slug.isEmpty() ? report.tenant->id : report.tenant->slug)
                                          : u"all-tenants"_s;
    QString name = u"usage-%1-%2-%3"_s.arg(subject, periodEndText(report.from), periodEndText(report.to));
    // Only file-name-safe characters: slugs and period texts already are, except ':'.
    name.remove(u':');
    return name + u'.' + extension;
}

} // namespace Tenantry::Report
