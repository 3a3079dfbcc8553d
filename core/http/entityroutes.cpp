#include "core/http/entityroutes.h"

#include "core/http/jsonbody.h"
#include "core/http/tenantlookup.h"
#include "core/records/recordjson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

using namespace Tenantry::Records;

// Who a request acts for, whichever API it came through.
struct Caller {
    std::shared_ptr<const Tenant> tenant;
    QString actor;    // recorded in entity_versions
    QString basePath; // "/api/v1/entities" or "/admin/v1/tenants/<slug>/entities"
};

using CallerHandler = std::function<Result<HttpResponse>(const RequestContext &, const Caller &)>;

QByteArray etag(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

// If-Match as a version: nullopt when absent or "*" (any current version will do).
Result<std::optional<qint64>> ifMatch(const HttpRequest &request)
{
    QByteArray value = request.header("If-Match").trimmed();
    if (value.isEmpty() || value == "*")
        return std::optional<qint64>();
    if (value.startsWith("W/"))
        value = value.mid(2);
    bool ok = false;
    const qint64 version = value.size() > 2 && value.startsWith('"') && value.endsWith('"')
        ? value.mid(1, value.size() - 2).toLongLong(&ok)
        : 0;
    if (!ok) {
        return Error::preconditionFailed(u"precondition-failed"_s,
                                         u"If-Match must be the ETag of the current version, such as \"3\"."_s);
    }
    return std::optional<qint64>(version);
}

HttpResponse withEtag(HttpResponse response, qint64 version)
{
    response.headers.emplaceBack(QByteArray("ETag"), etag(version));
    return response;
}

Result<HttpResponse> entityResponse(const Result<EntityRow> &entity, int status = 200, const QString &location = {})
{
    if (!entity)
        return entity.error();
    HttpResponse r = withEtag(HttpResponse::json(entityToJson(entity.value()), status), entity->schemaVersion);
    if (!location.isEmpty())
        r.headers.emplaceBack(QByteArray("Location"), location.toUtf8());
    return r;
}

Result<HttpResponse> recordResponse(const Result<Record> &record, int status = 200, const QString &location = {})
{
    if (!record)
        return record.error();
    HttpResponse r = withEtag(HttpResponse::json(recordToJson(record.value()), status), record->version);
    if (!location.isEmpty())
        r.headers.emplaceBack(QByteArray("Location"), location.toUtf8());
    return r;
}

// A record body: at most kMaxRecordBytes (checked before parsing), one JSON object.
Result<RecordInput> recordBody(const HttpRequest &request)
{
    if (request.body.size() > kMaxRecordBytes) {
        return Error{ErrorKind::TooLarge, u"record-too-large"_s,
                     u"A record body may be at most %1 bytes; this one has %2."_s.arg(kMaxRecordBytes).arg(request.body.size()),
                     {}};
    }
    auto body = parseJsonObject(request);
    if (!body)
        return body.error();
    return RecordInput::fromBody(request.body, body.value());
}

struct Routes {
    RecordService &records;

    Result<HttpResponse> listEntities(const RequestContext &, const Caller &c)
    {
        auto entities = records.listEntities(*c.tenant);
        if (!entities)
            return entities.error();
        QJsonArray items;
        for (const EntityRow &e : entities.value())
            items.append(entityToJson(e));
        return HttpResponse::json(QJsonObject{{u"items"_s, items}});
    }

    Result<HttpResponse> createEntity(const RequestContext &ctx, const Caller &c)
    {
        auto body = parseJsonObject(ctx.request);
        if (!body)
            return body.error();
        auto entity = records.createEntity(*c.tenant, body.value(), c.actor);
        return entityResponse(entity, 201, entity ? c.basePath + u'/' + entity->definition.name : QString());
    }

    Result<HttpResponse> getEntity(const RequestContext &ctx, const Caller &c)
    {
        return entityResponse(records.entity(*c.tenant, ctx.params.value(u"entity"_s)));
    }

    Result<HttpResponse> changeEntity(const RequestContext &ctx, const Caller &c)
    {
        auto expected = ifMatch(ctx.request);
        if (!expected)
            return expected.error();
        auto body = parseJsonObject(ctx.request);
        if (!body)
            return body.error();
        return entityResponse(records.changeEntity(*c.tenant, ctx.params.value(u"entity"_s), body.value(),
                                                   expected.value(), c.actor));
    }

    Result<HttpResponse> deleteEntity(const RequestContext &ctx, const Caller &c)
    {
        const QString confirm = ctx.request.query.queryItemValue(u"confirm"_s);
        if (!confirm.isEmpty() && confirm != "true"_L1 && confirm != "false"_L1) {
            return Error::invalid(u"invalid-query"_s, u"confirm must be true or false."_s,
                                  {{u"confirm"_s, u"must be true or false"_s}});
        }
        if (Status ok = records.deleteEntity(*c.tenant, ctx.params.value(u"entity"_s), confirm == "true"_L1); !ok)
            return ok.error();
        return HttpResponse::noContent();
    }

    Result<HttpResponse> listRecords(const RequestContext &ctx, const Caller &c)
    {
        auto page = records.listRecords(*c.tenant, ctx.params.value(u"entity"_s), ctx.request.query);
        if (!page)
            return page.error();
        QJsonArray items;
        for (const Record &r : page->items)
            items.append(recordToJson(r));
        return HttpResponse::json(QJsonObject{
            {u"items"_s, items},
            {u"next_cursor"_s, page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->nextCursor)},
        });
    }

    Result<HttpResponse> createRecord(const RequestContext &ctx, const Caller &c)
    {
        auto input = recordBody(ctx.request);
        if (!input)
            return input.error();
        const QString entity = ctx.params.value(u"entity"_s);
        auto record = records.createRecord(*c.tenant, entity, input.value());
        return recordResponse(record, 201, record ? c.basePath + u'/' + entity + u"/records/"_s + record->id : QString());
    }

    Result<HttpResponse> getRecord(const RequestContext &ctx, const Caller &c)
    {
        return recordResponse(records.record(*c.tenant, ctx.params.value(u"entity"_s), ctx.params.value(u"id"_s)));
    }

    Result<HttpResponse> writeRecord(const RequestContext &ctx, const Caller &c, WriteMode mode)
    {
        auto expected = ifMatch(ctx.request);
        if (!expected)
            return expected.error();
        auto input = recordBody(ctx.request);
        if (!input)
            return input.error();
        return recordResponse(records.writeRecord(*c.tenant, ctx.params.value(u"entity"_s), ctx.params.value(u"id"_s),
                                                  input.value(), mode, expected.value()));
    }

    Result<HttpResponse> deleteRecord(const RequestContext &ctx, const Caller &c)
    {
        auto expected = ifMatch(ctx.request);
        if (!expected)
            return expected.error();
        if (Status ok = records.deleteRecord(*c.tenant, ctx.params.value(u"entity"_s), ctx.params.value(u"id"_s),
                                             expected.value());
            !ok)
            return ok.error();
        return HttpResponse::noContent();
    }
};

} // namespace

