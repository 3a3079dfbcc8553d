#include "app/billingcommands.h"

#include "app/clioutput.h"
#include "app/runtime.h"
#include "core/billing/invoicejson.h"
#include "documents/invoicepdf.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

QString shortTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd HH:mm"_s) : u"-"_s;
}

Result<Storage::PlanChangeRequest> changeRequest(const QCommandLineParser &parser)
{
    Storage::PlanChangeRequest request;
    request.plan = parser.value(u"plan"_s);
    if (request.plan.isEmpty())
        return Error::invalid(u"invalid-change"_s, u"Say which plan with --plan."_s);
    request.cycle = parser.value(u"cycle"_s);
    if (parser.isSet(u"timing"_s)) {
        Billing::ChangeTiming timing{};
        if (!Billing::parseChangeTiming(parser.value(u"timing"_s), &timing))
            return Error::invalid(u"invalid-change-timing"_s, u"--timing is immediate or period_end."_s);
        request.timing = timing;
    }
    if (parser.isSet(u"at"_s)) {
        bool ok = false;
        request.atMs = parser.value(u"at"_s).toLongLong(&ok);
        if (!ok || request.atMs <= 0)
            return Error::invalid(u"invalid-change"_s, u"--at is a preview's at_ms (milliseconds since the epoch)."_s);
    }
    return request;
}

void printQuote(const Storage::PlanChangeQuote &q)
{
    out() << u"%1 (%2) → %3 (%4): %5, %6, at %7 (at_ms %8)\n"_s.arg(q.fromPlan, q.fromCycle, q.toPlan, q.toCycle, q.direction,
                                                                   Billing::changeTimingName(q.timing), shortTime(q.atMs))
                 .arg(q.atMs);
    for (const Billing::InvoiceLine &l : q.lines)
        out() << u"  %1 %2\n"_s.arg(l.amount.decimal(), 14).arg(l.description);
    out() << u"  %1 net (%2)\n"_s.arg(q.net.decimal(), 14).arg(q.net.currency().code);
}

int runSubscriptions(Runtime &rt, const QString &verb, const QStringList &positional, const QCommandLineParser &parser,
                     bool json)
{
    Storage::SubscriptionService &subscriptions = rt.billing().subscriptions();
    if (verb == "list"_L1) {
        auto all = subscriptions.subscriptions();
        if (!all)
            return failed(all.error());
        const auto snapshot = rt.directory().snapshot();
        QJsonArray items;
        for (const Billing::Subscription &s : all.value()) {
            QJsonObject item = Storage::subscriptionToJson(s);
            if (auto t = snapshot->findId(s.tenantId))
                item.insert(u"tenant"_s, t->slug);
            items.append(item);
        }
        if (json) {
            printJson(items);
            return 0;
        }
        out() << u"%1 %2 %3 %4 %5\n"_s.arg(u"TENANT"_s, -24).arg(u"PLAN"_s, -12).arg(u"CYCLE"_s, -8).arg(u"STATUS"_s, -10)
                     .arg(u"PERIOD END"_s);
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            out() << u"%1 %2 %3 %4 %5\n"_s.arg(o.value(u"tenant"_s).toString(), -24).arg(o.value(u"plan"_s).toString(), -12)
                         .arg(o.value(u"cycle"_s).toString(), -8).arg(o.value(u"status"_s).toString(), -10)
                         .arg(o.value(u"current_period"_s).toObject().value(u"end"_s).toString());
        }
        return 0;
    }
    auto tenant = rt.tenants().get(positional.at(0));
    if (!tenant)
        return failed(tenant.error());
    const Actor actor = cliActor();
    if (verb == "show"_L1) {
        auto s = subscriptions.subscription(tenant.value());
        if (!s)
            return failed(s.error());
        auto history = subscriptions.history(tenant.value());
        if (!history)
            return failed(history.error());
        QJsonObject o = Storage::subscriptionToJson(s.value());
        QJsonArray events;
        for (const Billing::SubscriptionEvent &e : history.value())
            events.append(Storage::subscriptionEventToJson(e));
        o.insert(u"history"_s, events);
        printJson(o);
        return 0;
    }
    if (verb == "create"_L1) {
        Storage::SubscribeRequest request;
        request.plan = parser.value(u"plan"_s);
        if (parser.isSet(u"cycle"_s))
            request.cycle = parser.value(u"cycle"_s);
        request.trial = !parser.isSet(u"no-trial"_s);
        auto s = subscriptions.subscribe(actor, tenant.value(), request);
        if (!s)
            return failed(s.error());
        printJson(Storage::subscriptionToJson(s.value()));
        return 0;
    }
    if (verb == "preview"_L1 || verb == "change"_L1) {
        auto request = changeRequest(parser);
        if (!request)
            return failed(request.error());
        auto q = verb == "preview"_L1 ? subscriptions.preview(tenant.value(), request.value())
                                      : subscriptions.change(actor, tenant.value(), request.value());
        if (!q)
            return failed(q.error());
        if (json)
            printJson(Storage::planChangeQuoteToJson(q.value()));
        else
            printQuote(q.value());
        return 0;
    }
    if (verb == "cancel"_L1) {
        auto s = subscriptions.cancel(actor, tenant.value(), !parser.isSet(u"now"_s));
        if (!s)
            return failed(s.error());
        printJson(Storage::subscriptionToJson(s.value()));
        return 0;
    }
    return usageError(u"unknown command"_s);
}

