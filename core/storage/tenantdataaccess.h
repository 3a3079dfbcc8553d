#pragma once

#include "core/base/result.h"
#include "core/storage/tenantsession.h"
#include "core/tenancy/tenant.h"

#include <functional>

namespace Tenantry::Storage {

// The only door to tenant data. Implemented by the ConnectionRouter, which picks the data
// space (shared tables, the tenant's schema or its own database) by the tenant's isolation
// strategy. Code above storage/ never opens a tenant database itself.
class TenantDataAccess
{
public:
    virtual ~TenantDataAccess() = default;
    // Runs `work` in one transaction on `tenant`'s data: commits when it succeeds, rolls back
    // when it fails, so a failed operation leaves nothing half-written. Errors besides
    // work's own: "tenant-data-unavailable" (Unavailable) when the data space cannot be
    // reached, "connection-pool-exhausted" (Unavailable, Retry-After) when every
    // connection is busy, "tenant-pool-exhausted" (TooManyRequests) when the tenant holds
    // its whole per-tenant share. Calls may nest only for different tenants.
    virtual Status run(const Tenant &tenant, const std::function<Status(TenantSession &)> &work) = 0;
};

} // namespace Tenantry::Storage
