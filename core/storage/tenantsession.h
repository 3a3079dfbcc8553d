#pragma once

#include "core/base/result.h"
#include "core/storage/catalog.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantMap>

namespace Tenantry::Storage {

// One transaction on one tenant's data, handed out by the ConnectionRouter (the only way to
// get one outside tests). Whatever the isolation strategy, the tenant's tables look the
// same and every row carries `tenant_id`; every statement must name the ":tenant"
// placeholder, which is bound here to this session's tenant. A statement without it is
// refused, so the query layer cannot forget whose data it touches.
class TenantSession final
{
public:
    TenantSession(QSqlDatabase db, Dialect dialect, QString tenantId);

    const QString &tenantId() const { return m_tenantId; }
    Dialect dialect() const { return m_dialect; }

    // Prepares and runs `sql` with named placeholders (":name") bound from `values`.
    // Errors: "database-error" (Unavailable) naming what failed; "unique-violation"
    // (Conflict) when a unique constraint refused the write, so callers can name the field.
    //
    // On PostgreSQL a failed statement ends the transaction (it is rolled back at once, since
    // PostgreSQL would refuse everything after it anyway, and statements freed inside an
    // aborted transaction fail noisily); later statements of this session are refused, and the
    // router treats the session as failed whatever the work returns.
    Result<QSqlQuery> exec(const QString &sql, const QVariantMap &values = {});

    // True once a statement failed and (on PostgreSQL) the transaction was rolled back.
    bool rolledBack() const { return m_rolledBack; }

private:
    QSqlDatabase m_db;
    Dialect m_dialect;
    QString m_tenantId;
    bool m_rolledBack = false;
};

} // namespace Tenantry::Storage
