#pragma once

#include "core/storage/catalog.h"

namespace Tenantry::Storage {

// Invoice numbers without gaps: one sequence per issuer (table invoice_sequences), taken
// inside the transaction that finalizes the invoice. The number is "<prefix>-<n>" with n
// zero-padded to six digits ("INV-000042"). Because the number is taken and used in the
// same transaction, a finalization that fails gives its number back with the rollback, and
// the sequence's row lock (SQLite: the write lock of BEGIN IMMEDIATE) makes concurrent
// finalizations, from any number of servers, take turns: every number is used exactly once,
// in commit order.
namespace InvoiceNumbers {

// The next number of `issuer`'s sequence, with `prefix` ([A-Z0-9]{1,12}, checked by the
// caller's settings).
Result<QString> next(QSqlDatabase &tx, const QString &issuer, const QString &prefix);

// The last number `issuer` used (0 before the first).
Result<qint64> last(QSqlDatabase &db, const QString &issuer);

} // namespace InvoiceNumbers

} // namespace Tenantry::Storage
