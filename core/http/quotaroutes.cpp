#include "core/http/quotaroutes.h"

#include "core/http/jsonbody.h"
#include "core/http/tenantlookup.h"
#include "core/quota/limitsjson.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

QJsonArray usageJson(const QList<Quota::DimensionUsage> &usage)
{
    QJsonArray out;
    for (const Quota::DimensionUsage &u : usage) {
        QJsonObject o{{u"name"_s, u.name},
                      {u"used"_s, double(u.used)},
                      {u"limit"_s, double(u.limit)},
                      {u"remaining"_s, double(std::max<qint64>(0, u.limit - u.used))},
                      {u"percent"_s, u.limit > 0 ? std::round(1000.0 * double(u.used) / double(u.limit)) / 10 : 0.0}};
        o.insert(u"reset_seconds"_s, u.resetSeconds >= 0 ? QJsonValue(double(u.resetSeconds)) : QJsonValue());
        out.append(o);
    }
    return out;
}

Error unreadable(const QString &what)
{
    return {ErrorKind::Internal, u"unexpected-response"_s, u"The server sent %1 that cannot be read."_s.arg(what), {}};
}

// limitsToJson() writes every dimension, unlimited ones as null, so applying it onto no
// limits at all gives the same limits back.
Result<Quota::Limits> limitsFromJson(const QJsonValue &json)
{
    auto limits = Quota::applyLimitsJson(Quota::Limits{}, json.toObject());
    if (!limits)
        return unreadable(u"quota limits"_s);
    return limits;
}

} // namespace

QList<Quota::DimensionUsage> usageFromJson(const QJsonArray &json)
{
    QList<Quota::DimensionUsage> out;
    for (const QJsonValue &value : json) {
        const QJsonObject o = value.toObject();
        out.append({o.value(u"name"_s).toString(), qint64(o.value(u"used"_s).toDouble()),
                    qint64(o.value(u"limit"_s).toDouble()), qint64(o.value(u"reset_seconds"_s).toDouble(-1))});
    }
    return out;
}

Result<Quota::Plan> planFromJson(const QJsonObject &json)
{
    auto limits = limitsFromJson(json.value(u"limits"_s));
    if (!limits)
        return limits.error();
    Quota::Plan plan{json.value(u"name"_s).toString(), json.value(u"display_name"_s).toString(), limits.value(), {}};
    if (const QString updated = json.value(u"updated_at"_s).toString(); !updated.isEmpty())
        plan.updatedAt = QDateTime::fromString(updated, Qt::ISODateWithMs);
    if (plan.name.isEmpty())
        return unreadable(u"a plan"_s);
    return plan;
}

Result<Quota::TenantQuotaSettings> quotaSettingsFromJson(const QJsonObject &json)
{
    auto planLimits = limitsFromJson(json.value(u"plan_limits"_s));
    auto effective = limitsFromJson(json.value(u"effective"_s));
    if (!planLimits || !effective)
        return unreadable(u"quota settings"_s);
    return Quota::TenantQuotaSettings{json.value(u"plan"_s).toString(), json.value(u"plan_known"_s).toBool(),
                                      planLimits.value(), json.value(u"overrides"_s).toObject(), effective.value()};
}

QJsonObject planJson(const Quota::Plan &plan)
{
    return {{u"name"_s, plan.name},
            {u"display_name"_s, plan.displayName},
            {u"limits"_s, Quota::limitsToJson(plan.limits)},
            {u"updated_at"_s, plan.updatedAt.toMSecsSinceEpoch() > 0
                                  ? QJsonValue(plan.updatedAt.toString(Qt::ISODateWithMs))
                                  : QJsonValue()}};
}

QJsonObject quotaSettingsJson(const Quota::TenantQuotaSettings &settings, const QList<Quota::DimensionUsage> &usage)
{
    return {{u"plan"_s, settings.plan},
            {u"plan_known"_s, settings.planKnown},
            {u"plan_limits"_s, Quota::limitsToJson(settings.planLimits)},
            {u"overrides"_s, settings.overrides},
            {u"effective"_s, Quota::limitsToJson(settings.effective)},
            {u"usage"_s, usageJson(usage)}};
}

void registerQuotaRoutes(Router &router, Quota::QuotaService &quotas, const Quota::QuotaGate &gate,
                         const TenantDirectory &directory, const Clock &clock)
{
    router.add("GET", u"/admin/v1/plans"_s, Scope::Admin, [&quotas](const RequestContext &) -> Result<HttpResponse> {
        auto plans = quotas.plans();
        if (!plans)
            return plans.error();
        QJsonArray items;
        for (const Quota::Plan &p : plans.value())
            items.append(planJson(p));
        return HttpResponse::json(QJsonObject{{u"items"_s, items}});
    });

    router.add("GET", u"/admin/v1/plans/{name}"_s, Scope::Admin, [&quotas](const RequestContext &ctx) -> Result<HttpResponse> {
        auto plan = quotas.plan(ctx.params.value(u"name"_s));
        if (!plan)
            return plan.error();
        return HttpResponse::json(planJson(plan.value()));
    });

    router.add("PUT", u"/admin/v1/plans/{name}"_s, Scope::Admin, [&quotas](const RequestContext &ctx) -> Result<HttpResponse> {
        auto body = parseJsonObject(ctx.request);
        if (!body)
            return body.error();
        JsonFields fields(body.value());
        fields.allowOnly({u"display_name"_s, u"limits"_s});
        const QString name = ctx.params.value(u"name"_s);
        const QString displayName = fields.string(u"display_name"_s, true);
        const QJsonObject limits = fields.object(u"limits"_s);
        if (Status ok = fields.finish(); !ok)
            return ok.error();
        auto plan = quotas.putPlan(adminActor(ctx), name, displayName, limits);
        if (!plan)
            return plan.error();
        return HttpResponse::json(planJson(plan.value()));
    });

    const auto tenantQuotas = [&quotas, &gate, &clock](const Tenant &tenant) -> Result<HttpResponse> {
        auto settings = quotas.settings(tenant);
        if (!settings)
            return settings.error();
        return HttpResponse::json(quotaSettingsJson(settings.value(), gate.usage(tenant, clock.now().toMSecsSinceEpoch())));
    };

    router.add("GET", u"/admin/v1/tenants/{slug}/quotas"_s, Scope::Admin,
               [&directory, tenantQuotas](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
                   if (!tenant)
                       return tenant.error();
                   return tenantQuotas(*tenant.value());
               });

    router.add("PUT", u"/admin/v1/tenants/{slug}/quotas"_s, Scope::Admin,
               [&quotas, &directory, tenantQuotas](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
                   if (!tenant)
                       return tenant.error();
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   auto changed = quotas.setOverrides(adminActor(ctx), *tenant.value(), body.value());
                   if (!changed)
                       return changed.error();
                   return tenantQuotas(*tenant.value());
               });

    router.add("GET", u"/api/v1/quotas"_s, Scope::Tenant, [&quotas, &gate, &clock](const RequestContext &ctx) -> Result<HttpResponse> {
        const Tenant &tenant = *ctx.tenant->tenant;
        auto settings = quotas.settings(tenant);
        if (!settings)
            return settings.error();
        // A tenant sees what holds for it, not how the operator arrived at it.
        return HttpResponse::json(QJsonObject{
            {u"plan"_s, settings->plan},
            {u"limits"_s, Quota::limitsToJson(settings->effective)},
            {u"usage"_s, usageJson(gate.usage(tenant, clock.now().toMSecsSinceEpoch()))}});
    });
}

} // namespace Tenantry::Http
