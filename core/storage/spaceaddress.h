#pragma once

#include "core/base/result.h"
#include "core/storage/catalog.h"
#include "core/tenancy/tenant.h"

#include <QString>

namespace Tenantry::Storage {

// Where one tenant's data lives, derived from its immutable id and isolation strategy alone
// (never the slug), so a renamed or re-registered slug cannot reach another tenant's data.
struct SpaceAddress {
    enum class Kind {
        SqliteShared,   // <data dir>/data/shared.db, rows scoped by tenant_id
        SqliteFile,     // <data dir>/tenants/<id>/data.db
        PostgresShared, // schema tenant_shared of the catalog database, row-level security
        PostgresSchema, // schema t_<id hex> of the catalog database
        PostgresDatabase, // database <catalog db>_<id hex>, schema tenant_data
    };
    Kind kind = Kind::SqliteShared;
    QString connectionKey; // tenants with equal keys share pooled connections
    QString database;      // SQLite file path, or PostgreSQL database name
    QString schema;        // PostgreSQL schema holding the tenant's tables; empty on SQLite
    bool perTenant = false; // the space belongs to this tenant alone (file, schema, database)

    bool isPostgres() const { return kind >= Kind::PostgresShared; }
};

// Names the data spaces of one installation. Pure: no I/O.
class SpaceNames
{
public:
    // `catalogDatabase`: the PostgreSQL catalog database's name (empty on SQLite).
    SpaceNames(Dialect dialect, QString dataDir, QString catalogDatabase);

    // Errors: "invalid-isolation" for an unknown strategy or one this dialect does not offer,
    // internal for a malformed tenant id.
    Result<SpaceAddress> locate(const Tenant &tenant) const;

    QString sharedSqliteFile() const;
    QString templateSqliteFile() const;
    QString postgresTemplateDatabase() const;
    // The login role tenant data is accessed with: "<catalog db>_app".
    QString postgresAppRole() const;
    static QString sharedSchema() { return QStringLiteral("tenant_shared"); }
    static QString databaseSchema() { return QStringLiteral("tenant_data"); }

    // True for the 36-character lower-case UUID text our tenant ids are; anything else may not
    // become part of a file, schema or database name.
    static bool isTenantId(const QString &id);

private:
    QString databasePrefix() const;

    Dialect m_dialect;
    QString m_dataDir;
    QString m_catalogDatabase;
};

} // namespace Tenantry::Storage
