#pragma once

#include "core/storage/catalog.h"
#include "core/storage/connectionrouter.h"
#include "core/storage/dataspace.h"
#include "core/storage/migrations.h"
#include "core/storage/spacemigrator.h"

#include <memory>
#include <optional>

namespace Tenantry::Storage {

struct DataPlaneOptions {
    RouterLimits limits;
    // The data-plane migrations; empty means the ones shipped for the dialect. Tests add to
    // them to exercise fleet migrations.
    QList<Migration> migrations;
};

// The tenant data plane: every tenant's data space, by isolation strategy, on the catalog's
// dialect. Opening it prepares what all tenants share — the shared space, the template new
// per-tenant spaces are copied from and, on PostgreSQL, the unprivileged role tenant data is
// accessed with — and brings them to the latest schema. Tenant data itself is reached only
// through router(). Methods may be called from any thread.
class DataPlane final : public DataSpace
{
public:
    // `owner`: the PostgreSQL catalog's URL (owner credentials); empty for SQLite.
    static Result<std::unique_ptr<DataPlane>> open(Catalog &catalog, const std::optional<DatabaseUrl> &owner,
                                                   DataPlaneOptions options = {});
    ~DataPlane() override;

    ConnectionRouter &router() { return *m_router; }
    const SpaceNames &names() const { return m_names; }
    Dialect dialect() const { return m_dialect; }
    int latestVersion() const;

    // DataSpace: a per-tenant space is copied from the template (a file copy on SQLite, CREATE
    // DATABASE ... TEMPLATE on PostgreSQL) or, for a schema, created and migrated in one
    // transaction. A shared-strategy tenant needs nothing created. destroy() deletes a shared
    // tenant's rows, drops a schema or database, or deletes the file. usedBytes() is the bytes
    // of the tenant's records, counted the same way under every strategy, so moving a tenant
    // between strategies does not change what it is billed for. takeChanged() names the
    // tenants whose data was used since the last call.
    Status create(const Tenant &tenant) override;
    Status destroy(const Tenant &tenant) override;
    Result<qint64> usedBytes(const Tenant &tenant) const override;
    QStringList takeChanged(const QStringList &known) override;

    // The tenant's space version; brings the space to the latest version. For a shared-strategy
    // tenant these concern the shared space.
    Result<int> version(const Tenant &tenant);
    Result<SpaceMigration> migrate(const Tenant &tenant);

private:
    DataPlane(Catalog &catalog, std::optional<DatabaseUrl> owner, SpaceNames names, DataPlaneOptions options);
    Status prepare();
    Result<QSqlDatabase> openForTenantData(const SpaceAddress &space, const QString &name) const;
    Result<SpaceMigration> migrateAddress(const SpaceAddress &space);
    Status createDatabase(const SpaceAddress &space);

    Catalog &m_catalog;
    Dialect m_dialect;
    std::optional<DatabaseUrl> m_owner;
    SpaceNames m_names;
    DataPlaneOptions m_options;
    DirectoryDataSpace m_directories;
    QString m_appPassword;
    QStringList m_tenantTables;
    std::unique_ptr<ConnectionRouter> m_router;
};

} // namespace Tenantry::Storage
