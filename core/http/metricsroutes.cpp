#include "core/http/metricsroutes.h"

#include "core/http/tenantlookup.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

// The histogram's buckets, so a client can diff two readings for the latency of the time
// in between (the percentiles beside them are since start).
QJsonArray latencyBucketsToJson(const Observe::LatencyHistogram::Buckets &counts)
{
    QJsonArray out;
    for (const qint64 n : counts)
        out.append(n);
    return out;
}

QJsonArray latencyBoundsToJson()
{
    QJsonArray out;
    for (const qint64 bound : Observe::LatencyHistogram::kBoundsUs)
        out.append(bound);
    return out;
}

} // namespace

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
            o.insert(u"latency_buckets"_s, latencyBucketsToJson(metrics.tenantLatencyBuckets(s.tenantId)));
            busiest.append(o);
        }
        QJsonObject total = metricsToJson(metrics.total());
        total.insert(u"latency_buckets"_s, latencyBucketsToJson(metrics.totalLatencyBuckets()));
        return HttpResponse::json(QJsonObject{{u"total"_s, total},
                                              {u"tenants_seen"_s, metrics.tenantCount()},
                                              {u"busiest"_s, busiest},
                                              {u"latency_bucket_bounds_us"_s, latencyBoundsToJson()}});
    });

    router.add("GET", u"/admin/v1/tenants/{slug}/metrics"_s, Scope::Admin,
               [&metrics, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
                   if (!tenant)
                       return tenant.error();
                   const QString &id = tenant.value()->id;
                   QJsonObject body = metricsToJson(metrics.forTenant(id));
                   body.insert(u"latency_buckets"_s, latencyBucketsToJson(metrics.tenantLatencyBuckets(id)));
                   body.insert(u"latency_bucket_bounds_us"_s, latencyBoundsToJson());
                   return HttpResponse::json(body);
               });

    router.add("GET", u"/api/v1/metrics"_s, Scope::Tenant, [&metrics](const RequestContext &ctx) -> Result<HttpResponse> {
        return HttpResponse::json(metricsToJson(metrics.forTenant(ctx.tenant->tenant->id)));
    });
}

} // namespace Tenantry::Http
