#include "core/http/logroutes.h"

#include "core/http/tenantlookup.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

Result<Observe::LogQuery> readLogQuery(const QUrlQuery &params)
{
    Observe::LogQuery query;
    QList<FieldError> errors;
    for (const auto &[name, target] : {std::pair{u"from"_s, &query.from}, std::pair{u"to"_s, &query.to}}) {
        const QString text = params.queryItemValue(name, QUrl::FullyDecoded);
        if (text.isEmpty())
            continue;
        *target = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!target->isValid())
            errors.append({name, u"must be an ISO 8601 time"_s});
    }
    query.kind = params.queryItemValue(u"kind"_s);
    if (!query.kind.isEmpty() && query.kind != "request"_L1 && query.kind != "event"_L1)
        errors.append({u"kind"_s, u"must be request or event"_s});
    if (params.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        query.limit = params.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok)
            errors.append({u"limit"_s, u"must be an integer from 1 to 1000"_s});
    }
    query.cursor = params.queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-query"_s, u"Some query parameters are not valid."_s, errors);
    return query;
}

Result<HttpResponse> pageOf(const Observe::TenantLog &logs, const QString &tenantId, const QUrlQuery &params)
{
    auto query = readLogQuery(params);
    if (!query)
        return query.error();
    auto page = logs.read(tenantId, query.value());
    if (!page)
        return page.error();
    QJsonArray items;
    for (const QJsonObject &line : page->items)
        items.append(line);
    return HttpResponse::json(QJsonObject{
        {u"items"_s, items},
        {u"next_cursor"_s, page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->nextCursor)},
    });
}

} // namespace

void registerLogRoutes(Router &router, const Observe::TenantLog &logs, const TenantDirectory &directory)
{
    router.add("GET", u"/api/v1/logs"_s, Scope::Tenant, [&logs](const RequestContext &ctx) {
        return pageOf(logs, ctx.tenant->tenant->id, ctx.request.query);
    });
    router.add("GET", u"/admin/v1/tenants/{slug}/logs"_s, Scope::Admin,
               [&logs, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
                   if (!tenant)
                       return tenant.error();
                   return pageOf(logs, tenant.value()->id, ctx.request.query);
               });
}

} // namespace Tenantry::Http
