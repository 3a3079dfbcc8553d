#include "core/remote/remotetenantservice.h"

#include "core/remote/adminclient.h"
#include "core/tenancy/tenantconfig.h"
#include "core/tenancy/tenantjson.h"

#include <QJsonArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Tenantry::Remote {

RemoteTenantService::RemoteTenantService(AdminClient &client, QObject *parent)
    : TenantService(parent)
    , m_client(client)
{
}

Result<TenantPage> RemoteTenantService::list(const TenantQuery &query)
{
    QUrlQuery params;
    if (!query.search.isEmpty())
        params.addQueryItem(u"q"_s, encoded(query.search));
    if (!query.statuses.isEmpty()) {
        QStringList names;
        for (TenantStatus status : query.statuses)
            names.append(statusName(status));
        params.addQueryItem(u"status"_s, names.join(u','));
    }
    if (!query.plan.isEmpty())
        params.addQueryItem(u"plan"_s, encoded(query.plan));
    if (!query.afterSlug.isEmpty())
        params.addQueryItem(u"cursor"_s, encoded(query.afterSlug));
    params.addQueryItem(u"limit"_s, QString::number(query.limit));
    auto answer = m_client.getJson(u"/admin/v1/tenants"_s, params);
    if (!answer)
        return answer.error();
    TenantPage page;
    for (const QJsonValue &item : answer->value(u"items"_s).toArray()) {
        auto tenant = tenantFromJson(item.toObject());
        if (!tenant)
            return tenant.error();
        page.items.append(std::move(tenant).value());
    }
    page.nextCursor = answer->value(u"next_cursor"_s).toString();
    page.total = qint64(answer->value(u"total"_s).toDouble());
    return page;
}

Result<Tenant> RemoteTenantService::get(const QString &slug)
{
    auto answer = m_client.getJson(tenantPath(slug));
    if (!answer)
        return answer.error();
    return tenantFromJson(answer.value());
}

Result<CreatedTenant> RemoteTenantService::create(const Actor &actor, const NewTenant &request)
{
    QJsonObject body = configToJson(request.config);
    if (request.config.displayName.isEmpty())
        body.remove(u"display_name"_s); // the server names it after its slug, as the catalog does
    body.insert(u"slug"_s, request.slug);
    body.insert(u"plan"_s, request.plan);
    body.insert(u"activate"_s, request.activate);
    if (!request.isolation.isEmpty())
        body.insert(u"isolation"_s, request.isolation);
    return created(m_client.sendJson("POST", u"/admin/v1/tenants"_s, body, actor.id));
}

Result<Tenant> RemoteTenantService::updateConfig(const Actor &actor, const QString &slug, const QJsonObject &patch)
{
    return changed(m_client.sendJson("PATCH", tenantPath(slug), patch, actor.id));
}

Result<Tenant> RemoteTenantService::apply(const Actor &actor, const QString &slug, LifecycleAction action, bool force)
{
    QJsonObject body;
    if (force)
        body.insert(u"force"_s, true);
    return changed(m_client.sendJson("POST", tenantPath(slug, u"/"_s + actionName(action)), body, actor.id));
}

Result<CreatedTenant> RemoteTenantService::clone(const Actor &actor, const QString &sourceSlug, const QString &newSlug,
                                                 const QJsonObject &overrides)
{
    QJsonObject body = overrides;
    body.insert(u"slug"_s, newSlug);
    return created(m_client.sendJson("POST", tenantPath(sourceSlug, u"/clone"_s), body, actor.id));
}

Result<IssuedApiKey> RemoteTenantService::issueKey(const Actor &actor, const QString &slug, const QString &name)
{
    auto answer = m_client.sendJson("POST", tenantPath(slug, u"/api-keys"_s), {{u"name"_s, name}}, actor.id);
    if (!answer)
        return answer.error();
    auto info = apiKeyFromJson(answer.value());
    if (!info)
        return info.error();
    if (auto tenant = get(slug))
        Q_EMIT tenantChanged(tenant.value());
    return IssuedApiKey{info.value(), answer->value(u"api_key"_s).toString()};
}

Result<QList<ApiKeyInfo>> RemoteTenantService::listKeys(const QString &slug)
{
    auto answer = m_client.getJson(tenantPath(slug, u"/api-keys"_s));
    if (!answer)
        return answer.error();
    QList<ApiKeyInfo> keys;
    for (const QJsonValue &item : answer->value(u"items"_s).toArray()) {
        auto key = apiKeyFromJson(item.toObject());
        if (!key)
            return key.error();
        keys.append(key.value());
    }
    return keys;
}

Status RemoteTenantService::revokeKey(const Actor &actor, const QString &slug, const QString &keyId)
{
    const QString path = tenantPath(slug, u"/api-keys/"_s + encoded(keyId));
    auto answer = m_client.send("DELETE", path, {}, {}, {}, {}, actor.id);
    if (!answer)
        return answer.error();
    if (auto tenant = get(slug))
        Q_EMIT tenantChanged(tenant.value());
    return {};
}

Result<Tenant> RemoteTenantService::changed(const Result<QJsonObject> &answer)
{
    if (!answer)
        return answer.error();
    auto tenant = tenantFromJson(answer.value());
    if (tenant)
        Q_EMIT tenantChanged(tenant.value());
    return tenant;
}

Result<CreatedTenant> RemoteTenantService::created(const Result<QJsonObject> &answer)
{
    auto tenant = changed(answer);
    if (!tenant)
        return tenant.error();
    CreatedTenant out{tenant.value(), {}};
    out.firstKey.info.id = answer->value(u"api_key_id"_s).toString();
    out.firstKey.secret = answer->value(u"api_key"_s).toString();
    return out;
}

} // namespace Tenantry::Remote
