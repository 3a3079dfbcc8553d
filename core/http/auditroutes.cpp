#include "core/http/auditroutes.h"

#include <QBuffer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

// Most entries one HTTP export returns (it is built in memory); the response's
// X-Next-Cursor continues it. The CLI streams any size to a file.
constexpr int kMaxExportEntries = 100000;

Result<QDateTime> readTime(const QUrlQuery &params, const QString &name, QList<FieldError> &errors)
{
    const QString text = params.queryItemValue(name, QUrl::FullyDecoded);
    if (text.isEmpty())
        return QDateTime();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        errors.append({name, u"must be an ISO 8601 time such as 2026-01-31T12:00:00Z"_s});
    return t;
}

// Reads the filters every audit route shares. The tenant filter is left to the caller.
Result<Observe::AuditQuery> readFilters(const QUrlQuery &params, int defaultLimit, int maxLimit)
{
    Observe::AuditQuery query;
    QList<FieldError> errors;
    query.actor = params.queryItemValue(u"actor"_s, QUrl::FullyDecoded);
    query.action = params.queryItemValue(u"action"_s, QUrl::FullyDecoded);
    query.from = readTime(params, u"from"_s, errors).value();
    query.to = readTime(params, u"to"_s, errors).value();
    query.limit = defaultLimit;
    if (params.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        query.limit = params.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > maxLimit)
            errors.append({u"limit"_s, u"must be an integer from 1 to %1"_s.arg(maxLimit)});
    }
    if (params.hasQueryItem(u"cursor"_s)) {
        bool ok = false;
        query.afterSeq = params.queryItemValue(u"cursor"_s).toLongLong(&ok);
        if (!ok || query.afterSeq < 0)
            errors.append({u"cursor"_s, u"must be the next_cursor of a previous page"_s});
    }
    const QString order = params.queryItemValue(u"order"_s, QUrl::FullyDecoded);
    if (order == "newest"_L1)
        query.newestFirst = true;
    else if (!order.isEmpty() && order != "oldest"_L1)
        errors.append({u"order"_s, u"must be oldest or newest"_s});
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-query"_s, u"Some query parameters are not valid."_s, errors);
    return query;
}

Result<HttpResponse> pageResponse(Observe::AuditLog &audit, const Observe::AuditQuery &query)
{
    auto page = audit.query(query);
    if (!page)
        return page.error();
    QJsonArray items;
    for (const Observe::AuditEntry &e : page->items)
        items.append(Observe::toJson(e));
    return HttpResponse::json(QJsonObject{
        {u"items"_s, items},
        {u"next_cursor"_s, page->nextCursor ? QJsonValue(QString::number(page->nextCursor)) : QJsonValue(QJsonValue::Null)},
    });
}

// Applies the admin's tenant filter: a slug (resolved to its id) or a raw id, which also
// reaches purged tenants whose slug is gone.
Status applyTenantFilter(const QUrlQuery &params, TenantService &tenants, Observe::AuditQuery &query)
{
    const QString slug = params.queryItemValue(u"tenant"_s, QUrl::FullyDecoded);
    query.tenantId = params.queryItemValue(u"tenant_id"_s, QUrl::FullyDecoded);
    if (!slug.isEmpty()) {
        auto tenant = tenants.get(slug);
        if (!tenant)
            return tenant.error();
        query.tenantId = tenant->id;
    }
    return {};
}

} // namespace

void registerAuditRoutes(Router &router, Observe::AuditLog &audit, TenantService &tenants)
{
    router.add("GET", u"/admin/v1/audit"_s, Scope::Admin, [&audit, &tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        auto query = readFilters(ctx.request.query, 100, 1000);
        if (!query)
            return query.error();
        if (Status ok = applyTenantFilter(ctx.request.query, tenants, query.value()); !ok)
            return ok.error();
        return pageResponse(audit, query.value());
    });

    router.add("GET", u"/admin/v1/audit/export"_s, Scope::Admin, [&audit, &tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        const QString format = ctx.request.query.queryItemValue(u"format"_s);
        if (format != "jsonl"_L1 && format != "csv"_L1) {
            return Error::invalid(u"invalid-query"_s, u"format must be jsonl or csv."_s,
                                  {{u"format"_s, u"must be jsonl or csv"_s}});
        }
        auto query = readFilters(ctx.request.query, kMaxExportEntries, kMaxExportEntries);
        if (!query)
            return query.error();
        if (Status ok = applyTenantFilter(ctx.request.query, tenants, query.value()); !ok)
            return ok.error();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        qint64 next = 0;
        const Status written = format == "csv"_L1
            ? audit.exportCsv(query.value(), buffer, query->limit, &next)
            : audit.exportJsonLines(query.value(), buffer, query->limit, &next);
        if (!written)
            return written.error();
        HttpResponse r{200, format == "csv"_L1 ? QByteArray("text/csv; charset=utf-8") : QByteArray("application/x-ndjson"),
                       buffer.data(), {}};
        r.headers.emplaceBack(QByteArray("Content-Disposition"),
                              "attachment; filename=\"audit." + format.toLatin1() + '"');
        // More than one response can carry: the caller continues from this cursor.
        if (next != 0)
            r.headers.emplaceBack(QByteArray("X-Next-Cursor"), QByteArray::number(next));
        return r;
    });

    router.add("GET", u"/admin/v1/audit/verify"_s, Scope::Admin, [&audit](const RequestContext &) -> Result<HttpResponse> {
        auto report = audit.verify();
        if (!report)
            return report.error();
        QJsonObject body{{u"intact"_s, report->intact}, {u"checked"_s, report->checked}};
        if (!report->intact) {
            body.insert(u"first_bad_seq"_s, report->firstBadSeq);
            body.insert(u"problem"_s, report->problem);
            body.insert(u"message"_s, report->message);
        }
        return HttpResponse::json(body);
    });

    router.add("GET", u"/api/v1/audit"_s, Scope::Tenant, [&audit](const RequestContext &ctx) -> Result<HttpResponse> {
        auto query = readFilters(ctx.request.query, 100, 1000);
        if (!query)
            return query.error();
        // Whatever the caller asks, it sees its own tenant's trail only.
        query->tenantId = ctx.tenant->tenant->id;
        return pageResponse(audit, query.value());
    });
}

} // namespace Tenantry::Http
