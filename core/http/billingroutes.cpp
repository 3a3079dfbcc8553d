#include "core/http/billingroutes.h"

#include "core/http/jsonbody.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Http {

void registerBillingRoutes(Router &router, Storage::BillingSettingsStore &settings, const Clock &clock)
{
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
                   const Actor actor{u"admin"_s, ctx.request.requestId, ctx.request.remoteAddress.toString()};
                   auto next = settings.update(actor, body.value(), clock.now().toMSecsSinceEpoch());
                   if (!next)
                       return next.error();
                   return HttpResponse::json(Billing::billingSettingsToJson(next.value()));
               });
}

} // namespace Tenantry::Http
