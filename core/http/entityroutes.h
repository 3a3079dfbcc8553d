#pragma once

#include "core/http/router.h"
#include "core/records/recordservice.h"
#include "core/tenancy/tenantdirectory.h"

namespace Tenantry::Http {

// Tenants' custom entities and records (see docs/entities.md), for the calling tenant:
//   GET|POST /api/v1/entities
//   GET|PUT|DELETE /api/v1/entities/{entity}                 (ETag: schema_version)
//   GET|POST /api/v1/entities/{entity}/records               (list: filter[..], sort, limit, cursor)
//   GET|PUT|PATCH|DELETE /api/v1/entities/{entity}/records/{id}   (ETag: version; If-Match honoured)
// and the same for operators under /admin/v1/tenants/{slug}/entities…, where schema
// changes are recorded as made by "admin".
void registerEntityRoutes(Router &router, Records::RecordService &records, const TenantDirectory &directory);

} // namespace Tenantry::Http
