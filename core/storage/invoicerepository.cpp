#include "core/storage/invoicerepository.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage::InvoiceRepository {
namespace {

const QString kColumns = u"id, number, tenant_id, kind, corrects, status, currency, period_start, period_end, "
                         "subtotal_minor, tax_minor, total_minor, amount_paid_minor, issued_at, due_at, paid_at, "
                         "document, created_at, updated_at, covers_period"_s;

QString documentText(const QJsonObject &document)
{
    return QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact));
}

StoredInvoice read(const QSqlQuery &q)
{
    StoredInvoice s;
    s.id = q.value(0).toString();
    s.number = q.value(1).toString();
    s.tenantId = q.value(2).toString();
    s.kind = q.value(3).toString();
    s.corrects = q.value(4).toString();
    s.status = q.value(5).toString();
    s.currency = q.value(6).toString();
    s.periodStartMs = q.value(7).toLongLong();
    s.periodEndMs = q.value(8).toLongLong();
    s.subtotalMinor = q.value(9).toLongLong();
    s.taxMinor = q.value(10).toLongLong();
    s.totalMinor = q.value(11).toLongLong();
    s.amountPaidMinor = q.value(12).toLongLong();
    s.issuedMs = q.value(13).toLongLong();
    s.dueMs = q.value(14).toLongLong();
    s.paidMs = q.value(15).toLongLong();
    s.document = QJsonDocument::fromJson(q.value(16).toString().toUtf8()).object();
    s.createdMs = q.value(17).toLongLong();
    s.updatedMs = q.value(18).toLongLong();
    s.coversPeriod = q.value(19).toInt() != 0;
    return s;
}

// Every row a SELECT of kColumns gave.
Result<QList<StoredInvoice>> readAll(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    QList<StoredInvoice> out;
    while (q->next())
        out.append(read(q.value()));
    return out;
}

Result<QString> currentStatus(QSqlDatabase &tx, const QString &id)
{
    auto q = runQuery(tx, u"SELECT status FROM invoices WHERE id = ?"_s, {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"invoice-not-found"_s, u"No invoice '%1'."_s.arg(id));
    return q->value(0).toString();
}

Status rewrite(QSqlDatabase &tx, const StoredInvoice &s, const QString &newStatus)
{
    auto status = currentStatus(tx, s.id);
    if (!status)
        return status.error();
    if (status.value() != u"draft"_s)
        return Error::conflict(u"invoice-finalized"_s,
                               u"Invoice %1 is finalized (%2): it never changes; issue a credit note to correct it."_s
                                   .arg(s.number.isEmpty() ? s.id : s.number, status.value()));
    auto q = runQuery(tx,
                      u"UPDATE invoices SET number = ?, status = ?, currency = ?, subtotal_minor = ?, tax_minor = ?, "
                      "total_minor = ?, issued_at = ?, due_at = ?, document = ?, updated_at = ? "
                      "WHERE id = ? AND status = 'draft'"_s,
                      {textOrNull(s.number), newStatus, s.currency, s.subtotalMinor, s.taxMinor, s.totalMinor,
                       timeOrNull(s.issuedMs), timeOrNull(s.dueMs), documentText(s.document), s.updatedMs, s.id});
    if (!q)
        return q.error();
    return {};
}

} // namespace

Status insert(QSqlDatabase &tx, const StoredInvoice &s)
{
    if (s.coversPeriod) {
        auto existing = runQuery(tx,
                                 u"SELECT number, id FROM invoices WHERE tenant_id = ? AND covers_period = 1 "
                                 "AND period_start = ? AND period_end = ?"_s,
                                 {s.tenantId, s.periodStartMs, s.periodEndMs});
        if (!existing)
            return existing.error();
        if (existing->next())
            return Error::conflict(u"invoice-exists"_s, u"The tenant already has invoice %1 for this period."_s.arg(
                                                            existing->value(0).toString().isEmpty()
                                                                ? existing->value(1).toString()
                                                                : existing->value(0).toString()));
    }
    auto q = runQuery(tx,
                      u"INSERT INTO invoices ("_s + kColumns
                          + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      {s.id, textOrNull(s.number), s.tenantId, s.kind, textOrNull(s.corrects), s.status, s.currency,
                       s.periodStartMs, s.periodEndMs, s.subtotalMinor, s.taxMinor, s.totalMinor, s.amountPaidMinor,
                       timeOrNull(s.issuedMs), timeOrNull(s.dueMs), timeOrNull(s.paidMs), documentText(s.document), s.createdMs,
                       s.updatedMs, s.coversPeriod ? 1 : 0});
    if (!q)
        return q.error();
    return {};
}

Status replaceDraft(QSqlDatabase &tx, const StoredInvoice &s)
{
    return rewrite(tx, s, u"draft"_s);
}

Status finalize(QSqlDatabase &tx, const StoredInvoice &s)
{
    return rewrite(tx, s, u"open"_s);
}

Status moveStatus(QSqlDatabase &tx, const QString &id, const QString &from, const QString &to, qint64 amountPaidMinor,
                  qint64 paidMs, qint64 nowMs)
{
    auto q = runQuery(tx,
                      u"UPDATE invoices SET status = ?, amount_paid_minor = ?, paid_at = ?, updated_at = ? "
                      "WHERE id = ? AND status = ?"_s,
                      {to, amountPaidMinor, timeOrNull(paidMs), nowMs, id, from});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1) {
        auto status = currentStatus(tx, id);
        if (!status)
            return status.error();
        return Error::conflict(u"invoice-status-changed"_s,
                               u"The invoice is %1 now, not %2: nothing was changed."_s.arg(status.value(), from));
    }
    return {};
}

Result<std::optional<StoredInvoice>> find(QSqlDatabase &db, const QString &id)
{
    auto q = runQuery(db, u"SELECT "_s + kColumns + u" FROM invoices WHERE id = ? OR number = ?"_s, {id, id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredInvoice>();
    return std::optional<StoredInvoice>(read(q.value()));
}

Result<QList<StoredInvoice>> list(QSqlDatabase &db, const InvoiceFilter &filter)
{
    QString where = u" WHERE 1 = 1"_s;
    QVariantList values;
    if (!filter.tenantId.isEmpty()) {
        where += u" AND tenant_id = ?"_s;
        values.append(filter.tenantId);
    }
    if (!filter.status.isEmpty()) {
        where += u" AND status = ?"_s;
        values.append(filter.status);
    }
    if (filter.excludeDrafts)
        where += u" AND status <> 'draft'"_s;
    values.append(std::clamp(filter.limit, 1, 1000));
    return readAll(runQuery(db, u"SELECT "_s + kColumns + u" FROM invoices"_s + where
                                    + u" ORDER BY created_at DESC, id DESC LIMIT ?"_s,
                                values));
}

Result<QList<StoredInvoice>> allOpen(QSqlDatabase &db)
{
    return readAll(runQuery(db, u"SELECT "_s + kColumns + u" FROM invoices WHERE status = 'open' ORDER BY created_at, id"_s, {}));
}

} // namespace Tenantry::Storage::InvoiceRepository
