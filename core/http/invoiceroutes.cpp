#include "core/http/invoiceroutes.h"

#include "core/billing/invoicejson.h"
#include "core/http/jsonbody.h"
#include "core/http/problem.h"
#include "core/http/tenantlookup.h"

#include <QJsonArray>
#include <QMutex>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

// The billing runs POST /admin/v1/billing/runs starts for a caller that watches one to its
// end: one at a time, each on a thread of its own (the payment gateway may take seconds and
// the HTTP thread never waits), with its stage while it runs and its report or error when it
// ends. Only the latest run is kept. Going away stops a running run at its next step and
// waits for it, so `invoices` must outlive the router that holds this. Thread-safe.
class WatchedRuns final
{
public:
    explicit WatchedRuns(Storage::InvoiceService &invoices) : m_invoices(invoices) {}
    ~WatchedRuns()
    {
        m_stop = true;
        if (m_thread)
            m_thread->wait();
    }
    WatchedRuns(const WatchedRuns &) = delete;
    WatchedRuns &operator=(const WatchedRuns &) = delete;

    // Errors: Conflict "billing-run-in-progress".
    Result<QJsonObject> start()
    {
        QMutexLocker lock(&m_mutex);
        if (m_run && m_run->running)
            return Error::conflict(u"billing-run-in-progress"_s,
                                   u"Another billing run is still going on the server; start one when it has "
                                   "ended (or watch it at /admin/v1/billing/runs/%1)."_s
                                       .arg(m_run->id));
        if (m_thread)
            m_thread->wait(); // it said it ended; only its thread's own cleanup may be left
        m_run = Run{QUuid::createUuid().toString(QUuid::WithoutBraces)};
        m_stop = false;
        m_thread.reset(QThread::create([this] { execute(); }));
        m_thread->setObjectName(u"billing-run-watched"_s);
        m_thread->start();
        return document();
    }

    // Errors: NotFound "billing-run-not-found" for any but the latest run.
    Result<QJsonObject> state(const QString &id)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_run || m_run->id != id)
            return notFound(id);
        return document();
    }

    // Asks the run to stop before its next renewal or stage; `*running` says whether it still
    // was. Errors as state().
    Result<QJsonObject> stop(const QString &id, bool *running)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_run || m_run->id != id)
            return notFound(id);
        *running = m_run->running;
        if (m_run->running) {
            m_run->stopRequested = true;
            m_stop = true;
        }
        return document();
    }

private:
    struct Run {
        QString id;
        bool running = true;
        QString stage;
        int renewed = 0;
        bool stopRequested = false;
        std::optional<Billing::BillingRunReport> report;
        std::optional<Error> error;
    };

    static Error notFound(const QString &id)
    {
        return Error::notFound(u"billing-run-not-found"_s,
                               u"No billing run '%1' here: only the latest run this server started is kept."_s.arg(id));
    }

    void execute()
    {
        Billing::BillingRunControl control;
        control.stop = [this] { return m_stop.load(); };
        control.progress = [this](const QString &stage, int renewed) {
            QMutexLocker lock(&m_mutex);
            m_run->stage = stage;
            m_run->renewed = renewed;
        };
        Result<Billing::BillingRunReport> report = m_invoices.runDue(control);
        QMutexLocker lock(&m_mutex);
        m_run->running = false;
        if (report) {
            m_run->report = report.value();
            m_run->renewed = report->renewed;
        } else {
            m_run->error = report.error();
        }
    }

    // The latest run's document; m_mutex held.
    QJsonObject document() const
    {
        const Run &run = *m_run;
        QJsonValue error;
        if (run.error)
            error = QJsonObject{{u"status"_s, httpStatus(run.error->kind)},
                                {u"code"_s, run.error->code},
                                {u"message"_s, run.error->message}};
        return {{u"id"_s, run.id},
                {u"state"_s, run.running ? u"running"_s : run.error ? u"failed"_s : u"finished"_s},
                {u"stage"_s, run.stage.isEmpty() ? QJsonValue() : QJsonValue(run.stage)},
                {u"renewed"_s, run.renewed},
                {u"stop_requested"_s, run.stopRequested},
                {u"report"_s, run.report ? QJsonValue(Storage::billingRunReportToJson(*run.report)) : QJsonValue()},
                {u"error"_s, error}};
    }

    Storage::InvoiceService &m_invoices;
    QMutex m_mutex;
    std::optional<Run> m_run;
    std::atomic<bool> m_stop = false;
    std::unique_ptr<QThread> m_thread;
};


