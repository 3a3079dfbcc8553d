#pragma once

#include "core/base/result.h"
#include "core/billing/billingperiod.h"
#include "core/billing/billingsettings.h"
#include "core/billing/invoice.h"
#include "core/storage/invoicerepository.h"
#include "core/tenancy/tenant.h"

#include <QSqlDatabase>

namespace Tenantry::Storage {

// Turning lines into numbered invoices, the one way every part of billing issues them.
// Every function works in the caller's transaction.
namespace InvoiceIssuer {

// The customer block and branding of `tenant`'s invoices, from its configuration: the display
// name (or slug), the theme colour, and from its settings "billing_address" (array of lines),
// "billing_email", "tax_id" and "invoice_logo" (a base64 PNG or JPEG).
void describeCustomer(const Tenant &tenant, Billing::Invoice &invoice);

// What an invoice bills: a whole billing period (at most one invoice per tenant and period), or
// a plan change within one (any number, even one that starts with the period).
enum class IssuedFor { Period, PlanChange };

// Builds an invoice of `lines` for `period`, computes its totals with the settings' tax rate,
// numbers it from the sequence of the settings' prefix and stores it open, due after the
// payment terms; a total of zero is paid at once. `id` is generated. Errors: those of
// Billing::computeTotals(), InvoiceRepository::insert() (Conflict "invoice-exists" for a second
// invoice of the same period) and InvoiceNumbers::next().
Result<Billing::Invoice> issue(QSqlDatabase &tx, const Billing::BillingSettings &settings, const Tenant &tenant,
                               const Billing::Currency &currency, const QList<Billing::InvoiceLine> &lines,
                               const Billing::BillingPeriod &period, qint64 nowMs, IssuedFor issuedFor = IssuedFor::Period);

// Numbers, dates and stores `invoice` (a draft with its totals computed, e.g. a credit note).
Result<Billing::Invoice> finalizeNew(QSqlDatabase &tx, const Billing::BillingSettings &settings,
                                     Billing::Invoice invoice, qint64 nowMs);

// The catalog row of an invoice and back (the row's document is invoiceToJson()).
StoredInvoice toStored(const Billing::Invoice &invoice, qint64 nowMs);
Result<Billing::Invoice> fromStored(const StoredInvoice &stored);

// The invoice `id`. Errors: NotFound "invoice-not-found".
Result<Billing::Invoice> load(QSqlDatabase &db, const QString &id);

} // namespace InvoiceIssuer

} // namespace Tenantry::Storage
