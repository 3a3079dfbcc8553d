#include "core/remote/remotebillingservice.h"

#include "core/billing/planpricing.h"
#include "core/http/problem.h"
#include "core/storage/invoiceservice.h"
#include "core/storage/subscriptionservice.h"

#include <QJsonArray>

#include <algorithm>
#include <thread>

using namespace Qt::StringLiterals;

namespace Tenantry::Remote {
namespace {

// Whether `name` can name a resource in an admin API path: encoded it is one segment,
// but an empty or dot segment would reach another route.
bool isSegment(const QString &name)
{
    return !name.isEmpty() && name != u"."_s && name != u".."_s;
}

Error noTenant(const QString &slug)
{
    return Error::notFound(u"tenant-not-found"_s, u"No tenant '%1'."_s.arg(slug));
}

Error unexpected(const QString &what, const Error &why)
{
    return Error{ErrorKind::Internal, u"unexpected-response"_s,
                 u"The server's %1 cannot be read: %2"_s.arg(what, why.message), {}};
}

QJsonObject changeBody(const Billing::PlanChangeRequest &request)
{
    QJsonObject body{{u"plan"_s, request.plan}};
    if (!request.cycle.isEmpty())
        body.insert(u"cycle"_s, request.cycle);
    if (request.timing)
        body.insert(u"timing"_s, Billing::changeTimingName(*request.timing));
    if (request.atMs > 0)
        body.insert(u"at_ms"_s, double(request.atMs));
    return body;
}

// The run's document once it ended: its report, or the error it ended with.
Result<Billing::BillingRunReport> outcomeOf(const QJsonObject &run)
{
    if (run.value(u"state"_s).toString() == u"failed"_s) {
        const QJsonObject error = run.value(u"error"_s).toObject();
        return Error{Http::errorKindForStatus(error.value(u"status"_s).toInt(500)), error.value(u"code"_s).toString(),
                     error.value(u"message"_s).toString(), {}};
    }
    auto report = Storage::billingRunReportFromJson(run.value(u"report"_s).toObject());
    if (!report)
        return unexpected(u"billing run report"_s, report.error());
    return report;
}

// What the console is told when it lost sight of a run the server may still be doing.
Error lostRun(Error error)
{
    error.message = u"The billing run was started on the server, but how it went cannot be read: %1 It may "
                    "still be going there; refresh later to see its invoices."_s
                        .arg(error.message);
    return error;
}

} // namespace

RemoteBillingService::RemoteBillingService(AdminClient &client, std::chrono::milliseconds pollInterval)
    : m_client(client)
    , m_pollInterval(pollInterval)
{
}

Result<QList<Billing::SubscriptionRow>> RemoteBillingService::subscriptionRows()
{
    auto listed = m_client.getJson(u"/admin/v1/subscriptions"_s);
    if (!listed)
        return listed.error();
    QList<Billing::SubscriptionRow> rows;
    for (const QJsonValue &item : listed->value(u"items"_s).toArray()) {
        auto subscription = Storage::subscriptionFromJson(item.toObject());
        if (!subscription)
            return unexpected(u"subscription list"_s, subscription.error());
        // As the local list: a tenant the server no longer knows shows by its id.
        const QString slug = item.toObject().value(u"tenant"_s).toString(subscription->tenantId);
        rows.append({slug, std::move(subscription).value()});
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.tenantSlug < b.tenantSlug; });
    return rows;
}

Result<QList<Billing::Invoice>> RemoteBillingService::invoiceList(const QString &tenantSlug, int limit)
{
    QUrlQuery query;
    if (!tenantSlug.isEmpty())
        query.addQueryItem(u"tenant"_s, encoded(tenantSlug));
    // The same bounds the catalog puts on any list; the route refuses others.
    query.addQueryItem(u"limit"_s, QString::number(std::clamp(limit, 1, 1000)));
    auto listed = m_client.getJson(u"/admin/v1/invoices"_s, query);
    if (!listed)
        return listed.error();
    QList<Billing::Invoice> invoices;
    for (const QJsonValue &item : listed->value(u"items"_s).toArray()) {
        auto invoice = Storage::invoiceSummaryFromJson(item.toObject());
        if (!invoice)
            return unexpected(u"invoice list"_s, invoice.error());
        invoices.append(std::move(invoice).value());
    }
    return invoices;
}

