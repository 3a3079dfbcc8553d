#include "core/storage/dataplane.h"

#include "core/storage/ownerconnection.h"
#include "core/storage/pgsecurity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

Q_LOGGING_CATEGORY(lcDataPlane, "tenantry.dataplane")

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

// Serializes what touches the PostgreSQL template database: migrating it and copying it
// (CREATE DATABASE refuses a template that another session is connected to).
constexpr qint64 kTemplateLock = 7316224604;

Result<bool> databaseExists(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT 1 FROM pg_database WHERE datname = ?"_s);
    q.addBindValue(name);
    if (!q.exec())
        return sqlError(u"Cannot look up database %1"_s.arg(name), q.lastError());
    return q.next();
}

// Copies `from` to `to` through a temporary name, so `to` is either complete or absent.
Status copyFile(const QString &from, const QString &to)
{
    const QString partial = to + u".partial"_s;
    QFile::remove(partial);
    if (!QFile::copy(from, partial))
        return Error::unavailable(u"data-space-failed"_s, u"Cannot copy %1 to %2."_s.arg(from, partial));
    if (!QFile::rename(partial, to)) {
        QFile::remove(partial);
        return Error::unavailable(u"data-space-failed"_s, u"Cannot create %1."_s.arg(to));
    }
    return {};
}

} // namespace

DataPlane::DataPlane(Catalog &catalog, std::optional<DatabaseUrl> owner, SpaceNames names, DataPlaneOptions options)
    : m_catalog(catalog)
    , m_dialect(catalog.dialect())
    , m_owner(std::move(owner))
    , m_names(std::move(names))
    , m_options(std::move(options))
    , m_directories(catalog.dataDir())
{
}

DataPlane::~DataPlane() = default;

Result<std::unique_ptr<DataPlane>> DataPlane::open(Catalog &catalog, const std::optional<DatabaseUrl> &owner,
                                                   DataPlaneOptions options)
{
    if (catalog.dialect() == Dialect::Postgres && !owner)
        return Error::internal(u"A PostgreSQL data plane needs the catalog's URL."_s);
    SpaceNames names(catalog.dialect(), catalog.dataDir(), owner ? owner->database : QString());
    if (options.migrations.isEmpty())
        options.migrations = tenantMigrations(catalog.dialect());
    std::unique_ptr<DataPlane> plane(new DataPlane(catalog, owner, std::move(names), std::move(options)));
    if (Status ready = plane->prepare(); !ready)
        return ready.error();
    return plane;
}

int DataPlane::latestVersion() const
{
    return m_options.migrations.isEmpty() ? 0 : m_options.migrations.last().version;
}

Status DataPlane::prepare()
{
    const QString appRole = m_names.postgresAppRole();
    if (m_dialect == Dialect::Sqlite) {
        if (!QDir().mkpath(QFileInfo(m_names.sharedSqliteFile()).path()))
            return Error::unavailable(u"data-space-failed"_s, u"Cannot create %1."_s.arg(m_names.sharedSqliteFile()));
        for (const QString &file : {m_names.sharedSqliteFile(), m_names.templateSqliteFile()}) {
            auto owner = OwnerConnection::sqlite(file, true, file == m_names.sharedSqliteFile());
            if (!owner)
                return owner.error();
            if (auto migrated = migrateSpace(owner->db(), m_dialect, {}, m_options.migrations, {}); !migrated)
                return migrated.error();
        }
    } else {
        auto catalogDb = m_catalog.connection();
        if (!catalogDb)
            return catalogDb.error();
        auto password = PgSecurity::ensureAppRole(catalogDb.value(), appRole, m_owner->database);
        if (!password)
            return password.error();
        m_appPassword = password.value();
        auto owner = OwnerConnection::postgres(*m_owner, m_owner->database);
        if (!owner)
            return owner.error();
        if (auto migrated = migrateSpace(owner->db(), m_dialect, SpaceNames::sharedSchema(), m_options.migrations, appRole);
            !migrated) {
            return migrated.error();
        }
        // The template every database-per-tenant space is copied from.
        if (Status locked = owner->exec(u"SELECT pg_advisory_lock(%1)"_s.arg(kTemplateLock), u"Cannot lock the template"_s);
            !locked) {
            return locked;
        }
        const auto unlock = qScopeGuard([&] { QSqlQuery(owner->db()).exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(kTemplateLock)); });
        const QString templateDb = m_names.postgresTemplateDatabase();
        auto exists = databaseExists(owner->db(), templateDb);
        if (!exists)
            return exists.error();
        if (!exists.value()) {
            if (Status made = owner->exec(u"CREATE DATABASE %1"_s.arg(templateDb), u"Cannot create the template database"_s); !made)
                return made;
            if (Status s = owner->exec(u"REVOKE ALL ON DATABASE %1 FROM PUBLIC"_s.arg(templateDb),
                                       u"Cannot close the template database"_s);
                !s) {
                return s;
            }
        }
        auto templateOwner = OwnerConnection::postgres(*m_owner, templateDb);
        if (!templateOwner)
            return templateOwner.error();
        if (auto migrated = migrateSpace(templateOwner->db(), m_dialect, SpaceNames::databaseSchema(),
                                         m_options.migrations, appRole);
            !migrated) {
            return migrated.error();
        }
    }

    // The tables holding tenant rows, for purging a shared-strategy tenant.
    {
        auto owner = m_dialect == Dialect::Sqlite ? OwnerConnection::sqlite(m_names.sharedSqliteFile(), false, true)
                                                  : OwnerConnection::postgres(*m_owner, m_owner->database);
        if (!owner)
            return owner.error();
        QSqlQuery q(owner->db());
        const QString sql = m_dialect == Dialect::Sqlite
            ? u"SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS "
              "(SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'tenant_id') ORDER BY m.name"_s
            : u"SELECT table_name FROM information_schema.columns WHERE table_schema = '%1' "
              "AND column_name = 'tenant_id' ORDER BY table_name"_s.arg(SpaceNames::sharedSchema());
        if (!q.exec(sql))
            return sqlError(u"Cannot list the tenant tables"_s, q.lastError());
        while (q.next())
            m_tenantTables.append(q.value(0).toString());
    }

    m_router = std::make_unique<ConnectionRouter>(
        m_names, m_dialect, [this](const SpaceAddress &space, const QString &name) { return openForTenantData(space, name); },
        m_options.limits);
    return {};
}

