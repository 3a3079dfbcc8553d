#include "core/storage/invoicenumbers.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Storage::InvoiceNumbers {

Result<QString> next(QSqlDatabase &tx, const QString &issuer, const QString &prefix)
{
    // One statement both creates the sequence and takes its row lock; RETURNING reads the
    // value this transaction wrote (SQLite 3.35+ and PostgreSQL).
    auto q = runQuery(tx,
                      u"INSERT INTO invoice_sequences (issuer, last_number) VALUES (?, 1) "
                      "ON CONFLICT (issuer) DO UPDATE SET last_number = invoice_sequences.last_number + 1 "
                      "RETURNING last_number"_s,
                      {issuer});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::internal(u"The invoice sequence of '%1' returned no number."_s.arg(issuer));
    const qint64 n = q->value(0).toLongLong();
    return u"%1-%2"_s.arg(prefix).arg(n, 6, 10, QChar(u'0'));
}

Result<qint64> last(QSqlDatabase &db, const QString &issuer)
{
    auto q = runQuery(db, u"SELECT last_number FROM invoice_sequences WHERE issuer = ?"_s, {issuer});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

} // namespace Tenantry::Storage::InvoiceNumbers
