#pragma once

#include "core/base/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace Tenantry::Storage {

// One versioned schema change shipped as a resource file "NNNN_name.sql".
struct Migration {
    int version = 0;
    QString name;
    QString sql;
};

// The migrations under a resource directory (e.g. ":/sql/catalog"), ordered by version.
QList<Migration> loadMigrations(const QString &directory);

// Splits a migration into statements: each ends with ';' at the end of a line; "--"
// comment lines are dropped. Good enough for our own migrations, which keep to that form
// (a PL/pgSQL body would need dollar quoting, which this does not parse).
QStringList splitStatements(const QString &sql);

// Runs `migration`'s statements on `db` (the caller owns the transaction) and records it
// in `versionTable` (version, name, applied_at), created on first use by
// ensureVersionTable().
Status applyMigration(QSqlDatabase &db, const Migration &migration, const QString &versionTable);
Status ensureVersionTable(QSqlDatabase &db, const QString &versionTable);
// The highest version recorded in `versionTable`; 0 when none.
Result<int> appliedVersion(QSqlDatabase &db, const QString &versionTable);

} // namespace Tenantry::Storage
