#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/billing/billingrun.h"
#include "core/billing/invoice.h"
#include "core/billing/paymentgateway.h"
#include "core/billing/subscription.h"
#include "core/storage/auditrecorder.h"
#include "core/storage/billingsettingsstore.h"
#include "core/storage/catalog.h"
#include "core/storage/invoicerepository.h"
#include "core/storage/meterrepository.h"
#include "core/storage/paymentrepository.h"
#include "core/tenancy/tenantdirectory.h"

#include <QMutex>

namespace Tenantry::Storage {

// The run's report and controls live with billing, where the console's BillingService uses them.
using BillingRunReport = Billing::BillingRunReport;
using BillingRunControl = Billing::BillingRunControl;

// Invoices and the money for them: the billing run (renewals with their period's usage
// charges, collection, overdue invoices and dunning), and an operator's actions on an
// invoice. Every step writes the invoice, the payment attempt, the subscription and its
// history together. Thread-safe; runDue() runs one at a time per process, and two servers
// running it at once cannot bill a period twice (one invoice per tenant and period).
class InvoiceService final
{
public:
    InvoiceService(Catalog &catalog, AuditRecorder &audit, TenantDirectory &directory, BillingSettingsStore &settings,
                   MeterRepository &meter, Billing::PaymentGateway &gateway, const Clock &clock);

    // Everything due now: periods that ended are invoiced (the next period's fee in advance,
    // the ended period's usage beyond what the plan includes, lines waiting from plan
    // changes) and renewed; new invoices are collected; open invoices past their due date
    // make their subscription past due; due dunning steps run (retry, degrade, suspend).
    // `control` reports progress and may stop the run between renewals and between stages:
    // every renewal is its own transaction, so a stopped run leaves the rest for the next.
    Result<BillingRunReport> runDue(const BillingRunControl &control = {});

    Result<QList<StoredInvoice>> list(const InvoiceFilter &filter);
    // By id or number. Errors: NotFound "invoice-not-found".
    Result<Billing::Invoice> invoice(const QString &idOrNumber);
    Result<QList<PaymentAttempt>> payments(const QString &idOrNumber);

    // The operator records a payment received outside the gateway (manual gateway).
    // Errors: "invoice-not-found", Conflict "invoice-not-payable" (draft, paid, void, credit note).
    Result<Billing::Invoice> markPaid(const Actor &actor, const QString &idOrNumber, const QString &reference);
    // Charges the invoice through the gateway now. Errors as markPaid(), and the gateway's
    // ("gateway-unavailable", "idempotency-key-reused", …) after the attempt is recorded.
    Result<Billing::Invoice> collect(const Actor &actor, const QString &idOrNumber);
    // open or draft → void; open → uncollectible. Errors: Conflict "invoice-status-changed" /
    // "invalid-invoice-move".
    Result<Billing::Invoice> voidInvoice(const Actor &actor, const QString &idOrNumber);
    Result<Billing::Invoice> markUncollectible(const Actor &actor, const QString &idOrNumber);
    // Issues a credit note correcting the invoice (Billing::makeCreditNote()); its amount
    // before tax is credited to the tenant's next invoice.
    Result<Billing::Invoice> creditNote(const Actor &actor, const QString &idOrNumber,
                                        const QList<Billing::InvoiceLine> &lines, const QString &reason);

private:
    Status renew(const Billing::Subscription &due, BillingRunReport &report);
    Status collectNew(BillingRunReport &report);
    Status markOverdue(BillingRunReport &report);
    Status runDunning(BillingRunReport &report);
    Result<Billing::Invoice> attempt(const Actor &actor, const Billing::Invoice &invoice, const QString &key,
                                     bool dunningRetry, BillingRunReport *report);
    Status settle(QSqlDatabase &tx, const Actor &actor, const QString &tenantId, qint64 nowMs, const QString &why,
                  Tenant *activated);
    Result<Billing::Invoice> move(const Actor &actor, const QString &idOrNumber, Billing::InvoiceStatus to);

    Catalog &m_catalog;
    AuditRecorder &m_audit;
    TenantDirectory &m_directory;
    BillingSettingsStore &m_settings;
    MeterRepository &m_meter;
    Billing::PaymentGateway &m_gateway;
    const Clock &m_clock;
    QMutex m_run;
};

QJsonObject billingRunReportToJson(const BillingRunReport &report);
// Reads what billingRunReportToJson() writes back into an equal report. Errors: Invalid
// "invalid-billing-run-report", with every bad field by its JSON pointer. Thread safety: pure.
Result<BillingRunReport> billingRunReportFromJson(const QJsonObject &json);
QJsonObject paymentAttemptToJson(const PaymentAttempt &attempt);
// An invoice as lists show it: its current status and amounts (the frozen document keeps
// those it was issued with), period and dates, and the tenant's slug when `snapshot` knows it.
QJsonObject invoiceSummaryToJson(const StoredInvoice &row, const DirectorySnapshot &snapshot);
// Reads what invoiceSummaryToJson() writes, as an Invoice with just those parts: id, number,
// kind, the corrected invoice's id (not its number), tenant id and slug ("" when the list did
// not know it), status, currency, total, amount paid, period and dates. The rest of the
// document (parties, branding, lines, tax rate, memo) is not in a summary: empty, with
// subtotal and tax zero. Errors: Invalid "invalid-invoice-summary", with every bad field by
// its JSON pointer. Thread safety: pure.
Result<Billing::Invoice> invoiceSummaryFromJson(const QJsonObject &json);

} // namespace Tenantry::Storage