void registerEntityRoutes(Router &router, Records::RecordService &records, const TenantDirectory &directory)
{
    auto routes = std::make_shared<Routes>(Routes{records});
    const auto both = [&router, &directory, routes](const QByteArray &method, const QString &suffix, auto member) {
        router.add(method, u"/api/v1/entities"_s + suffix, Scope::Tenant,
                   [routes, member](const RequestContext &ctx) -> Result<HttpResponse> {
                       const Caller caller{ctx.tenant->tenant, ctx.tenant->principal, u"/api/v1/entities"_s};
                       return member(*routes, ctx, caller);
                   });
        router.add(method, u"/admin/v1/tenants/{slug}/entities"_s + suffix, Scope::Admin,
                   [&directory, routes, member](const RequestContext &ctx) -> Result<HttpResponse> {
                       auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
                       if (!tenant)
                           return tenant.error();
                       const Caller caller{tenant.value(), u"admin"_s,
                                           u"/admin/v1/tenants/"_s + tenant.value()->slug + u"/entities"_s};
                       return member(*routes, ctx, caller);
                   });
    };
    using R = Routes;
    both("GET", QString(), std::mem_fn(&R::listEntities));
    both("POST", QString(), std::mem_fn(&R::createEntity));
    both("GET", u"/{entity}"_s, std::mem_fn(&R::getEntity));
    both("PUT", u"/{entity}"_s, std::mem_fn(&R::changeEntity));
    both("DELETE", u"/{entity}"_s, std::mem_fn(&R::deleteEntity));
    both("GET", u"/{entity}/records"_s, std::mem_fn(&R::listRecords));
    both("POST", u"/{entity}/records"_s, std::mem_fn(&R::createRecord));
    both("GET", u"/{entity}/records/{id}"_s, std::mem_fn(&R::getRecord));
    both("PUT", u"/{entity}/records/{id}"_s, [](R &r, const RequestContext &ctx, const Caller &c) {
        return r.writeRecord(ctx, c, WriteMode::Replace);
    });
    both("PATCH", u"/{entity}/records/{id}"_s, [](R &r, const RequestContext &ctx, const Caller &c) {
        return r.writeRecord(ctx, c, WriteMode::Patch);
    });
    both("DELETE", u"/{entity}/records/{id}"_s, std::mem_fn(&R::deleteRecord));
}

} // namespace Tenantry::Http
