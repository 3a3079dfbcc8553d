#include "core/storage/catalog.h"

#include "core/storage/migrations.h"

#include <QDateTime>
#include <QDir>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUuid>

#include <atomic>

Q_LOGGING_CATEGORY(lcCatalog, "tenantry.catalog")

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

void closeAndRemove(const QString &connectionName)
{
    { // the handle must be gone before removeDatabase(), or Qt warns "still in use"
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

// This thread's catalog connections, by catalog id. Thread-local rather than one table keyed by
// thread id: the system reuses a finished thread's id, and a Qt connection may only be used
// (and closed) by the thread that opened it. They are closed on the thread as it finishes: from
// QThread::finished, which a QThread emits on itself before wait() returns (after that the
// process may be tearing Qt Sql down), or else as the thread-local storage goes away.
struct ThreadConnections {
    QHash<quint64, QString> names;
    bool watchingFinish = false;

    void closeAll()
    {
        for (const QString &name : std::as_const(names))
            closeAndRemove(name);
        names.clear();
    }
    ~ThreadConnections() { closeAll(); }
};
thread_local ThreadConnections t_connections;
std::atomic<quint64> g_nextCatalogId{1};


std::atomic<int> g_catalogCounter{0};

} // namespace

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error::unavailable(u"database-error"_s, u"%1: %2"_s.arg(what, error.text()));
}

Result<QSqlQuery> runQuery(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(u"Preparing a catalog query failed"_s, q.lastError());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(u"A catalog query failed"_s, q.lastError());
    return q;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant timeOrNull(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant(QMetaType(QMetaType::LongLong));
}

Result<qint64> takeCounter(QSqlDatabase &tx, const QString &name)
{
    auto bumped = runQuery(tx, u"UPDATE catalog_state SET value = value + 1 WHERE name = ?"_s, {name});
    if (!bumped)
        return bumped.error();
    auto value = runQuery(tx, u"SELECT value FROM catalog_state WHERE name = ?"_s, {name});
    if (!value)
        return value.error();
    if (!value->next())
        return Error::internal(u"The catalog has no counter '%1' (a migration is missing?)."_s.arg(name));
    return value->value(0).toLongLong();
}

int Catalog::latestSchemaVersion()
{
    const auto all = loadMigrations(u":/sql/catalog"_s);
    return all.isEmpty() ? 0 : all.last().version;
}

Catalog::Catalog(Dialect dialect, QSqlDatabase prototype, QString dataDir, QString description)
    : m_dialect(dialect)
    , m_dataDir(std::move(dataDir))
    , m_description(std::move(description))
    , m_prototypeName(prototype.connectionName())
    , m_id(g_nextCatalogId.fetch_add(1))
{
}

Catalog::~Catalog()
{
    // Connections of other threads that are still running are closed as those threads end.
    if (const QString mine = t_connections.names.take(m_id); !mine.isEmpty())
        closeAndRemove(mine);
    closeAndRemove(m_prototypeName);
}

QString Catalog::describe() const
{
    return m_description;
}

Result<std::unique_ptr<Catalog>> Catalog::open(const CatalogLocation &location)
{
    if (location.dataDir.isEmpty())
        return Error::invalid(u"invalid-data-dir"_s, u"No data directory was given."_s);
    if (!QDir().mkpath(location.dataDir)) {
        return Error::invalid(u"invalid-data-dir"_s,
                              u"Cannot create the data directory %1."_s.arg(location.dataDir));
    }
    const QString name = u"tenantry-catalog-%1-proto"_s.arg(g_catalogCounter.fetch_add(1));
    Dialect dialect;
    QString description;
    QSqlDatabase db;
    if (location.database) {
        const DatabaseUrl &url = *location.database;
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        url.configure(db);
        dialect = Dialect::Postgres;
        description = u"PostgreSQL "_s + url.redacted();
    } else {
        const QString file = QDir(location.dataDir).filePath(u"catalog.db"_s);
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        dialect = Dialect::Sqlite;
        description = u"SQLite "_s + QDir::toNativeSeparators(file);
    }
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return Error::unavailable(u"database-driver-missing"_s,
                                  u"The Qt SQL driver for %1 is not installed."_s.arg(description));
    }
    std::unique_ptr<Catalog> catalog(new Catalog(dialect, db, location.dataDir, description));
    if (Status migrated = catalog->migrate(); !migrated)
        return migrated.error();
    return catalog;
}

