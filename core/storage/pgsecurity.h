#pragma once

#include "core/base/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Tenantry::Storage::PgSecurity {

// The name of the tenant setting row-level security compares tenant_id with. Set per
// transaction only (set_config(..., true)), so it never outlives the transaction.
inline QString tenantSetting() { return QStringLiteral("tenantry.tenant_id"); }

// Makes sure the login role tenant data is accessed with exists and is unprivileged
// (NOSUPERUSER, NOBYPASSRLS, NOCREATEDB, NOCREATEROLE, NOINHERIT), may connect to the
// catalog database and has the password stored in the catalog's data_plane_settings
// (readable by the owner only). `catalog` is an owner connection to the catalog database.
// Returns the password. Errors name what the owner is missing (CREATEROLE).
Result<QString> ensureAppRole(QSqlDatabase &catalog, const QString &role, const QString &catalogDatabase);

// Locks every table of `schema` down for `appRole`: row-level security enabled and forced
// on every table; tables with a tenant_id column get the policy "tenant_rows" (rows whose
// tenant_id is the transaction's tenant setting, for reading and writing) and plain DML
// grants; the owner-only data_migrations table gets a policy for the owner alone and no
// grant. A table without tenant_id other than data_migrations is refused: it could not be
// isolated. Idempotent; run after every migration of the schema.
Status secureSchema(QSqlDatabase &owner, const QString &schema, const QString &appRole);

} // namespace Tenantry::Storage::PgSecurity
