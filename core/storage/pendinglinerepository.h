#pragma once

#include "core/base/result.h"
#include "core/billing/invoice.h"

#include <QList>
#include <QSqlDatabase>

namespace Tenantry::Storage {

// A line waiting for the tenant's next invoice (table pending_invoice_lines): the credit and
// the charge of an immediate plan change, until the next invoice takes them.
struct PendingLine {
    qint64 id = 0;
    QString tenantId;
    qint64 createdMs = 0;
    Billing::InvoiceLine line;
};

// Works in the caller's connection or transaction, so a plan change and its lines, or an
// invoice and the lines it takes, commit together.
namespace PendingLineRepository {

// Appends `line` for the tenant's next invoice; returns its id.
Result<qint64> add(QSqlDatabase &tx, const QString &tenantId, const Billing::InvoiceLine &line, qint64 nowMs);
// The tenant's lines no invoice has taken yet, oldest first.
Result<QList<PendingLine>> waiting(QSqlDatabase &db, const QString &tenantId);
// Marks the lines as taken by `invoiceId`. Errors: Conflict "pending-line-taken" when one was
// taken meanwhile (another server's invoice run).
Status take(QSqlDatabase &tx, const QList<qint64> &ids, const QString &invoiceId);

} // namespace PendingLineRepository

} // namespace Tenantry::Storage