Result<QSqlDatabase> Catalog::connection()
{
    if (!t_connections.watchingFinish) {
        t_connections.watchingFinish = true;
        QThread *thread = QThread::currentThread();
        QObject::connect(thread, &QThread::finished, thread, [] { t_connections.closeAll(); }, Qt::DirectConnection);
    }
    QString &name = t_connections.names[m_id];
    if (name.isEmpty()) {
        name = m_prototypeName + u"-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlDatabase::cloneDatabase(m_prototypeName, name);
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.isOpen()) {
        if (!db.open())
            return sqlError(u"Cannot connect to the catalog (%1)"_s.arg(m_description), db.lastError());
        if (m_dialect == Dialect::Sqlite) {
            QSqlQuery q(db);
            // WAL lets the console, the CLI and a server share one catalog file.
            q.exec(u"PRAGMA journal_mode=WAL"_s);
            q.exec(u"PRAGMA foreign_keys=ON"_s);
            q.exec(u"PRAGMA synchronous=NORMAL"_s);
        }
    }
    return db;
}

Status Catalog::transaction(const std::function<Status(QSqlDatabase &)> &work)
{
    auto db = connection();
    if (!db)
        return db.error();
    if (m_dialect == Dialect::Sqlite) {
        // IMMEDIATE takes the write lock up front (waiting up to the busy timeout). A deferred
        // BEGIN that reads first and writes later fails outright with "database is locked"
        // when another process (the CLI, the console, a server) wrote in between.
        QSqlQuery begin(db.value());
        if (!begin.exec(u"BEGIN IMMEDIATE"_s))
            return sqlError(u"Cannot start a catalog transaction"_s, begin.lastError());
    } else if (!db->transaction()) {
        return sqlError(u"Cannot start a catalog transaction"_s, db->lastError());
    }
    Status result = work(db.value());
    if (!result) {
        db->rollback();
        return result;
    }
    if (!db->commit()) {
        const QSqlError e = db->lastError();
        db->rollback();
        return sqlError(u"Cannot commit a catalog transaction"_s, e);
    }
    return {};
}

Status Catalog::ping()
{
    auto db = connection();
    if (!db)
        return db.error();
    auto q = runQuery(db.value(), u"SELECT 1"_s);
    if (!q)
        return q.error();
    return {};
}

Status Catalog::migrate()
{
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery q(db.value());
    if (m_dialect == Dialect::Postgres) {
        // Several servers may start at once against one catalog: one migrates, the others wait.
        if (!q.exec(u"SELECT pg_advisory_lock(7316224601)"_s))
            return sqlError(u"Cannot lock the catalog for migration"_s, q.lastError());
    }
    const auto unlock = qScopeGuard([&] {
        if (m_dialect == Dialect::Postgres)
            QSqlQuery(db.value()).exec(u"SELECT pg_advisory_unlock(7316224601)"_s);
    });
    if (Status made = ensureVersionTable(db.value(), u"schema_migrations"_s); !made)
        return made;
    auto applied = appliedVersion(db.value(), u"schema_migrations"_s);
    if (!applied)
        return applied.error();
    int current = applied.value();
    const QList<Migration> migrations = loadMigrations(u":/sql/catalog"_s);
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (current > latest) {
        return Error::conflict(u"schema-too-new"_s,
                               u"The catalog (%1) has schema version %2, but this Tenantry only knows up "
                               "to %3. Upgrade Tenantry; it will not touch a newer catalog."_s
                                   .arg(m_description)
                                   .arg(current)
                                   .arg(latest));
    }
    for (const Migration &m : migrations) {
        if (m.version <= current)
            continue;
        Status step = transaction([&](QSqlDatabase &tx) { return applyMigration(tx, m, u"schema_migrations"_s); });
        if (!step)
            return step;
        qCInfo(lcCatalog) << "applied catalog migration" << m.name;
        current = m.version;
    }
    m_schemaVersion = current;
    return {};
}

} // namespace Tenantry::Storage
