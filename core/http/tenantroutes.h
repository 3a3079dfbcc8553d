#pragma once

#include "core/http/router.h"

#include <functional>

namespace Tenantry::Http {

// The tenant API under /api/v1 (Scope::Tenant: resolved and authenticated by the pipeline;
// also reachable as /t/<slug>/api/v1/... with the path strategy):
//   GET /api/v1/me — the resolved tenant and its public configuration.
void registerTenantRoutes(Router &router);

// Probes for load balancers (Scope::Public): GET /healthz answers while the process runs;
// GET /readyz answers 200 only when `ready` succeeds (e.g. the catalog is reachable).
void registerHealthRoutes(Router &router, std::function<Status()> ready);

} // namespace Tenantry::Http
