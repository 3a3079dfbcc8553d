#include "core/http/adminroutes.h"

#include "core/http/jsonbody.h"
#include "core/tenancy/tenantjson.h"
#include "core/tenancy/tenantconfig.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

Result<TenantQuery> readQuery(const QUrlQuery &params)
{
    TenantQuery query;
    QList<FieldError> errors;
    query.search = params.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    query.plan = params.queryItemValue(u"plan"_s, QUrl::FullyDecoded);
    query.afterSlug = params.queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
    const QString statuses = params.queryItemValue(u"status"_s, QUrl::FullyDecoded);
    for (const QString &name : statuses.split(u',', Qt::SkipEmptyParts)) {
        TenantStatus s;
        if (parseStatus(name.trimmed(), &s))
            query.statuses.append(s);
        else
            errors.append({u"status"_s, u"unknown status '%1'"_s.arg(name.left(32))});
    }
    if (params.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        query.limit = params.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > 1000)
            errors.append({u"limit"_s, u"must be an integer from 1 to 1000"_s});
    }
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-query"_s, u"Some query parameters are not valid."_s, errors);
    return query;
}

// 201 with the new tenant, its Location, and its first API key (the only time it is shown).
Result<HttpResponse> createdResponse(const Result<CreatedTenant> &created)
{
    if (!created)
        return created.error();
    QJsonObject o = tenantToJson(created->tenant);
    o.insert(u"api_key"_s, created->firstKey.secret);
    o.insert(u"api_key_id"_s, created->firstKey.info.id);
    HttpResponse r = HttpResponse::json(o, 201);
    r.headers.emplaceBack(QByteArray("Location"), "/admin/v1/tenants/" + created->tenant.slug.toUtf8());
    return r;
}

Result<HttpResponse> lifecycle(TenantService &tenants, const RequestContext &ctx, LifecycleAction action)
{
    auto body = parseJsonObject(ctx.request);
    if (!body)
        return body.error();
    JsonFields fields(body.value());
    fields.allowOnly({u"force"_s});
    const bool force = fields.boolean(u"force"_s, false);
    if (Status ok = fields.finish(); !ok)
        return ok.error();
    auto tenant = tenants.apply(adminActor(ctx), ctx.params.value(u"slug"_s), action, force);
    if (!tenant)
        return tenant.error();
    return HttpResponse::json(tenantToJson(tenant.value()));
}

} // namespace

