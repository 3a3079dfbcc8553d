#include "core/http/tenantroutes.h"

#include "core/tenancy/tenantjson.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Http {

void registerTenantRoutes(Router &router)
{
    router.add("GET", u"/api/v1/me"_s, Scope::Tenant, [](const RequestContext &ctx) -> Result<HttpResponse> {
        QJsonObject o = tenantPublicJson(*ctx.tenant->tenant);
        o.insert(u"identified_by"_s, ctx.tenant->identifiedBy);
        o.insert(u"principal"_s, ctx.tenant->principal);
        return HttpResponse::json(o);
    });
}

void registerHealthRoutes(Router &router, std::function<Status()> ready)
{
    router.add("GET", u"/healthz"_s, Scope::Public, [](const RequestContext &) -> Result<HttpResponse> {
        return HttpResponse::json(QJsonObject{{u"status"_s, u"ok"_s}});
    });
    router.add("GET", u"/readyz"_s, Scope::Public, [ready = std::move(ready)](const RequestContext &) -> Result<HttpResponse> {
        if (Status ok = ready(); !ok)
            return Error::unavailable(u"not-ready"_s, u"Not ready: %1"_s.arg(ok.error().message));
        return HttpResponse::json(QJsonObject{{u"status"_s, u"ready"_s}});
    });
}

} // namespace Tenantry::Http