Result<QByteArray> RemoteBillingService::invoicePdf(const QString &idOrNumber)
{
    if (!isSegment(idOrNumber))
        return Error::notFound(u"invoice-not-found"_s, u"No invoice '%1'."_s.arg(idOrNumber));
    auto reply = m_client.send("GET", u"/admin/v1/invoices/%1/pdf"_s.arg(encoded(idOrNumber)));
    if (!reply)
        return reply.error();
    return reply->body;
}

Result<QList<Billing::PlanOffer>> RemoteBillingService::planOffers()
{
    auto plans = m_client.getJson(u"/admin/v1/plans"_s);
    if (!plans)
        return plans.error();
    QList<Billing::PlanOffer> offers;
    for (const QJsonValue &item : plans->value(u"items"_s).toArray()) {
        const QString name = item.toObject().value(u"name"_s).toString();
        if (!isSegment(name))
            continue;
        auto priced = m_client.getJson(u"/admin/v1/plans/%1/pricing"_s.arg(encoded(name)));
        if (!priced) {
            if (priced.error().code == u"plan-not-found"_s)
                continue;
            return priced.error();
        }
        const QJsonValue pricingJson = priced->value(u"pricing"_s);
        if (!pricingJson.isObject())
            continue; // not for sale
        auto pricing = Billing::planPricingFromJson(pricingJson.toObject());
        if (!pricing)
            return unexpected(u"pricing of plan '%1'"_s.arg(name), pricing.error());
        offers.append({name, priced->value(u"display_name"_s).toString(), pricing->monthlyFee, pricing->yearlyFee});
    }
    return offers;
}

Result<Billing::PlanChangeQuote> RemoteBillingService::previewPlanChange(const QString &tenantSlug,
                                                                         const Billing::PlanChangeRequest &request)
{
    if (!isSegment(tenantSlug))
        return noTenant(tenantSlug);
    auto quote = m_client.sendJson("POST", tenantPath(tenantSlug, u"/subscription/preview"_s),
                                   changeBody(request));
    if (!quote)
        return quote.error();
    auto read = Storage::planChangeQuoteFromJson(quote.value());
    if (!read)
        return unexpected(u"plan change preview"_s, read.error());
    return read;
}

Result<Billing::PlanChangeQuote> RemoteBillingService::changePlan(const Actor &actor, const QString &tenantSlug,
                                                                  const Billing::PlanChangeRequest &request)
{
    if (!isSegment(tenantSlug))
        return noTenant(tenantSlug);
    auto booked = m_client.sendJson("POST", tenantPath(tenantSlug, u"/subscription/change"_s),
                                    changeBody(request), actor.id);
    if (!booked)
        return booked.error();
    auto read = Storage::planChangeQuoteFromJson(booked.value());
    if (!read)
        return unexpected(u"booked plan change"_s, read.error());
    return read;
}

Result<Billing::BillingRunReport> RemoteBillingService::runBilling(const Billing::BillingRunControl &control)
{
    auto started = m_client.sendJson("POST", u"/admin/v1/billing/runs"_s, {});
    if (!started) {
        Error error = started.error();
        if (error.code == u"route-not-found"_s)
            error.message = u"This server cannot report how a billing run went (it has no /admin/v1/billing/runs); "
                            "nothing was started."_s;
        return error;
    }
    const QString id = started->value(u"id"_s).toString();
    if (!isSegment(id))
        return lostRun(unexpected(u"billing run"_s, Error::internal(u"The run has no id."_s)));
    const QString path = u"/admin/v1/billing/runs/"_s + encoded(id);
    QJsonObject run = started.value();
    QString shownStage;
    int shownRenewed = -1;
    bool stopAsked = false;
    for (;;) {
        const QString stage = run.value(u"stage"_s).toString();
        const int renewed = run.value(u"renewed"_s).toInt();
        if (control.progress && !stage.isEmpty() && (stage != shownStage || renewed != shownRenewed)) {
            control.progress(stage, renewed);
            shownStage = stage;
            shownRenewed = renewed;
        }
        if (run.value(u"state"_s).toString() != u"running"_s)
            return outcomeOf(run);
        if (!stopAsked && control.stop && control.stop()) {
            stopAsked = true;
            auto stopping = m_client.sendJson("POST", path + u"/stop"_s, {});
            if (!stopping)
                return lostRun(stopping.error());
            run = stopping.value();
            continue;
        }
        std::this_thread::sleep_for(m_pollInterval);
        auto polled = m_client.getJson(path);
        if (!polled)
            return lostRun(polled.error());
        run = polled.value();
    }
}

} // namespace Tenantry::Remote
