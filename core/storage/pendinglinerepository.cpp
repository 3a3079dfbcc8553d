#include "core/storage/pendinglinerepository.h"

#include "core/billing/invoicejson.h"
#include "core/storage/catalog.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage::PendingLineRepository {

Result<qint64> add(QSqlDatabase &tx, const QString &tenantId, const Billing::InvoiceLine &line, qint64 nowMs)
{
    auto taken = takeCounter(tx, u"pending_invoice_lines_last_id"_s);
    if (!taken)
        return taken.error();
    const QJsonObject json = Billing::invoiceLineToJson(line);
    auto inserted = runQuery(tx,
                             u"INSERT INTO pending_invoice_lines (id, tenant_id, created_at, line, amount_minor, currency) "
                             "VALUES (?, ?, ?, ?, ?, ?)"_s,
                             {taken.value(), tenantId, nowMs,
                              QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)),
                              line.amount.minor(), line.amount.currency().code});
    if (!inserted)
        return inserted.error();
    return taken.value();
}

Result<QList<PendingLine>> waiting(QSqlDatabase &db, const QString &tenantId)
{
    auto q = runQuery(db,
                      u"SELECT id, created_at, line, currency FROM pending_invoice_lines "
                      "WHERE tenant_id = ? AND invoice_id IS NULL ORDER BY id"_s,
                      {tenantId});
    if (!q)
        return q.error();
    QList<PendingLine> out;
    while (q->next()) {
        auto currency = Billing::currencyOf(q->value(3).toString());
        if (!currency)
            return currency.error();
        auto line = Billing::invoiceLineFromJson(QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object(),
                                                 currency.value());
        if (!line)
            return Error::internal(u"Pending invoice line %1 cannot be read: %2"_s.arg(q->value(0).toLongLong())
                                       .arg(line.error().message));
        out.append({q->value(0).toLongLong(), tenantId, q->value(1).toLongLong(), std::move(line).value()});
    }
    return out;
}

Status take(QSqlDatabase &tx, const QList<qint64> &ids, const QString &invoiceId)
{
    for (qint64 id : ids) {
        auto q = runQuery(tx, u"UPDATE pending_invoice_lines SET invoice_id = ? WHERE id = ? AND invoice_id IS NULL"_s,
                          {invoiceId, id});
        if (!q)
            return q.error();
        if (q->numRowsAffected() != 1)
            return Error::conflict(u"pending-line-taken"_s,
                                   u"A pending invoice line was taken by another invoice meanwhile; run again."_s);
    }
    return {};
}

} // namespace Tenantry::Storage::PendingLineRepository
