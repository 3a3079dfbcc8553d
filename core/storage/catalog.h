#pragma once

#include "core/base/result.h"
#include "core/storage/databaseurl.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcCatalog)

namespace Tenantry::Storage {

enum class Dialect { Sqlite, Postgres };

// Where the control-plane catalog lives: an embedded SQLite file in the data directory
// (the default), or a PostgreSQL database when `database` is set.
struct CatalogLocation {
    QString dataDir;                  // always used for local files; created if missing
    std::optional<DatabaseUrl> database;
};

// The control-plane database (tenants, keys and, later, plans, quotas, audit).
// Opening it applies the versioned migrations shipped as resources (":/sql/catalog/NNNN_*.sql")
// and refuses a catalog whose schema is newer than this build knows ("schema-too-new").
// QSqlDatabase connections are per thread: connection() hands out the calling thread's own
// connection, creating it on first use. Thread-safe.
class Catalog final
{
public:
    static Result<std::unique_ptr<Catalog>> open(const CatalogLocation &location);
    ~Catalog();

    Dialect dialect() const { return m_dialect; }
    const QString &dataDir() const { return m_dataDir; }
    // Where the catalog is, without secrets, e.g. "SQLite /home/a/.local/share/Tenantry/catalog.db".
    QString describe() const;
    int schemaVersion() const { return m_schemaVersion; }
    static int latestSchemaVersion();

    // The calling thread's connection. Returns an error if it cannot connect.
    Result<QSqlDatabase> connection();
    // Runs `work` in a transaction on this thread's connection: commits when it succeeds,
    // rolls back when it fails (or the commit fails), so a failed operation changes nothing.
    Status transaction(const std::function<Status(QSqlDatabase &)> &work);
    // A cheap round trip, for readiness probes.
    Status ping();

private:
    Catalog(Dialect dialect, QSqlDatabase prototype, QString dataDir, QString description);
    Status migrate();

    Dialect m_dialect;
    QString m_dataDir;
    QString m_description;
    QString m_prototypeName;
    int m_schemaVersion = 0;
    quint64 m_id; // tells this catalog's connections apart in each thread's table
};

// The error for a failed statement: Unavailable "database-error", "<what>: <driver text>".
Error sqlError(const QString &what, const QSqlError &error);

// Prepares and runs a statement, binding `values` positionally; the error names the
// statement's purpose. Used by every repository so failures read the same everywhere.
Result<QSqlQuery> runQuery(QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

// Values for optional columns: NULL for empty text, or for a time of 0 (unset).
QVariant textOrNull(const QString &text);
QVariant timeOrNull(qint64 ms);

// Adds one to the catalog_state counter `name` and returns its new value. The update takes
// the counter row's lock (on SQLite the transaction already holds the write lock), so ids
// handed out this way are unique and grow in commit order. Errors: Internal when the counter
// does not exist (its migration is missing).
Result<qint64> takeCounter(QSqlDatabase &tx, const QString &name);

} // namespace Tenantry::Storage
