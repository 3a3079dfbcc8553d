#pragma once

#include "core/base/result.h"
#include "core/storage/catalog.h"
#include "core/storage/migrations.h"

#include <QSqlDatabase>

namespace Tenantry::Storage {

struct SpaceMigration {
    int from = 0; // the space's schema version before
    int to = 0;   // and after
};

// The tenant data plane's migrations for `dialect`: shipped as resources under
// ":/sql/tenant/<sqlite|postgres>/".
QList<Migration> tenantMigrations(Dialect dialect);

// Brings one data space up to the last of `migrations`, in one transaction, so an interrupted
// run leaves the space at its old version or its new one, never between. The space records its
// version in its own data_migrations table. On PostgreSQL `schema` is the space's schema (created
// if missing) and every table is secured for `appRole` afterwards (PgSecurity::secureSchema);
// concurrent migrators of one space wait for each other. `owner` is an owner connection to the
// space's database or file. Errors: "schema-too-new" when the space is newer than `migrations`.
Result<SpaceMigration> migrateSpace(QSqlDatabase &owner, Dialect dialect, const QString &schema,
                                    const QList<Migration> &migrations, const QString &appRole);

// The space's version without changing it; 0 for a space never migrated.
Result<int> spaceVersion(QSqlDatabase &owner, Dialect dialect, const QString &schema);

} // namespace Tenantry::Storage
