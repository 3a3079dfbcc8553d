#pragma once

#include "core/storage/catalog.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace Tenantry::Storage {

// An invoice or credit note as the catalog keeps it (table invoices of migration 0007): the
// columns lists and filters need, and the whole document as JSON (core/billing/invoicejson.h).
struct StoredInvoice {
    QString id;
    QString number;      // "" while a draft
    QString tenantId;
    QString kind;        // "invoice" or "credit_note"
    QString corrects;    // a credit note's invoice id
    QString status;      // draft, open, paid, void, uncollectible
    QString currency;
    qint64 periodStartMs = 0;
    qint64 periodEndMs = 0;
    qint64 subtotalMinor = 0;
    qint64 taxMinor = 0;
    qint64 totalMinor = 0;
    qint64 amountPaidMinor = 0;
    qint64 issuedMs = 0; // 0 until finalized
    qint64 dueMs = 0;
    qint64 paidMs = 0;
    QJsonObject document;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    // The one invoice of a billing period (unique per tenant and period), as opposed to a plan
    // change's or a credit note, of which a period may have any number.
    bool coversPeriod = false;
};

struct InvoiceFilter {
    QString tenantId; // "" for every tenant
    QString status;   // "" for every status
    int limit = 100;
    bool excludeDrafts = false; // what a tenant sees of its own: issued documents only
};

// Every function works in the caller's connection or transaction. A finalized invoice's
// document and amounts never change: only finalize() writes them after the draft, and it
// refuses anything but a draft; later moves change the status, payment and paid columns only.
namespace InvoiceRepository {

// Errors: Conflict "invoice-exists" when `invoice` covers a period the tenant already has an
// invoice for.
Status insert(QSqlDatabase &tx, const StoredInvoice &invoice);
// Replaces a draft wholly (its lines changed). Errors: Conflict "invoice-finalized".
Status replaceDraft(QSqlDatabase &tx, const StoredInvoice &invoice);
// Draft → open with its number, dates and final document. Errors: Conflict "invoice-finalized".
Status finalize(QSqlDatabase &tx, const StoredInvoice &invoice);
// Moves the status from `from` to `to` (the caller checks the move is allowed), recording
// what was paid and when. Errors: Conflict "invoice-status-changed" when it is no longer `from`.
Status moveStatus(QSqlDatabase &tx, const QString &id, const QString &from, const QString &to,
                  qint64 amountPaidMinor, qint64 paidMs, qint64 nowMs);

Result<std::optional<StoredInvoice>> find(QSqlDatabase &db, const QString &id);
// Newest first, at most 1,000 (InvoiceFilter::limit is clamped).
Result<QList<StoredInvoice>> list(QSqlDatabase &db, const InvoiceFilter &filter);
// Every open invoice and credit note of every tenant, oldest first: what the billing run
// collects and checks for being overdue. Unbounded by design: a fleet has a few open
// invoices per tenant at most, and a run must see all of them, not the newest 1,000.
Result<QList<StoredInvoice>> allOpen(QSqlDatabase &db);

} // namespace InvoiceRepository

} // namespace Tenantry::Storage
