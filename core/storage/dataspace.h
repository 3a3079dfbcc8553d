#pragma once

#include "core/base/result.h"
#include "core/tenancy/tenant.h"

namespace Tenantry::Storage {

// Where a tenant's own data lives, created at registration and removed at purge.
// The tenant data plane (isolation strategies) builds on this seam.
class DataSpace
{
public:
    virtual ~DataSpace() = default;
    // Creates the tenant's data space; idempotent. On error nothing is left behind.
    virtual Status create(const Tenant &tenant) = 0;
    // Removes the tenant's data space and everything in it; succeeds if already gone.
    virtual Status destroy(const Tenant &tenant) = 0;
    // The bytes the tenant's data space holds now; 0 when it has none (never created, or
    // purged). Usage metering samples this for storage figures. Safe to call from any thread.
    virtual Result<qint64> usedBytes(const Tenant &tenant) const = 0;
    // Of `known` tenant ids, those whose usedBytes() may have changed since the last call:
    // storage sampling measures only these. By default all of them.
    virtual QStringList takeChanged(const QStringList &known) { return known; }
};

// A directory per tenant under "<data dir>/tenants/<tenant id>/", holding the tenant's
// local files (its manifest now; logs and embedded databases as they arrive). Named by
// the immutable id, never the slug, so a renamed or re-registered slug cannot reach
// another tenant's files.
class DirectoryDataSpace final : public DataSpace
{
public:
    explicit DirectoryDataSpace(const QString &dataDir);
    Status create(const Tenant &tenant) override;
    Status destroy(const Tenant &tenant) override;
    // The total size of the regular files under the tenant's directory (symbolic links are
    // not followed, so a link cannot make a tenant pay for files outside its space).
    // Errors: "data-space-failed" when the directory exists but cannot be read.
    Result<qint64> usedBytes(const Tenant &tenant) const override;
    QString pathFor(const Tenant &tenant) const;

private:
    QString m_root;
};

} // namespace Tenantry::Storage
