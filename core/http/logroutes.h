#pragma once

#include "core/http/router.h"
#include "core/observe/tenantlog.h"
#include "core/tenancy/tenantdirectory.h"

namespace Tenantry::Http {

// A tenant's structured logs over HTTP (same filters on both):
//   GET /api/v1/logs?from=&to=&kind=request|event&limit=&cursor=   the calling tenant's own
//   GET /admin/v1/tenants/{slug}/logs?…                            any tenant's, for operators
void registerLogRoutes(Router &router, const Observe::TenantLog &logs, const TenantDirectory &directory);

} // namespace Tenantry::Http
