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
    Result<QSqlQuery> exec(const QString &sql, const QVariantMap &values = {});

private:
    QSqlDatabase m_db;
    Dialect m_dialect;
    QString m_tenantId;
};

} // namespace Tenantry::Storage