Result<HttpResponse> listed(Storage::InvoiceService &invoices, const TenantDirectory &directory,
                            Storage::InvoiceFilter filter, const QUrlQuery &query)
{
    const QString status = query.queryItemValue(u"status"_s);
    if (!status.isEmpty()) {
        Billing::InvoiceStatus parsed{};
        if (!Billing::parseInvoiceStatus(status, &parsed))
            return Error::invalid(u"invalid-query"_s, u"status is draft, open, paid, void or uncollectible."_s,
                                  {{u"status"_s, u"unknown status"_s}});
        filter.status = status;
    }
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        filter.limit = query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || filter.limit < 1 || filter.limit > 1000)
            return Error::invalid(u"invalid-query"_s, u"limit is 1 to 1000."_s, {{u"limit"_s, u"not 1 to 1000"_s}});
    }
    auto rows = invoices.list(filter);
    if (!rows)
        return rows.error();
    const auto snapshot = directory.snapshot();
    QJsonArray items;
    for (const Storage::StoredInvoice &row : rows.value())
        items.append(Storage::invoiceSummaryToJson(row, *snapshot));
    return HttpResponse::json(QJsonObject{{u"items"_s, items}});
}

Result<HttpResponse> pdfOf(const Result<Billing::Invoice> &invoice, const InvoicePdfRenderer &renderPdf)
{
    if (!invoice)
        return invoice.error();
    if (!renderPdf)
        return Error::notFound(u"pdf-unavailable"_s, u"This server does not render PDF documents."_s);
    auto pdf = renderPdf(invoice.value());
    if (!pdf)
        return pdf.error();
    const QString name = invoice->number.isEmpty() ? u"draft-"_s + invoice->id : invoice->number;
    return HttpResponse::attachment("application/pdf", pdf.value(), name + u".pdf"_s);
}

// The invoice `id` if it belongs to the calling tenant; any other looks like no invoice at
// all, so a tenant cannot even learn that another tenant's invoice exists.
Result<Billing::Invoice> ownInvoice(Storage::InvoiceService &invoices, const RequestContext &ctx)
{
    auto invoice = invoices.invoice(ctx.params.value(u"id"_s));
    if (!invoice || invoice->tenantId != ctx.tenant->tenant->id || invoice->status == Billing::InvoiceStatus::Draft)
        return Error::notFound(u"invoice-not-found"_s, u"No invoice '%1'."_s.arg(ctx.params.value(u"id"_s)));
    return invoice;
}

Result<QList<Billing::InvoiceLine>> readCreditLines(const QJsonObject &body, const Billing::Currency &currency)
{
    QList<Billing::InvoiceLine> lines;
    QList<FieldError> errors;
    const QJsonArray array = body.value(u"lines"_s).toArray();
    if (array.isEmpty())
        errors.append({u"/lines"_s, u"at least one line with a description and an amount"_s});
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const QString at = u"/lines/%1"_s.arg(i);
        const QString description = o.value(u"description"_s).toString().trimmed();
        if (description.isEmpty() || description.size() > 200)
            errors.append({at + u"/description"_s, u"1 to 200 characters"_s});
        auto amount = Billing::Money::parse(o.value(u"amount"_s).toString(), currency);
        if (!amount || amount->minor() <= 0) {
            errors.append({at + u"/amount"_s, u"a positive amount in %1 as a decimal string"_s.arg(currency.code)});
            continue;
        }
        Billing::InvoiceLine line;
        line.kind = u"credit"_s;
        line.description = description;
        line.unitPrice = amount.value();
        line.amount = amount.value();
        lines.append(line);
    }
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-credit-note"_s, u"The credit note is not valid."_s, errors);
    return lines;
}

} // namespace