Result<QSqlDatabase> DataPlane::openForTenantData(const SpaceAddress &space, const QString &name) const
{
    QSqlDatabase db;
    if (m_dialect == Dialect::Sqlite) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        // mode=rw: a purged tenant's missing file stays missing instead of coming back empty.
        db.setDatabaseName(u"file:"_s + QUrl::fromLocalFile(space.database).path(QUrl::FullyEncoded) + u"?mode=rw"_s);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_URI"_s);
        if (Status opened = openSqlite(db); !opened)
            return opened.error();
        if (space.kind == SpaceAddress::Kind::SqliteFile) {
            // A tenant's own file keeps a rollback journal, not a write-ahead log: its
            // connection is opened and closed as tenants come and go, and in WAL mode each
            // open and close creates, checkpoints and deletes the -wal and -shm files, which
            // made a read through a fresh connection cost ~1 ms instead of ~0.2 ms.
            QSqlQuery(db).exec(u"PRAGMA journal_mode=TRUNCATE"_s);
        }
        return db;
    }
    db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    m_owner->configure(db); // the server and its options, but the data role's login
    db.setUserName(m_names.postgresAppRole());
    db.setPassword(m_appPassword);
    db.setDatabaseName(space.database);
    if (!db.open())
        return Error::unavailable(u"database-error"_s, db.lastError().text());
    return db;
}

Status DataPlane::createDatabase(const SpaceAddress &space)
{
    auto owner = OwnerConnection::postgres(*m_owner, m_owner->database);
    if (!owner)
        return owner.error();
    if (Status locked = owner->exec(u"SELECT pg_advisory_lock(%1)"_s.arg(kTemplateLock), u"Cannot lock the template"_s);
        !locked) {
        return locked;
    }
    const auto unlock = qScopeGuard([&] { QSqlQuery(owner->db()).exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(kTemplateLock)); });
    auto exists = databaseExists(owner->db(), space.database);
    if (!exists)
        return exists.error();
    if (exists.value())
        return {};
    if (Status made = owner->exec(u"CREATE DATABASE %1 TEMPLATE %2"_s.arg(space.database, m_names.postgresTemplateDatabase()),
                                  u"Cannot create the tenant's database"_s);
        !made) {
        return made;
    }
    const Status granted = owner->exec(u"REVOKE ALL ON DATABASE %1 FROM PUBLIC"_s.arg(space.database),
                                       u"Cannot close the tenant's database"_s);
    const Status connect = granted ? owner->exec(u"GRANT CONNECT ON DATABASE %1 TO %2"_s.arg(space.database, m_names.postgresAppRole()),
                                                 u"Cannot open the tenant's database to the data role"_s)
                                   : granted;
    if (!connect) {
        (void)owner->exec(u"DROP DATABASE IF EXISTS %1"_s.arg(space.database), {});
        return connect;
    }
    return {};
}

Status DataPlane::create(const Tenant &tenant)
{
    auto space = m_names.locate(tenant);
    if (!space)
        return space.error();
    if (Status dir = m_directories.create(tenant); !dir)
        return dir;
    const auto undo = [&](Status failure) {
        (void)m_directories.destroy(tenant);
        return failure;
    };
    switch (space->kind) {
    case SpaceAddress::Kind::SqliteShared:
    case SpaceAddress::Kind::PostgresShared:
        return {};
    case SpaceAddress::Kind::SqliteFile:
        if (QFileInfo::exists(space->database))
            return {};
        if (Status copied = copyFile(m_names.templateSqliteFile(), space->database); !copied)
            return undo(copied);
        return {};
    case SpaceAddress::Kind::PostgresSchema:
        if (auto made = migrateAddress(space.value()); !made)
            return undo(made.error());
        return {};
    case SpaceAddress::Kind::PostgresDatabase:
        if (Status made = createDatabase(space.value()); !made)
            return undo(made);
        return {};
    }
    return {};
}

