#include "core/remote/remotequotaservice.h"

#include "core/http/quotaroutes.h"
#include "core/remote/adminclient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Remote {
namespace {

QString planPath(const QString &name)
{
    return u"/admin/v1/plans/"_s + encoded(name);
}

Result<Quota::Plan> readPlan(const Result<QJsonObject> &answer)
{
    if (!answer)
        return answer.error();
    return Http::planFromJson(answer.value());
}

Result<Quota::TenantQuotaSettings> readSettings(const Result<QJsonObject> &answer)
{
    if (!answer)
        return answer.error();
    return Http::quotaSettingsFromJson(answer.value());
}

} // namespace

RemoteQuotaService::RemoteQuotaService(AdminClient &client)
    : m_client(client)
{
}

Result<QList<Quota::Plan>> RemoteQuotaService::plans()
{
    auto answer = m_client.getJson(u"/admin/v1/plans"_s);
    if (!answer)
        return answer.error();
    QList<Quota::Plan> plans;
    for (const QJsonValue &item : answer->value(u"items"_s).toArray()) {
        auto plan = Http::planFromJson(item.toObject());
        if (!plan)
            return plan.error();
        plans.append(plan.value());
    }
    return plans;
}

Result<Quota::Plan> RemoteQuotaService::plan(const QString &name)
{
    return readPlan(m_client.getJson(planPath(name)));
}

Result<Quota::Plan> RemoteQuotaService::putPlan(const Actor &actor, const QString &name, const QString &displayName,
                                                const QJsonObject &limits)
{
    return readPlan(m_client.sendJson("PUT", planPath(name), {{u"display_name"_s, displayName}, {u"limits"_s, limits}},
                                      actor.id));
}

Result<Quota::TenantQuotaSettings> RemoteQuotaService::settings(const Tenant &tenant)
{
    return readSettings(m_client.getJson(tenantPath(tenant.slug, u"/quotas"_s)));
}

Result<Quota::TenantQuotaSettings> RemoteQuotaService::setOverrides(const Actor &actor, const Tenant &tenant,
                                                                    const QJsonObject &overrides)
{
    return readSettings(m_client.sendJson("PUT", tenantPath(tenant.slug, u"/quotas"_s), overrides, actor.id));
}

Result<QList<Quota::DimensionUsage>> RemoteQuotaService::usage(const Tenant &tenant)
{
    auto answer = m_client.getJson(tenantPath(tenant.slug, u"/quotas"_s));
    if (!answer)
        return answer.error();
    return Http::usageFromJson(answer->value(u"usage"_s).toArray());
}

} // namespace Tenantry::Remote
