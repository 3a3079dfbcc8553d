#pragma once

#include "core/http/router.h"
#include "core/tenancy/tenantservice.h"

namespace Tenantry::Http {

// The operator API under /admin/v1 (Scope::Admin: the pipeline checks the admin token):
//   GET    /admin/v1/tenants?q=&status=&plan=&limit=&cursor=
//   POST   /admin/v1/tenants
//   GET    /admin/v1/tenants/{slug}            PATCH (config)     DELETE (= delete action)
//   POST   /admin/v1/tenants/{slug}/{activate|suspend|delete|restore|purge}
//   POST   /admin/v1/tenants/{slug}/clone
//   GET|POST /admin/v1/tenants/{slug}/api-keys   DELETE /admin/v1/tenants/{slug}/api-keys/{id}
// `tenants` must outlive the router.
void registerAdminRoutes(Router &router, TenantService &tenants);

} // namespace Tenantry::Http