int runInvoices(Runtime &rt, const QString &verb, const QStringList &positional, const QCommandLineParser &parser,
                bool json)
{
    Storage::InvoiceService &invoices = rt.billing().invoices();
    const Actor actor = cliActor();
    if (verb == "list"_L1) {
        Storage::InvoiceFilter filter;
        filter.limit = parser.value(u"limit"_s).toInt();
        filter.status = parser.value(u"status"_s);
        if (parser.isSet(u"tenant"_s)) {
            auto tenant = rt.tenants().get(parser.value(u"tenant"_s));
            if (!tenant)
                return failed(tenant.error());
            filter.tenantId = tenant->id;
        }
        auto rows = invoices.list(filter);
        if (!rows)
            return failed(rows.error());
        const auto snapshot = rt.directory().snapshot();
        if (json) {
            QJsonArray items;
            for (const Storage::StoredInvoice &row : rows.value())
                items.append(Storage::invoiceSummaryToJson(row, *snapshot));
            printJson(items);
            return 0;
        }
        out() << u"%1 %2 %3 %4 %5 %6\n"_s.arg(u"NUMBER"_s, -14).arg(u"TENANT"_s, -20).arg(u"KIND"_s, -12)
                     .arg(u"STATUS"_s, -14).arg(u"TOTAL"_s, 14).arg(u"ISSUED"_s);
        for (const Storage::StoredInvoice &row : rows.value()) {
            const auto t = snapshot->findId(row.tenantId);
            auto currency = Billing::currencyOf(row.currency);
            const QString total = currency ? Billing::Money(row.totalMinor, currency.value()).decimal() : QString::number(row.totalMinor);
            out() << u"%1 %2 %3 %4 %5 %6\n"_s.arg(row.number.isEmpty() ? u"(draft)"_s : row.number, -14)
                         .arg(t ? t->slug : row.tenantId, -20).arg(row.kind, -12).arg(row.status, -14)
                         .arg(total + u' ' + row.currency, 14).arg(shortTime(row.issuedMs));
        }
        return 0;
    }
    if (verb == "run"_L1) {
        auto report = invoices.runDue();
        if (!report)
            return failed(report.error());
        printJson(Storage::billingRunReportToJson(report.value()));
        return report->problems.isEmpty() ? 0 : 1;
    }
    Result<Billing::Invoice> invoice = Error::internal(u"no verb"_s);
    if (verb == "show"_L1 || verb == "pdf"_L1)
        invoice = invoices.invoice(positional.at(0));
    else if (verb == "pay"_L1)
        invoice = invoices.markPaid(actor, positional.at(0), positional.at(1));
    else if (verb == "collect"_L1)
        invoice = invoices.collect(actor, positional.at(0));
    else if (verb == "void"_L1)
        invoice = invoices.voidInvoice(actor, positional.at(0));
    else
        return usageError(u"unknown command"_s);
    if (!invoice)
        return failed(invoice.error());
    if (verb == "pdf"_L1) {
        auto pdf = Documents::renderInvoicePdf(invoice.value());
        if (!pdf)
            return failed(pdf.error());
        return writeOutput(pdf.value(), parser.value(u"output"_s));
    }
    printJson(Billing::invoiceToJson(invoice.value()));
    return 0;
}

int runPlanPricing(Runtime &rt, const QString &verb, const QStringList &positional, const QCommandLineParser &parser)
{
    Storage::PlanPricingStore &plans = rt.billing().plans();
    if (verb == "pricing"_L1) {
        auto plan = plans.plan(positional.at(0));
        if (!plan)
            return failed(plan.error());
        printJson(Storage::pricedPlanToJson(plan.value()));
        return 0;
    }
    auto pricing = jsonArgument(positional.at(1), u"The pricing"_s);
    if (!pricing)
        return failed(pricing.error());
    auto plan = plans.putPricing(cliActor(), positional.at(0), pricing.value(), parser.value(u"isolation"_s),
                                 rt.clock().now().toMSecsSinceEpoch());
    if (!plan)
        return failed(plan.error());
    printJson(Storage::pricedPlanToJson(plan.value()));
    return 0;
}

} // namespace

int runBillingCommand(Runtime &runtime, const QString &group, const QString &verb, const QStringList &positional,
                      const QCommandLineParser &parser, bool json)
{
    if (group == "subscriptions"_L1)
        return runSubscriptions(runtime, verb, positional, parser, json);
    if (group == "invoices"_L1)
        return runInvoices(runtime, verb, positional, parser, json);
    return runPlanPricing(runtime, verb, positional, parser);
}

} // namespace Tenantry::App