void registerAdminRoutes(Router &router, TenantService &tenants)
{
    router.add("GET", u"/admin/v1/tenants"_s, Scope::Admin, [&tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        auto query = readQuery(ctx.request.query);
        if (!query)
            return query.error();
        auto page = tenants.list(query.value());
        if (!page)
            return page.error();
        QJsonArray items;
        for (const Tenant &t : page->items)
            items.append(tenantToJson(t));
        return HttpResponse::json(QJsonObject{
            {u"items"_s, items},
            {u"total"_s, page->total},
            {u"next_cursor"_s, page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->nextCursor)},
        });
    });

    router.add("POST", u"/admin/v1/tenants"_s, Scope::Admin, [&tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        auto body = parseJsonObject(ctx.request);
        if (!body)
            return body.error();
        JsonFields fields(body.value());
        fields.allowOnly({u"slug"_s, u"plan"_s, u"isolation"_s, u"activate"_s, u"display_name"_s,
                          u"theme_color"_s, u"locale"_s, u"time_zone"_s, u"settings"_s});
        NewTenant request;
        request.slug = fields.string(u"slug"_s, true);
        request.plan = fields.string(u"plan"_s, false, request.plan);
        request.isolation = fields.string(u"isolation"_s);
        request.activate = fields.boolean(u"activate"_s, true);
        if (Status ok = fields.finish(); !ok)
            return ok.error();
        QJsonObject patch = body.value();
        for (const QString &k : {u"slug"_s, u"plan"_s, u"isolation"_s, u"activate"_s})
            patch.remove(k);
        TenantConfig defaults;
        defaults.displayName = request.slug; // a placeholder that passes validation; replaced below
        auto config = applyConfigPatch(defaults, patch);
        if (!config)
            return config.error();
        request.config = config.value();
        if (!patch.contains("display_name"_L1))
            request.config.displayName.clear(); // the service uses the slug
        return createdResponse(tenants.create(adminActor(ctx), request));
    });

    router.add("GET", u"/admin/v1/tenants/{slug}"_s, Scope::Admin, [&tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        auto tenant = tenants.get(ctx.params.value(u"slug"_s));
        if (!tenant)
            return tenant.error();
        return HttpResponse::json(tenantToJson(tenant.value()));
    });

    router.add("PATCH", u"/admin/v1/tenants/{slug}"_s, Scope::Admin, [&tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        auto body = parseJsonObject(ctx.request);
        if (!body)
            return body.error();
        auto tenant = tenants.updateConfig(adminActor(ctx), ctx.params.value(u"slug"_s), body.value());
        if (!tenant)
            return tenant.error();
        return HttpResponse::json(tenantToJson(tenant.value()));
    });

    router.add("DELETE", u"/admin/v1/tenants/{slug}"_s, Scope::Admin, [&tenants](const RequestContext &ctx) {
        return lifecycle(tenants, ctx, LifecycleAction::Delete);
    });

    for (LifecycleAction action : {LifecycleAction::Activate, LifecycleAction::Suspend, LifecycleAction::Delete,
                                   LifecycleAction::Restore, LifecycleAction::Purge}) {
        router.add("POST", u"/admin/v1/tenants/{slug}/"_s + actionName(action), Scope::Admin,
                   [&tenants, action](const RequestContext &ctx) { return lifecycle(tenants, ctx, action); });
    }

    router.add("POST", u"/admin/v1/tenants/{slug}/clone"_s, Scope::Admin, [&tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        auto body = parseJsonObject(ctx.request);
        if (!body)
            return body.error();
        JsonFields fields(body.value());
        const QString newSlug = fields.string(u"slug"_s, true);
        if (Status ok = fields.finish(); !ok)
            return ok.error();
        QJsonObject overrides = body.value();
        overrides.remove(u"slug"_s);
        return createdResponse(tenants.clone(adminActor(ctx), ctx.params.value(u"slug"_s), newSlug, overrides));
    });

    router.add("GET", u"/admin/v1/tenants/{slug}/api-keys"_s, Scope::Admin, [&tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        auto keys = tenants.listKeys(ctx.params.value(u"slug"_s));
        if (!keys)
            return keys.error();
        QJsonArray items;
        for (const ApiKeyInfo &k : keys.value())
            items.append(apiKeyToJson(k));
        return HttpResponse::json(QJsonObject{{u"items"_s, items}});
    });

    router.add("POST", u"/admin/v1/tenants/{slug}/api-keys"_s, Scope::Admin, [&tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        auto body = parseJsonObject(ctx.request);
        if (!body)
            return body.error();
        JsonFields fields(body.value());
        fields.allowOnly({u"name"_s});
        const QString name = fields.string(u"name"_s, false, u"unnamed"_s);
        if (Status ok = fields.finish(); !ok)
            return ok.error();
        auto issued = tenants.issueKey(adminActor(ctx), ctx.params.value(u"slug"_s), name);
        if (!issued)
            return issued.error();
        QJsonObject o = apiKeyToJson(issued->info);
        o.insert(u"api_key"_s, issued->secret);
        return HttpResponse::json(o, 201);
    });

    router.add("DELETE", u"/admin/v1/tenants/{slug}/api-keys/{id}"_s, Scope::Admin, [&tenants](const RequestContext &ctx) -> Result<HttpResponse> {
        if (Status ok = tenants.revokeKey(adminActor(ctx), ctx.params.value(u"slug"_s), ctx.params.value(u"id"_s)); !ok)
            return ok.error();
        return HttpResponse::noContent();
    });
}

} // namespace Tenantry::Http
