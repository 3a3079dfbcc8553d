#include "core/storage/tenantsession.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {

TenantSession::TenantSession(QSqlDatabase db, Dialect dialect, QString tenantId)
    : m_db(std::move(db))
    , m_dialect(dialect)
    , m_tenantId(std::move(tenantId))
{
}

Result<QSqlQuery> TenantSession::exec(const QString &sql, const QVariantMap &values)
{
    if (m_rolledBack)
        return Error::internal(u"A statement ran after a failed one in the same tenant data transaction."_s);
    if (!sql.contains(":tenant"_L1))
        return Error::internal(u"A tenant data statement does not name :tenant: %1"_s.arg(sql.left(80)));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return Error::unavailable(u"database-error"_s,
                                  u"Preparing a tenant data query failed: %1"_s.arg(q.lastError().text()));
    }
    q.bindValue(u":tenant"_s, m_tenantId);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bindValue(u':' + it.key(), it.value());
    if (!q.exec()) {
        const QSqlError e = q.lastError();
        if (m_dialect == Dialect::Postgres) {
            QSqlQuery(m_db).exec(u"ROLLBACK"_s);
            m_rolledBack = true;
        }
        // SQLite reports 2067 (SQLITE_CONSTRAINT_UNIQUE) or 1555 (primary key); PostgreSQL 23505.
        const QString native = e.nativeErrorCode();
        if (native == "23505"_L1 || native == "2067"_L1 || native == "1555"_L1)
            return Error::conflict(u"unique-violation"_s, e.databaseText());
        return Error::unavailable(u"database-error"_s, u"A tenant data query failed: %1"_s.arg(e.text()));
    }
    return q;
}

} // namespace Tenantry::Storage
