#include "core/http/metricsroutes.h"

#include "core/http/tenantlookup.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {

QJsonObject metricsToJson(const Observe::MetricsSnapshot &s)
{
    const auto ms = [](std::chrono::microseconds us) { return double(us.count()) / 1000.0; };
    return {
        {u"requests"_s, s.requests},
        {u"client_errors"_s, s.clientErrors},
        {u"server_errors"_s, s.serverErrors},
        {u"error_rate"_s, s.requests ? double(s.clientErrors + s.serverErrors) / double(s.requests) : 0.0},
        {u"latency_ms"_s, QJsonObject{{u"p50"_s, ms(s.p50)}, {u"p95"_s, ms(s.p95)}, {u"p99"_s, ms(s.p99)}}},
    };
}

void registerMetricsRoutes(Router &router, const Observe::RequestMetrics &metrics, const TenantDirectory &directory,
                           int topTenants)
{
    const auto slugOf = [&directory](const QString &id) {
        const auto tenant = directory.snapshot()->findId(id);
        return tenant ? tenant->slug : QString();
    };

    router.add("GET", u"/metrics"_s, Scope::Admin, [&metrics, slugOf, topTenants](const RequestContext &) -> Result<HttpResponse> {
        return HttpResponse{200, "text/plain; version=0.0.4; charset=utf-8", metrics.prometheusText(topTenants, slugOf), {}};
    });

    router.add("GET", u"/admin/v1/metrics"_s, Scope::Admin, [&metrics, slugOf](const RequestContext &ctx) -> Result<HttpResponse> {
        int top = 20;
        if (ctx.request.query.hasQueryItem(u"top"_s)) {
            bool ok = false;
            top = ctx.request.query.queryItemValue(u"top"_s).toInt(&ok);
            if (!ok || top < 0 || top > 1000) {
                return Error::invalid(u"invalid-query"_s, u"top must be an integer from 0 to 1000."_s,
                                      {{u"top"_s, u"out of range"_s}});
            }
        }
        QJsonArray busiest;
        for (const Observe::MetricsSnapshot &s : metrics.busiest(top)) {
            QJsonObject o = metricsToJson(s);
            o.insert(u"tenant_id"_s, s.tenantId);
            o.insert(u"slug"_s, slugOf(s.tenantId));
            busiest.append(o);
        }
        return HttpResponse::json(QJsonObject{{u"total"_s, metricsToJson(metrics.total())},
                                              {u"tenants_seen"_s, metrics.tenantCount()},
                                              {u"busiest"_s, busiest}});
    });

    router.add("GET", u"/admin/v1/tenants/{slug}/metrics"_s, Scope::Admin,
               [&metrics, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
                   if (!tenant)
                       return tenant.error();
                   return HttpResponse::json(metricsToJson(metrics.forTenant(tenant.value()->id)));
               });

    router.add("GET", u"/api/v1/metrics"_s, Scope::Tenant, [&metrics](const RequestContext &ctx) -> Result<HttpResponse> {
        return HttpResponse::json(metricsToJson(metrics.forTenant(ctx.tenant->tenant->id)));
    });
}

} // namespace Tenantry::Http
