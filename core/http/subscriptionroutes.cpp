#include "core/http/subscriptionroutes.h"

#include "core/http/jsonbody.h"
#include "core/http/tenantlookup.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

// {"plan", "cycle", "timing", "at_ms"} of a preview or a change: a change with a preview's
// at_ms books the preview's amounts, and a preview with it shows them again.
Result<Storage::PlanChangeRequest> readChange(const RequestContext &ctx)
{
    auto body = parseJsonObject(ctx.request);
    if (!body)
        return body.error();
    JsonFields fields(body.value());
    fields.allowOnly({u"plan"_s, u"cycle"_s, u"timing"_s, u"at_ms"_s});
    Storage::PlanChangeRequest request;
    request.plan = fields.string(u"plan"_s, true);
    request.cycle = fields.string(u"cycle"_s);
    const QString timing = fields.string(u"timing"_s);
    if (Status ok = fields.finish(); !ok)
        return ok.error();
    if (!timing.isEmpty()) {
        Billing::ChangeTiming parsed{};
        if (!Billing::parseChangeTiming(timing, &parsed))
            return Error::invalid(u"invalid-change-timing"_s, u"timing is \"immediate\" or \"period_end\"."_s,
                                  {{u"/timing"_s, u"not immediate or period_end"_s}});
        request.timing = parsed;
    }
    if (body->contains(u"at_ms"_s)) {
        const QJsonValue at = body->value(u"at_ms"_s);
        const double raw = at.toDouble(-1);
        if (!at.isDouble() || raw < 1 || raw != double(qint64(raw)))
            return Error::invalid(u"invalid-change"_s, u"at_ms is the preview's at_ms: milliseconds since the epoch."_s,
                                  {{u"/at_ms"_s, u"not a positive whole number"_s}});
        request.atMs = qint64(raw);
    }
    return request;
}

template <typename Handler>
auto withTenant(const TenantDirectory &directory, Handler handler)
{
    return [&directory, handler](const RequestContext &ctx) -> Result<HttpResponse> {
        auto tenant = tenantNamed(directory, ctx.params.value(u"slug"_s));
        if (!tenant)
            return tenant.error();
        return handler(ctx, *tenant.value());
    };
}

} // namespace

void registerSubscriptionRoutes(Router &router, Storage::SubscriptionService &subscriptions,
                                const TenantDirectory &directory)
{
    using Storage::subscriptionToJson;
    router.add("GET", u"/admin/v1/subscriptions"_s, Scope::Admin,
               [&subscriptions, &directory](const RequestContext &) -> Result<HttpResponse> {
                   auto all = subscriptions.subscriptions();
                   if (!all)
                       return all.error();
                   const auto snapshot = directory.snapshot();
                   QJsonArray items;
                   for (const Billing::Subscription &s : all.value()) {
                       QJsonObject item = subscriptionToJson(s);
                       if (auto tenant = snapshot->findId(s.tenantId))
                           item.insert(u"tenant"_s, tenant->slug);
                       items.append(item);
                   }
                   return HttpResponse::json(QJsonObject{{u"items"_s, items}});
               });

    router.add("GET", u"/admin/v1/tenants/{slug}/subscription"_s, Scope::Admin,
               withTenant(directory, [&subscriptions](const RequestContext &, const Tenant &tenant) -> Result<HttpResponse> {
                   auto s = subscriptions.subscription(tenant);
                   if (!s)
                       return s.error();
                   return HttpResponse::json(subscriptionToJson(s.value()));
               }));

    router.add("GET", u"/admin/v1/tenants/{slug}/subscription/history"_s, Scope::Admin,
               withTenant(directory, [&subscriptions](const RequestContext &, const Tenant &tenant) -> Result<HttpResponse> {
                   auto events = subscriptions.history(tenant);
                   if (!events)
                       return events.error();
                   QJsonArray items;
                   for (const Billing::SubscriptionEvent &e : events.value())
                       items.append(Storage::subscriptionEventToJson(e));
                   return HttpResponse::json(QJsonObject{{u"items"_s, items}});
               }));

    router.add("POST", u"/admin/v1/tenants/{slug}/subscription"_s, Scope::Admin,
               withTenant(directory, [&subscriptions](const RequestContext &ctx, const Tenant &tenant) -> Result<HttpResponse> {
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   JsonFields fields(body.value());
                   fields.allowOnly({u"plan"_s, u"cycle"_s, u"trial"_s, u"payment_customer"_s});
                   Storage::SubscribeRequest request;
                   request.plan = fields.string(u"plan"_s, true);
                   request.cycle = fields.string(u"cycle"_s, false, request.cycle);
                   request.trial = fields.boolean(u"trial"_s, true);
                   request.paymentCustomer = fields.string(u"payment_customer"_s);
                   if (Status ok = fields.finish(); !ok)
                       return ok.error();
                   auto s = subscriptions.subscribe(adminActor(ctx), tenant, request);
                   if (!s)
                       return s.error();
                   return HttpResponse::json(subscriptionToJson(s.value()), 201);
               }));

    router.add("POST", u"/admin/v1/tenants/{slug}/subscription/preview"_s, Scope::Admin,
               withTenant(directory, [&subscriptions](const RequestContext &ctx, const Tenant &tenant) -> Result<HttpResponse> {
                   auto request = readChange(ctx);
                   if (!request)
                       return request.error();
                   auto quote = subscriptions.preview(tenant, request.value());
                   if (!quote)
                       return quote.error();
                   return HttpResponse::json(Storage::planChangeQuoteToJson(quote.value()));
               }));

    router.add("POST", u"/admin/v1/tenants/{slug}/subscription/change"_s, Scope::Admin,
               withTenant(directory, [&subscriptions](const RequestContext &ctx, const Tenant &tenant) -> Result<HttpResponse> {
                   auto request = readChange(ctx);
                   if (!request)
                       return request.error();
                   auto booked = subscriptions.change(adminActor(ctx), tenant, request.value());
                   if (!booked)
                       return booked.error();
                   return HttpResponse::json(Storage::planChangeQuoteToJson(booked.value()));
               }));

    router.add("POST", u"/admin/v1/tenants/{slug}/subscription/cancel"_s, Scope::Admin,
               withTenant(directory, [&subscriptions](const RequestContext &ctx, const Tenant &tenant) -> Result<HttpResponse> {
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   JsonFields fields(body.value());
                   fields.allowOnly({u"at_period_end"_s});
                   const bool atPeriodEnd = fields.boolean(u"at_period_end"_s, true);
                   if (Status ok = fields.finish(); !ok)
                       return ok.error();
                   auto s = subscriptions.cancel(adminActor(ctx), tenant, atPeriodEnd);
                   if (!s)
                       return s.error();
                   return HttpResponse::json(subscriptionToJson(s.value()));
               }));

    router.add("PUT", u"/admin/v1/tenants/{slug}/subscription/payment-customer"_s, Scope::Admin,
               withTenant(directory, [&subscriptions](const RequestContext &ctx, const Tenant &tenant) -> Result<HttpResponse> {
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   JsonFields fields(body.value());
                   fields.allowOnly({u"payment_customer"_s});
                   const QString customer = fields.string(u"payment_customer"_s, true);
                   if (Status ok = fields.finish(); !ok)
                       return ok.error();
                   auto s = subscriptions.setPaymentCustomer(adminActor(ctx), tenant, customer);
                   if (!s)
                       return s.error();
                   return HttpResponse::json(subscriptionToJson(s.value()));
               }));
}

} // namespace Tenantry::Http
