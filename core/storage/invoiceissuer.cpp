#include "core/storage/invoiceissuer.h"

#include "core/billing/invoicejson.h"
#include "core/storage/invoicenumbers.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage::InvoiceIssuer {

void describeCustomer(const Tenant &tenant, Billing::Invoice &invoice)
{
    const QJsonObject &settings = tenant.config.settings;
    invoice.tenantId = tenant.id;
    invoice.tenantSlug = tenant.slug;
    invoice.customer.name = tenant.config.displayName.isEmpty() ? tenant.slug : tenant.config.displayName;
    invoice.customer.address.clear();
    for (const QJsonValue &line : settings.value(u"billing_address"_s).toArray())
        invoice.customer.address.append(line.toString());
    invoice.customer.email = settings.value(u"billing_email"_s).toString();
    invoice.customer.taxId = settings.value(u"tax_id"_s).toString();
    invoice.branding.displayName = invoice.customer.name;
    invoice.branding.accentColor = tenant.config.themeColor;
    invoice.branding.logo = QByteArray::fromBase64(settings.value(u"invoice_logo"_s).toString().toLatin1());
}

StoredInvoice toStored(const Billing::Invoice &invoice, qint64 nowMs)
{
    StoredInvoice row;
    row.id = invoice.id;
    row.number = invoice.number;
    row.tenantId = invoice.tenantId;
    row.kind = Billing::invoiceKindName(invoice.kind);
    row.corrects = invoice.correctsId;
    row.status = Billing::invoiceStatusName(invoice.status);
    row.currency = invoice.currency.code;
    row.periodStartMs = invoice.periodStartMs;
    row.periodEndMs = invoice.periodEndMs;
    row.subtotalMinor = invoice.subtotal.minor();
    row.taxMinor = invoice.tax.minor();
    row.totalMinor = invoice.total.minor();
    row.amountPaidMinor = invoice.amountPaid.minor();
    row.issuedMs = invoice.issuedMs;
    row.dueMs = invoice.dueMs;
    row.paidMs = invoice.paidMs;
    row.document = Billing::invoiceToJson(invoice);
    row.createdMs = nowMs;
    row.updatedMs = nowMs;
    return row;
}

Result<Billing::Invoice> fromStored(const StoredInvoice &stored)
{
    auto invoice = Billing::invoiceFromJson(stored.document);
    if (!invoice)
        return Error::internal(u"Invoice %1 cannot be read: %2"_s.arg(stored.id, invoice.error().message));
    // The document is frozen at finalization; status and payment live in their columns.
    Billing::InvoiceStatus status{};
    if (!Billing::parseInvoiceStatus(stored.status, &status))
        return Error::internal(u"Invoice %1 has an unknown status '%2'."_s.arg(stored.id, stored.status));
    invoice->status = status;
    invoice->amountPaid = Billing::Money(stored.amountPaidMinor, invoice->currency);
    invoice->paidMs = stored.paidMs;
    return invoice;
}

Result<Billing::Invoice> load(QSqlDatabase &db, const QString &id)
{
    auto stored = InvoiceRepository::find(db, id);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return Error::notFound(u"invoice-not-found"_s, u"No invoice '%1'."_s.arg(id));
    return fromStored(**stored);
}

namespace {

Result<Billing::Invoice> store(QSqlDatabase &tx, const Billing::BillingSettings &settings, Billing::Invoice invoice,
                               qint64 nowMs, bool coversPeriod)
{
    invoice.issuer = {settings.issuerName, settings.issuerAddress, settings.issuerTaxId, settings.issuerEmail};
    StoredInvoice draft = toStored(invoice, nowMs);
    draft.coversPeriod = coversPeriod;
    if (Status inserted = InvoiceRepository::insert(tx, draft); !inserted)
        return inserted.error();
    auto number = InvoiceNumbers::next(tx, settings.invoicePrefix, settings.invoicePrefix);
    if (!number)
        return number.error();
    invoice.number = number.value();
    invoice.status = Billing::InvoiceStatus::Open;
    invoice.issuedMs = nowMs;
    invoice.dueMs = nowMs + qint64(settings.paymentTermsDays) * 86'400'000;
    // Nothing to collect: a zero invoice (or a credit note, which gives money back) is
    // settled when it is issued.
    if (invoice.total.isZero() || invoice.kind == Billing::InvoiceKind::CreditNote) {
        invoice.status = Billing::InvoiceStatus::Paid;
        invoice.paidMs = nowMs;
    }
    StoredInvoice row = toStored(invoice, nowMs);
    row.status = u"open"_s;
    if (Status finalized = InvoiceRepository::finalize(tx, row); !finalized)
        return finalized.error();
    if (invoice.status == Billing::InvoiceStatus::Paid) {
        if (Status moved = InvoiceRepository::moveStatus(tx, invoice.id, u"open"_s, u"paid"_s, 0, nowMs, nowMs); !moved)
            return moved.error();
    }
    return invoice;
}

} // namespace

Result<Billing::Invoice> finalizeNew(QSqlDatabase &tx, const Billing::BillingSettings &settings,
                                     Billing::Invoice invoice, qint64 nowMs)
{
    return store(tx, settings, std::move(invoice), nowMs, false);
}

Result<Billing::Invoice> issue(QSqlDatabase &tx, const Billing::BillingSettings &settings, const Tenant &tenant,
                               const Billing::Currency &currency, const QList<Billing::InvoiceLine> &lines,
                               const Billing::BillingPeriod &period, qint64 nowMs, IssuedFor issuedFor)
{
    Billing::Invoice invoice;
    invoice.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    invoice.kind = Billing::InvoiceKind::Invoice;
    invoice.currency = currency;
    invoice.periodStartMs = period.startMs;
    invoice.periodEndMs = period.endMs;
    invoice.lines = lines;
    invoice.taxRatePpm = settings.taxRatePpm;
    if (issuedFor == IssuedFor::PlanChange)
        invoice.memo = u"Plan change"_s;
    invoice.amountPaid = Billing::Money(0, currency);
    describeCustomer(tenant, invoice);
    if (Status totals = Billing::computeTotals(invoice); !totals)
        return totals.error();
    return store(tx, settings, std::move(invoice), nowMs, issuedFor == IssuedFor::Period);
}

} // namespace Tenantry::Storage::InvoiceIssuer
