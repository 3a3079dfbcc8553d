#pragma once

#include "core/base/result.h"
#include "core/billing/money.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Tenantry::Billing {

// Where an invoice is in its life. Draft invoices change freely; from Open on the amounts are
// fixed and only the status (and what was paid) moves.
enum class InvoiceStatus { Draft, Open, Paid, Void, Uncollectible };

// "draft", "open", "paid", "void", "uncollectible": the names in JSON and the catalog.
QString invoiceStatusName(InvoiceStatus status);
// Reads a name invoiceStatusName() writes; false (and `out` untouched) for anything else.
bool parseInvoiceStatus(const QString &name, InvoiceStatus *out);
// The moves an invoice may make: draft → open | void; open → paid | void | uncollectible;
// uncollectible → paid | void. Paid and void are final; staying put is not a move.
bool invoiceMoveAllowed(InvoiceStatus from, InvoiceStatus to);

// An invoice asks for money; a credit note gives (part of) an invoice's money back.
enum class InvoiceKind { Invoice, CreditNote };

// "invoice", "credit_note".
QString invoiceKindName(InvoiceKind kind);
// Reads a name invoiceKindName() writes; false (and `out` untouched) for anything else.
bool parseInvoiceKind(const QString &name, InvoiceKind *out);

// How a line's amount was computed (a tier of an overage), shown under the line.
struct InvoiceLineDetail {
    QString description; // e.g. "Units 1–1,000"
    qint64 quantity = 0;
    Money unitPrice;
    Money amount;

    bool operator==(const InvoiceLineDetail &) const = default;
};

// One charge or credit on an invoice.
struct InvoiceLine {
    QString kind;        // "plan_fee", "proration_credit", "proration_charge", "overage", "adjustment", "credit"
    QString description; // "Pro plan (monthly), 1 Mar 2026 – 1 Apr 2026"
    QString dimension;   // overage: "api_calls" etc, else ""
    qint64 quantity = 1; // priced units for overage, 1 otherwise
    QString unitLabel;   // "1,000 calls", "GB-month", ""
    Money unitPrice;     // may be zero when the details carry the pricing
    Money amount;        // may be negative (credits for unused time)
    qint64 periodStartMs = 0, periodEndMs = 0; // what the line covers (UTC ms)
    QList<InvoiceLineDetail> details;          // their amounts add up to `amount` when present

    bool operator==(const InvoiceLine &) const = default;
};

// A line of one fixed amount (quantity 1 at that price) covering [fromMs, toMs): plan fees,
// prorations, credits.
InvoiceLine fixedLine(const QString &kind, const QString &description, const Money &amount, qint64 fromMs,
                      qint64 toMs);

// Who issues or receives the invoice.
struct InvoiceParty {
    QString name;
    QStringList address; // one entry per printed line
    QString taxId;
    QString email;

    bool operator==(const InvoiceParty &) const = default;
};

// How the customer's side of the document looks.
struct InvoiceBranding {
    QString displayName; // shown as the customer's name on the document
    QString accentColor; // "#RRGGBB" or "" (default colour)
    QByteArray logo;     // PNG/JPEG bytes or empty

    bool operator==(const InvoiceBranding &) const = default;
};

// An invoice or credit note. A plain value: computeTotals() fills the amounts, storage and
// JSON carry it whole (core/billing/invoicejson.h).
struct Invoice {
    QString id;     // uuid-like, set by the caller
    QString number; // "" while a draft
    InvoiceKind kind = InvoiceKind::Invoice;
    QString correctsId, correctsNumber; // credit note: the invoice it corrects
    QString tenantId, tenantSlug;
    InvoiceStatus status = InvoiceStatus::Draft;
    Currency currency;
    qint64 periodStartMs = 0, periodEndMs = 0;
    qint64 issuedMs = 0, dueMs = 0, paidMs = 0; // 0 = not yet
    InvoiceParty issuer, customer;
    InvoiceBranding branding;
    QList<InvoiceLine> lines;
    qint64 taxRatePpm = 0; // parts per million: 190000 is 19 %
    Money subtotal, tax, total, amountPaid;
    QString memo; // e.g. a credit note's reason

    bool operator==(const Invoice &) const = default;
};

// Fills subtotal (the sum of the lines), tax (subtotal × taxRatePpm / 10^6, rounded once
// with roundHalfEven(): the one tax rule, never per line) and total = subtotal + tax, after
// checking every line and detail is in the invoice's currency and a line's details add up to
// its amount. On error the invoice is left unchanged. Errors: Invalid "currency-mismatch",
// "invalid-invoice" (details do not add up, negative tax rate), "amount-out-of-range".
// Thread safety: a pure function of its argument.
Status computeTotals(Invoice &invoice);

// A credit note correcting `original` (kind invoice; open, paid or uncollectible) by `lines`
// (positive amounts = money given back): tax at the original's rate, the same currency,
// tenant, customer, issuer and branding, status draft, correctsId/correctsNumber set, `reason`
// as memo, totals computed. `alreadyCredited` is the total of the original's earlier credit
// notes; the new note's total must not exceed original.total − alreadyCredited. The caller
// sets id and number. Errors: Conflict "invoice-not-creditable"; Invalid
// "credit-exceeds-invoice", "invalid-credit-note" (no lines, non-positive amounts), and those
// of computeTotals(). Thread safety: a pure function of its arguments.
Result<Invoice> makeCreditNote(const Invoice &original, const QList<InvoiceLine> &lines,
                               const Money &alreadyCredited, const QString &reason);

} // namespace Tenantry::Billing
