#include "core/billing/invoice.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {

QString invoiceStatusName(InvoiceStatus status)
{
    switch (status) {
    case InvoiceStatus::Draft: return u"draft"_s;
    case InvoiceStatus::Open: return u"open"_s;
    case InvoiceStatus::Paid: return u"paid"_s;
    case InvoiceStatus::Void: return u"void"_s;
    case InvoiceStatus::Uncollectible: return u"uncollectible"_s;
    }
    return QString();
}

InvoiceLine fixedLine(const QString &kind, const QString &description, const Money &amount, qint64 fromMs,
                      qint64 toMs)
{
    InvoiceLine l;
    l.kind = kind;
    l.description = description;
    l.unitPrice = amount;
    l.amount = amount;
    l.periodStartMs = fromMs;
    l.periodEndMs = toMs;
    return l;
}

bool parseInvoiceStatus(const QString &name, InvoiceStatus *out)
{
    for (const InvoiceStatus s : {InvoiceStatus::Draft, InvoiceStatus::Open, InvoiceStatus::Paid,
                                  InvoiceStatus::Void, InvoiceStatus::Uncollectible}) {
        if (name == invoiceStatusName(s)) {
            *out = s;
            return true;
        }
    }
    return false;
}

bool invoiceMoveAllowed(InvoiceStatus from, InvoiceStatus to)
{
    using S = InvoiceStatus;
    switch (from) {
    case S::Draft: return to == S::Open || to == S::Void;
    case S::Open: return to == S::Paid || to == S::Void || to == S::Uncollectible;
    // Written off, yet the customer may still pay, or it may be cancelled.
    case S::Uncollectible: return to == S::Paid || to == S::Void;
    case S::Paid:
    case S::Void: return false;
    }
    return false;
}

QString invoiceKindName(InvoiceKind kind)
{
    switch (kind) {
    case InvoiceKind::Invoice: return u"invoice"_s;
    case InvoiceKind::CreditNote: return u"credit_note"_s;
    }
    return QString();
}

bool parseInvoiceKind(const QString &name, InvoiceKind *out)
{
    for (const InvoiceKind k : {InvoiceKind::Invoice, InvoiceKind::CreditNote}) {
        if (name == invoiceKindName(k)) {
            *out = k;
            return true;
        }
    }
    return false;
}

namespace {

Error lineMismatch(const Currency &invoice, const Currency &line, qsizetype index)
{
    return Error::invalid(u"currency-mismatch"_s,
                          u"Line %1 is in %2, but the invoice is in %3."_s.arg(index + 1).arg(line.code, invoice.code));
}

} // namespace

Status computeTotals(Invoice &invoice)
{
    const Currency &currency = invoice.currency;
    if (invoice.taxRatePpm < 0)
        return Error::invalid(u"invalid-invoice"_s, u"The tax rate cannot be negative."_s);
    Money subtotal(0, currency);
    for (qsizetype i = 0; i < invoice.lines.size(); ++i) {
        const InvoiceLine &line = invoice.lines[i];
        if (!(line.amount.currency() == currency))
            return lineMismatch(currency, line.amount.currency(), i);
        if (!(line.unitPrice.currency() == currency) && !line.unitPrice.isZero())
            return lineMismatch(currency, line.unitPrice.currency(), i);
        if (!line.details.isEmpty()) {
            Money sum(0, currency);
            for (const InvoiceLineDetail &d : line.details) {
                if (!(d.amount.currency() == currency))
                    return lineMismatch(currency, d.amount.currency(), i);
                if (!(d.unitPrice.currency() == currency) && !d.unitPrice.isZero())
                    return lineMismatch(currency, d.unitPrice.currency(), i);
                auto next = sum.plus(d.amount);
                if (!next)
                    return next.error();
                sum = next.value();
            }
            if (!(sum == line.amount))
                return Error::invalid(u"invalid-invoice"_s,
                                      u"The details of line %1 add up to %2 %3, but the line says %4 %3."_s
                                          .arg(i + 1)
                                          .arg(sum.decimal(), currency.code, line.amount.decimal()));
        }
        auto next = subtotal.plus(line.amount);
        if (!next)
            return next.error();
        subtotal = next.value();
    }
    auto tax = subtotal.scaled(invoice.taxRatePpm, 1'000'000);
    if (!tax)
        return tax.error();
    auto total = subtotal.plus(tax.value());
    if (!total)
        return total.error();
    invoice.subtotal = subtotal;
    invoice.tax = tax.value();
    invoice.total = total.value();
    if (!(invoice.amountPaid.currency() == currency))
        invoice.amountPaid = Money(invoice.amountPaid.minor(), currency);
    return {};
}

Result<Invoice> makeCreditNote(const Invoice &original, const QList<InvoiceLine> &lines,
                               const Money &alreadyCredited, const QString &reason)
{
    using S = InvoiceStatus;
    if (original.kind != InvoiceKind::Invoice
        || !(original.status == S::Open || original.status == S::Paid || original.status == S::Uncollectible))
        return Error::conflict(u"invoice-not-creditable"_s,
                               u"Only an open, paid or uncollectible invoice can be credited; %1 is a %2 %3."_s
                                   .arg(original.number.isEmpty() ? original.id : original.number,
                                        invoiceStatusName(original.status), invoiceKindName(original.kind)));
    if (lines.isEmpty())
        return Error::invalid(u"invalid-credit-note"_s, u"A credit note needs at least one line."_s);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].amount.minor() <= 0)
            return Error::invalid(u"invalid-credit-note"_s,
                                  u"Line %1 of the credit note must give back a positive amount."_s.arg(i + 1));
    }
    if (!(alreadyCredited.currency() == original.currency) && !alreadyCredited.isZero())
        return Error::invalid(u"currency-mismatch"_s,
                              u"Earlier credits are in %1, but the invoice is in %2."_s.arg(
                                  alreadyCredited.currency().code, original.currency.code));

    Invoice note;
    note.kind = InvoiceKind::CreditNote;
    note.correctsId = original.id;
    note.correctsNumber = original.number;
    note.tenantId = original.tenantId;
    note.tenantSlug = original.tenantSlug;
    note.status = S::Draft;
    note.currency = original.currency;
    note.periodStartMs = original.periodStartMs;
    note.periodEndMs = original.periodEndMs;
    note.issuer = original.issuer;
    note.customer = original.customer;
    note.branding = original.branding;
    note.lines = lines;
    note.taxRatePpm = original.taxRatePpm;
    note.amountPaid = Money(0, original.currency);
    note.memo = reason;
    if (Status totals = computeTotals(note); !totals)
        return totals.error();

    const Money credited(alreadyCredited.minor(), original.currency);
    auto remaining = original.total.minus(credited);
    if (!remaining)
        return remaining.error();
    if (note.total.minor() > remaining->minor())
        return Error::invalid(u"credit-exceeds-invoice"_s,
                              u"The credit note's total %1 %2 exceeds what is left to credit on the invoice, %3 %2."_s
                                  .arg(note.total.decimal(), original.currency.code, remaining->decimal()));
    return note;
}

} // namespace Tenantry::Billing
