#include "core/http/billingroutes.h"

#include "core/http/jsonbody.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Http {

void registerBillingRoutes(Router &router, Storage::BillingSettingsStore &settings, Storage::PlanPricingStore &plans,
                           const Clock &clock)
{
    router.add("GET", u"/admin/v1/plans/{name}/pricing"_s, Scope::Admin, [&plans](const RequestContext &ctx) -> Result<HttpResponse> {
        auto plan = plans.plan(ctx.params.value(u"name"_s));
        if (!plan)
            return plan.error();
        return HttpResponse::json(Storage::pricedPlanToJson(plan.value()));
    });

    router.add("PUT", u"/admin/v1/plans/{name}/pricing"_s, Scope::Admin,
               [&plans, &clock](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   JsonFields fields(body.value());
                   fields.allowOnly({u"pricing"_s, u"isolation"_s});
                   const QJsonObject pricing = fields.object(u"pricing"_s);
                   const QString isolation = fields.string(u"isolation"_s);
                   if (Status ok = fields.finish(); !ok)
                       return ok.error();
                   if (!body->contains(u"pricing"_s))
                       return Error::invalid(u"invalid-plan-pricing"_s, u"Send the plan's whole pricing as \"pricing\"."_s,
                                             {{u"/pricing"_s, u"required"_s}});
                   auto plan = plans.putPricing(adminActor(ctx), ctx.params.value(u"name"_s), pricing, isolation,
                                                clock.now().toMSecsSinceEpoch());
                   if (!plan)
                       return plan.error();
                   return HttpResponse::json(Storage::pricedPlanToJson(plan.value()));
               });

    router.add("GET", u"/admin/v1/billing/settings"_s, Scope::Admin, [&settings](const RequestContext &) -> Result<HttpResponse> {
        auto current = settings.settings();
        if (!current)
            return current.error();
        return HttpResponse::json(Billing::billingSettingsToJson(current.value()));
    });

    router.add("PUT", u"/admin/v1/billing/settings"_s, Scope::Admin,
               [&settings, &clock](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   auto next = settings.update(adminActor(ctx), body.value(), clock.now().toMSecsSinceEpoch());
                   if (!next)
                       return next.error();
                   return HttpResponse::json(Billing::billingSettingsToJson(next.value()));
               });
}

} // namespace Tenantry::Http
