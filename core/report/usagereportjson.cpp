#include "core/report/usagereportjson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Report {
namespace {

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonValue bytesOrNull(const std::optional<qint64> &bytes)
{
    return bytes ? QJsonValue(*bytes) : QJsonValue(QJsonValue::Null);
}

double ms(std::chrono::microseconds us)
{
    return double(us.count()) / 1000.0;
}

void insertFigures(QJsonObject &o, const UsageFigures &f)
{
    o.insert(u"requests"_s, f.requests);
    o.insert(u"client_errors"_s, f.clientErrors);
    o.insert(u"server_errors"_s, f.serverErrors);
    o.insert(u"error_rate"_s, f.errorRate());
    o.insert(u"auth_failures"_s, f.authFailures);
    o.insert(u"bytes_in"_s, f.bytesIn);
    o.insert(u"bytes_out"_s, f.bytesOut);
    o.insert(u"storage_bytes"_s,
             QJsonObject{{u"peak"_s, bytesOrNull(f.storagePeakBytes)}, {u"latest"_s, bytesOrNull(f.storageLatestBytes)}});
    o.insert(u"latency_ms"_s, QJsonObject{{u"mean"_s, ms(f.latencyMean())},
                                          {u"p50"_s, ms(f.latencyPercentile(0.50))},
                                          {u"p95"_s, ms(f.latencyPercentile(0.95))},
                                          {u"p99"_s, ms(f.latencyPercentile(0.99))}});
}

} // namespace

QJsonObject usageReportToJson(const UsageReport &report)
{
    QJsonObject out{
        {u"report"_s, report.isAllTenants() ? u"all-tenants"_s : u"tenant"_s},
        {u"from"_s, isoUtc(report.from)},
        {u"to"_s, isoUtc(report.to)},
        {u"generated_at"_s, isoUtc(report.generatedAt)},
    };
    QJsonArray rows;
    for (const UsageRow &row : report.rows) {
        QJsonObject o;
        if (report.isAllTenants()) {
            o.insert(u"tenant_id"_s, row.tenant.id);
            o.insert(u"slug"_s, row.tenant.slug);
            o.insert(u"name"_s, row.tenant.name);
            o.insert(u"status"_s, row.tenant.status);
        } else {
            o.insert(u"date"_s, row.day.toString(Qt::ISODate));
        }
        insertFigures(o, row.figures);
        rows.append(o);
    }
    if (report.tenant) {
        out.insert(u"tenant"_s, QJsonObject{{u"id"_s, report.tenant->id}, {u"slug"_s, report.tenant->slug},
                                           {u"name"_s, report.tenant->name}, {u"status"_s, report.tenant->status}});
        out.insert(u"days"_s, rows);
    } else {
        out.insert(u"tenants"_s, rows);
    }
    QJsonObject totals;
    insertFigures(totals, report.totals);
    out.insert(u"totals"_s, totals);
    return out;
}

} // namespace Tenantry::Report
