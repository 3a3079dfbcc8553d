#include "core/report/usagereportcsv.h"

#include "core/base/csv.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Report {
namespace {

const QStringList kFigureColumns = {
    u"requests"_s,           u"client_errors"_s,        u"server_errors"_s,   u"error_rate"_s,
    u"auth_failures"_s,      u"bytes_in"_s,             u"bytes_out"_s,       u"storage_peak_bytes"_s,
    u"storage_latest_bytes"_s, u"latency_mean_ms"_s,    u"latency_p50_ms"_s,  u"latency_p95_ms"_s,
    u"latency_p99_ms"_s};

QString number(qint64 n)
{
    return QString::number(n);
}

QString optionalNumber(const std::optional<qint64> &n)
{
    return n ? QString::number(*n) : QString();
}

QString ms(std::chrono::microseconds us)
{
    return QString::number(double(us.count()) / 1000.0, 'f', 3);
}

QStringList figureCells(const UsageFigures &f)
{
    return {number(f.requests),
            number(f.clientErrors),
            number(f.serverErrors),
            QString::number(f.errorRate(), 'f', 6),
            number(f.authFailures),
            number(f.bytesIn),
            number(f.bytesOut),
            optionalNumber(f.storagePeakBytes),
            optionalNumber(f.storageLatestBytes),
            ms(f.latencyMean()),
            ms(f.latencyPercentile(0.50)),
            ms(f.latencyPercentile(0.95)),
            ms(f.latencyPercentile(0.99))};
}

} // namespace

QByteArray usageReportToCsv(const UsageReport &report)
{
    QByteArray out;
    if (report.isAllTenants()) {
        Csv::appendRecord(out, QStringList{u"row_type"_s, u"tenant_id"_s, u"slug"_s, u"name"_s, u"status"_s} + kFigureColumns);
        for (const UsageRow &row : report.rows) {
            Csv::appendRecord(out, QStringList{u"tenant"_s, row.tenant.id, row.tenant.slug, row.tenant.name,
                                               row.tenant.status}
                                       + figureCells(row.figures));
        }
        Csv::appendRecord(out, QStringList{u"total"_s, {}, {}, {}, {}} + figureCells(report.totals));
        return out;
    }
    const QString slug = report.tenant->slug;
    Csv::appendRecord(out, QStringList{u"row_type"_s, u"slug"_s, u"date"_s} + kFigureColumns);
    for (const UsageRow &row : report.rows)
        Csv::appendRecord(out, QStringList{u"day"_s, slug, row.day.toString(Qt::ISODate)} + figureCells(row.figures));
    Csv::appendRecord(out, QStringList{u"total"_s, slug, {}} + figureCells(report.totals));
    return out;
}

} // namespace Tenantry::Report
