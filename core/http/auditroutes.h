#pragma once

#include "core/http/router.h"
#include "core/observe/auditlog.h"
#include "core/tenancy/tenantservice.h"

namespace Tenantry::Http {

// The audit trail over HTTP:
//   GET /admin/v1/audit?tenant=<slug>|tenant_id=&actor=&action=&from=&to=&limit=&cursor=
//   GET /admin/v1/audit/export?format=jsonl|csv&<the same filters>
//   GET /admin/v1/audit/verify      — checks the whole hash chain
//   GET /api/v1/audit?...           — a tenant's own trail, and nothing else
// `action` is exact or a prefix ending in ".*"; from/to are ISO 8601 times.
void registerAuditRoutes(Router &router, Observe::AuditLog &audit, TenantService &tenants);

} // namespace Tenantry::Http
