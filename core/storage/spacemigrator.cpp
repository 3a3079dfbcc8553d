#include "core/storage/spacemigrator.h"

#include "core/storage/pgsecurity.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

const QString kVersionTable = u"data_migrations"_s;

Result<SpaceMigration> migrateInTransaction(QSqlDatabase &db, Dialect dialect, const QString &schema,
                                            const QList<Migration> &migrations, const QString &appRole)
{
    QSqlQuery q(db);
    if (dialect == Dialect::Postgres) {
        // Schema names are ours ([a-z0-9_]), so they are written inline.
        if (!q.exec(u"SELECT pg_advisory_xact_lock(7316, hashtext('%1'))"_s.arg(schema)))
            return sqlError(u"Cannot lock %1 for migration"_s.arg(schema), q.lastError());
        if (!q.exec(u"CREATE SCHEMA IF NOT EXISTS %1"_s.arg(schema)))
            return sqlError(u"Cannot create schema %1"_s.arg(schema), q.lastError());
        if (!q.exec(u"SELECT set_config('search_path', '%1', true)"_s.arg(schema)))
            return sqlError(u"Cannot choose schema %1"_s.arg(schema), q.lastError());
    }
    if (Status made = ensureVersionTable(db, kVersionTable); !made)
        return made.error();
    auto current = appliedVersion(db, kVersionTable);
    if (!current)
        return current.error();
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (current.value() > latest) {
        return Error::conflict(u"schema-too-new"_s,
                               u"This data space has schema version %1, but this Tenantry only knows up to %2. "
                               "Upgrade Tenantry; it will not touch a newer data space."_s
                                   .arg(current.value())
                                   .arg(latest));
    }
    SpaceMigration out{current.value(), current.value()};
    for (const Migration &m : migrations) {
        if (m.version <= out.to)
            continue;
        if (Status applied = applyMigration(db, m, kVersionTable); !applied)
            return applied.error();
        out.to = m.version;
    }
    if (dialect == Dialect::Postgres) {
        if (Status secured = PgSecurity::secureSchema(db, schema, appRole); !secured)
            return secured.error();
    }
    return out;
}

} // namespace

QList<Migration> tenantMigrations(Dialect dialect)
{
    return loadMigrations(dialect == Dialect::Sqlite ? u":/sql/tenant/sqlite"_s : u":/sql/tenant/postgres"_s);
}

Result<SpaceMigration> migrateSpace(QSqlDatabase &owner, Dialect dialect, const QString &schema,
                                    const QList<Migration> &migrations, const QString &appRole)
{
    QSqlQuery begin(owner);
    if (!begin.exec(dialect == Dialect::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s))
        return sqlError(u"Cannot start a migration"_s, begin.lastError());
    auto result = migrateInTransaction(owner, dialect, schema, migrations, appRole);
    QSqlQuery end(owner);
    if (!result) {
        end.exec(u"ROLLBACK"_s);
        return result;
    }
    if (!end.exec(u"COMMIT"_s)) {
        const Error e = sqlError(u"Cannot commit a migration"_s, end.lastError());
        QSqlQuery(owner).exec(u"ROLLBACK"_s);
        return e;
    }
    return result;
}

Result<int> spaceVersion(QSqlDatabase &owner, Dialect dialect, const QString &schema)
{
    QSqlQuery q(owner);
    const QString table = dialect == Dialect::Postgres ? schema + u'.' + kVersionTable : kVersionTable;
    const QString exists = dialect == Dialect::Postgres
        ? u"SELECT to_regclass('%1') IS NOT NULL"_s.arg(table)
        : u"SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'data_migrations'"_s;
    if (!q.exec(exists) || !q.next())
        return sqlError(u"Cannot read the data space's version"_s, q.lastError());
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(u"SELECT COALESCE(MAX(version), 0) FROM %1"_s.arg(table)) || !q.next())
        return sqlError(u"Cannot read the data space's version"_s, q.lastError());
    return q.value(0).toInt();
}

} // namespace Tenantry::Storage
