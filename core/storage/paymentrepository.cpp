#include "core/storage/paymentrepository.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Storage::PaymentRepository {
namespace {

const QString kColumns = u"id, invoice_id, tenant_id, gateway, idempotency_key, amount_minor, currency, status, "
                         "gateway_reference, failure_code, failure_message, attempted_at"_s;

Result<QList<PaymentAttempt>> readAll(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    QList<PaymentAttempt> out;
    while (q->next()) {
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                    q->value(4).toString(), q->value(5).toLongLong(), q->value(6).toString(), q->value(7).toString(),
                    q->value(8).toString(), q->value(9).toString(), q->value(10).toString(), q->value(11).toLongLong()});
    }
    return out;
}

} // namespace

Status save(QSqlDatabase &tx, const PaymentAttempt &a)
{
    auto q = runQuery(tx,
                      u"INSERT INTO payments ("_s + kColumns
                          + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO UPDATE SET "
                            "status = excluded.status, gateway_reference = excluded.gateway_reference, "
                            "failure_code = excluded.failure_code, failure_message = excluded.failure_message"_s,
                      {a.id, a.invoiceId, a.tenantId, a.gateway, a.idempotencyKey, a.amountMinor, a.currency, a.status,
                       textOrNull(a.gatewayReference), textOrNull(a.failureCode), textOrNull(a.failureMessage), a.attemptedMs});
    if (!q)
        return q.error();
    return {};
}

Result<std::optional<PaymentAttempt>> findByKey(QSqlDatabase &db, const QString &idempotencyKey)
{
    auto all = readAll(runQuery(db, u"SELECT "_s + kColumns + u" FROM payments WHERE idempotency_key = ?"_s, {idempotencyKey}));
    if (!all)
        return all.error();
    if (all->isEmpty())
        return std::optional<PaymentAttempt>();
    return std::optional<PaymentAttempt>(all->first());
}

Result<QList<PaymentAttempt>> forInvoice(QSqlDatabase &db, const QString &invoiceId)
{
    return readAll(runQuery(db, u"SELECT "_s + kColumns + u" FROM payments WHERE invoice_id = ? ORDER BY attempted_at, id"_s,
                            {invoiceId}));
}

} // namespace Tenantry::Storage::PaymentRepository