void registerInvoiceRoutes(Router &router, Storage::InvoiceService &invoices, const TenantDirectory &directory,
                           InvoicePdfRenderer renderPdf, std::function<void()> triggerRun)
{
    router.add("GET", u"/admin/v1/invoices"_s, Scope::Admin,
               [&invoices, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
                   Storage::InvoiceFilter filter;
                   const QString slug = ctx.request.query.queryItemValue(u"tenant"_s);
                   if (!slug.isEmpty()) {
                       auto tenant = tenantNamed(directory, slug);
                       if (!tenant)
                           return tenant.error();
                       filter.tenantId = tenant.value()->id;
                   }
                   return listed(invoices, directory, filter, ctx.request.query);
               });

    router.add("GET", u"/admin/v1/invoices/{id}"_s, Scope::Admin, [&invoices](const RequestContext &ctx) -> Result<HttpResponse> {
        auto invoice = invoices.invoice(ctx.params.value(u"id"_s));
        if (!invoice)
            return invoice.error();
        return HttpResponse::json(Billing::invoiceToJson(invoice.value()));
    });

    router.add("GET", u"/admin/v1/invoices/{id}/pdf"_s, Scope::Admin,
               [&invoices, renderPdf](const RequestContext &ctx) -> Result<HttpResponse> {
                   return pdfOf(invoices.invoice(ctx.params.value(u"id"_s)), renderPdf);
               });

    router.add("GET", u"/admin/v1/invoices/{id}/payments"_s, Scope::Admin,
               [&invoices](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto attempts = invoices.payments(ctx.params.value(u"id"_s));
                   if (!attempts)
                       return attempts.error();
                   QJsonArray items;
                   for (const Storage::PaymentAttempt &a : attempts.value())
                       items.append(Storage::paymentAttemptToJson(a));
                   return HttpResponse::json(QJsonObject{{u"items"_s, items}});
               });

    router.add("POST", u"/admin/v1/invoices/{id}/pay"_s, Scope::Admin,
               [&invoices](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   JsonFields fields(body.value());
                   fields.allowOnly({u"reference"_s});
                   const QString reference = fields.string(u"reference"_s, true);
                   if (Status ok = fields.finish(); !ok)
                       return ok.error();
                   auto paid = invoices.markPaid(adminActor(ctx), ctx.params.value(u"id"_s), reference);
                   if (!paid)
                       return paid.error();
                   return HttpResponse::json(Billing::invoiceToJson(paid.value()));
               });

    router.add("POST", u"/admin/v1/invoices/{id}/collect"_s, Scope::Admin,
               [&invoices](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto charged = invoices.collect(adminActor(ctx), ctx.params.value(u"id"_s));
                   if (!charged)
                       return charged.error();
                   return HttpResponse::json(Billing::invoiceToJson(charged.value()));
               });

    router.add("POST", u"/admin/v1/invoices/{id}/void"_s, Scope::Admin,
               [&invoices](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto moved = invoices.voidInvoice(adminActor(ctx), ctx.params.value(u"id"_s));
                   if (!moved)
                       return moved.error();
                   return HttpResponse::json(Billing::invoiceToJson(moved.value()));
               });

    router.add("POST", u"/admin/v1/invoices/{id}/uncollectible"_s, Scope::Admin,
               [&invoices](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto moved = invoices.markUncollectible(adminActor(ctx), ctx.params.value(u"id"_s));
                   if (!moved)
                       return moved.error();
                   return HttpResponse::json(Billing::invoiceToJson(moved.value()));
               });

    router.add("POST", u"/admin/v1/invoices/{id}/credit-notes"_s, Scope::Admin,
               [&invoices](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto body = parseJsonObject(ctx.request);
                   if (!body)
                       return body.error();
                   auto original = invoices.invoice(ctx.params.value(u"id"_s));
                   if (!original)
                       return original.error();
                   JsonFields fields(body.value());
                   fields.allowOnly({u"reason"_s, u"lines"_s});
                   const QString reason = fields.string(u"reason"_s, true);
                   if (Status ok = fields.finish(); !ok)
                       return ok.error();
                   auto lines = readCreditLines(body.value(), original->currency);
                   if (!lines)
                       return lines.error();
                   auto note = invoices.creditNote(adminActor(ctx), original->id, lines.value(), reason);
                   if (!note)
                       return note.error();
                   return HttpResponse::json(Billing::invoiceToJson(note.value()), 201);
               });

    router.add("POST", u"/admin/v1/billing/run"_s, Scope::Admin, [triggerRun](const RequestContext &) -> Result<HttpResponse> {
        if (!triggerRun)
            return Error::unavailable(u"billing-run-unavailable"_s, u"This server does not run billing."_s);
        triggerRun();
        return HttpResponse::json(QJsonObject{{u"scheduled"_s, true}}, 202);
    });

    // The same run, for a caller that watches it to its end (the console's Run Billing Now).
    auto watched = std::make_shared<WatchedRuns>(invoices);
    const bool runsBilling = bool(triggerRun);
    const auto unavailable = [] {
        return Error::unavailable(u"billing-run-unavailable"_s, u"This server does not run billing."_s);
    };
    router.add("POST", u"/admin/v1/billing/runs"_s, Scope::Admin,
               [watched, runsBilling, unavailable](const RequestContext &) -> Result<HttpResponse> {
                   if (!runsBilling)
                       return unavailable();
                   auto started = watched->start();
                   if (!started)
                       return started.error();
                   return HttpResponse::json(started.value(), 202);
               });
    router.add("GET", u"/admin/v1/billing/runs/{id}"_s, Scope::Admin,
               [watched](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto run = watched->state(ctx.params.value(u"id"_s));
                   if (!run)
                       return run.error();
                   return HttpResponse::json(run.value());
               });
    router.add("POST", u"/admin/v1/billing/runs/{id}/stop"_s, Scope::Admin,
               [watched](const RequestContext &ctx) -> Result<HttpResponse> {
                   bool running = false;
                   auto run = watched->stop(ctx.params.value(u"id"_s), &running);
                   if (!run)
                       return run.error();
                   return HttpResponse::json(run.value(), running ? 202 : 200);
               });

    router.add("GET", u"/api/v1/billing/invoices"_s, Scope::Tenant,
               [&invoices, &directory](const RequestContext &ctx) -> Result<HttpResponse> {
                   Storage::InvoiceFilter filter;
                   filter.tenantId = ctx.tenant->tenant->id;
                   filter.excludeDrafts = true;
                   return listed(invoices, directory, filter, ctx.request.query);
               });

    router.add("GET", u"/api/v1/billing/invoices/{id}"_s, Scope::Tenant,
               [&invoices](const RequestContext &ctx) -> Result<HttpResponse> {
                   auto invoice = ownInvoice(invoices, ctx);
                   if (!invoice)
                       return invoice.error();
                   return HttpResponse::json(Billing::invoiceToJson(invoice.value()));
               });

    router.add("GET", u"/api/v1/billing/invoices/{id}/pdf"_s, Scope::Tenant,
               [&invoices, renderPdf](const RequestContext &ctx) -> Result<HttpResponse> {
                   return pdfOf(ownInvoice(invoices, ctx), renderPdf);
               });
}

} // namespace Tenantry::Http
