#pragma once

#include "core/storage/spaceaddress.h"
#include "core/storage/tenantdataaccess.h"

#include <QSqlDatabase>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>

namespace Tenantry::Storage {

struct RouterLimits {
    int maxConnections = 32; // open tenant-data connections, all threads together
    int maxPerTenant = 4;    // transactions one tenant may hold open at once, all threads together
    std::chrono::seconds idleTimeout{60};         // an unused connection is closed after this
    std::chrono::milliseconds acquireTimeout{2000}; // how long to wait for a free connection
};

struct RouterStats {
    int open = 0;           // connections open now
    int maxConnections = 0;
    int busyTenants = 0;    // tenants with a transaction open now
};

// Opens a connection to `space` under `connectionName` on the calling thread, logged in with
// the credentials tenant data is accessed with (on PostgreSQL the application role, never
// the owner). Supplied by the DataPlane, which knows those credentials.
using ConnectionFactory = std::function<Result<QSqlDatabase>(const SpaceAddress &space, const QString &connectionName)>;

// The ConnectionRouter: given a tenant, a transaction on the right database, schema and role.
//
// Connections are Qt's, so each belongs to the thread that opened it: every thread keeps its
// own small pool, while the limits hold across all threads. Tenants whose data shares a
// database (PostgreSQL shared tables and schemas, the shared SQLite file) share connections;
// the tenant is chosen per transaction (SET LOCAL of tenantry.tenant_id and search_path), so
// nothing survives into the next transaction on that connection. A database or file per
// tenant gets its own connection, closed again when idle or when the overall limit needs
// room, so 10,000 tenants never mean 10,000 open connections. Thread-safe.
class ConnectionRouter final : public TenantDataAccess
{
public:
    ConnectionRouter(SpaceNames names, Dialect dialect, ConnectionFactory factory, RouterLimits limits = {});
    ~ConnectionRouter() override;

    // See TenantDataAccess. Transactions do not nest on one thread (a nested call is an
    // internal error): SQLite would deadlock on its own write lock.
    Status run(const Tenant &tenant, const std::function<Status(TenantSession &)> &work) override;

    // How many transactions `tenant` may hold open at once, when its plan says (a positive
    // number; 0 or less: RouterLimits::maxPerTenant). Set before the router is used; called
    // under the router's lock, so it must be quick and must not call back into the router.
    void setTenantShare(std::function<int(const Tenant &)> share);

    RouterStats stats() const;
    const RouterLimits &limits() const { return m_limits; }
    // Closes the calling thread's connections that have been idle past the idle timeout.
    // Other threads do the same on their next transaction.
    void closeIdle();
    // Closes every connection to `space`: the calling thread's at once, other threads' before
    // their next use. Called before a database or file is dropped.
    void retire(const SpaceAddress &space);
    // The tenants whose data was used since the last call (for storage sampling).
    QStringList takeTouched();

    struct Shared; // state shared with each thread's pool, which may outlive the router

private:
    SpaceNames m_names;
    Dialect m_dialect;
    ConnectionFactory m_factory;
    RouterLimits m_limits;
    std::function<int(const Tenant &)> m_tenantShare;
    std::shared_ptr<Shared> m_shared;
};

} // namespace Tenantry::Storage