Status DataPlane::destroy(const Tenant &tenant)
{
    auto space = m_names.locate(tenant);
    if (!space)
        return space.error();
    switch (space->kind) {
    case SpaceAddress::Kind::SqliteShared:
    case SpaceAddress::Kind::PostgresShared: {
        Status removed = m_router->run(tenant, [&](TenantSession &session) -> Status {
            for (const QString &table : std::as_const(m_tenantTables)) {
                if (auto done = session.exec(u"DELETE FROM %1 WHERE tenant_id = :tenant"_s.arg(table)); !done)
                    return done.error();
            }
            return {};
        });
        if (!removed)
            return removed;
        break;
    }
    case SpaceAddress::Kind::PostgresSchema: {
        auto owner = OwnerConnection::postgres(*m_owner, m_owner->database);
        if (!owner)
            return owner.error();
        if (Status dropped = owner->exec(u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(space->schema),
                                         u"Cannot drop the tenant's schema"_s);
            !dropped) {
            return dropped;
        }
        break;
    }
    case SpaceAddress::Kind::PostgresDatabase: {
        m_router->retire(space.value());
        auto owner = OwnerConnection::postgres(*m_owner, m_owner->database);
        if (!owner)
            return owner.error();
        // FORCE ends other servers' pooled sessions on it; they reconnect on next use and fail.
        if (Status dropped = owner->exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(space->database),
                                         u"Cannot drop the tenant's database"_s);
            !dropped) {
            return dropped;
        }
        break;
    }
    case SpaceAddress::Kind::SqliteFile:
        m_router->retire(space.value());
        break;
    }
    return m_directories.destroy(tenant);
}

Result<qint64> DataPlane::usedBytes(const Tenant &tenant) const
{
    qint64 bytes = 0;
    Status read = m_router->run(tenant, [&](TenantSession &session) -> Status {
        auto q = session.exec(u"SELECT COALESCE(SUM(bytes), 0) FROM entity_usage WHERE tenant_id = :tenant"_s);
        if (!q)
            return q.error();
        if (q->next())
            bytes = q->value(0).toLongLong();
        return {};
    });
    if (!read)
        return read.error();
    return bytes;
}

QStringList DataPlane::takeChanged(const QStringList &known)
{
    QStringList out;
    const QSet<QString> wanted(known.cbegin(), known.cend());
    for (const QString &id : m_router->takeTouched()) {
        if (wanted.contains(id))
            out.append(id);
    }
    return out;
}

Result<SpaceMigration> DataPlane::migrateAddress(const SpaceAddress &space)
{
    const QString appRole = m_names.postgresAppRole();
    switch (space.kind) {
    case SpaceAddress::Kind::SqliteShared:
    case SpaceAddress::Kind::SqliteFile: {
        auto owner = OwnerConnection::sqlite(space.database, false, space.kind == SpaceAddress::Kind::SqliteShared);
        if (!owner)
            return owner.error();
        return migrateSpace(owner->db(), m_dialect, {}, m_options.migrations, {});
    }
    case SpaceAddress::Kind::PostgresShared:
    case SpaceAddress::Kind::PostgresSchema:
    case SpaceAddress::Kind::PostgresDatabase: {
        auto owner = OwnerConnection::postgres(*m_owner, space.database);
        if (!owner)
            return owner.error();
        return migrateSpace(owner->db(), m_dialect, space.schema, m_options.migrations, appRole);
    }
    }
    return Error::internal(u"Unknown data space kind."_s);
}

Result<int> DataPlane::version(const Tenant &tenant)
{
    auto space = m_names.locate(tenant);
    if (!space)
        return space.error();
    auto owner = space->isPostgres() ? OwnerConnection::postgres(*m_owner, space->database)
                                     : OwnerConnection::sqlite(space->database, false,
                                                               space->kind == SpaceAddress::Kind::SqliteShared);
    if (!owner)
        return owner.error();
    return spaceVersion(owner->db(), m_dialect, space->schema);
}

Result<SpaceMigration> DataPlane::migrate(const Tenant &tenant)
{
    auto space = m_names.locate(tenant);
    if (!space)
        return space.error();
    // A per-tenant space that was never made (a tenant registered before its strategy had
    // one) is made now, then migrated like any other.
    if (space->kind == SpaceAddress::Kind::SqliteFile && !QFileInfo::exists(space->database)) {
        if (Status made = create(tenant); !made)
            return made.error();
    } else if (space->kind == SpaceAddress::Kind::PostgresDatabase) {
        if (Status made = createDatabase(space.value()); !made)
            return made.error();
    }
    return migrateAddress(space.value());
}

} // namespace Tenantry::Storage
