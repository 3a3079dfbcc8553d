#pragma once

#include "core/http/router.h"
#include "core/storage/quotaalertrepository.h"
#include "core/tenancy/tenantdirectory.h"

namespace Tenantry::Http {

// Quota alerts and where they are sent, over HTTP:
//   GET    /admin/v1/quota-alerts?tenant=<slug>&since=&until=&limit=&cursor=   every tenant's, or one's
//   GET    /admin/v1/tenants/{slug}/quota-alerts?since=&until=&limit=&cursor=
//   GET    /api/v1/quota-alerts?since=&until=&limit=&cursor=   the calling tenant's own, and nothing else
//   GET    /admin/v1/tenants/{slug}/webhook      {"url", "secret_set": true, "updated_at"}
//   PUT    /admin/v1/tenants/{slug}/webhook      {"url": "...", "secret": "..."}
//   DELETE /admin/v1/tenants/{slug}/webhook
// Lists are newest first: {"alerts": [...], "next_cursor": "<id>" | null}; since/until are
// ISO 8601 times (since inclusive, until exclusive), limit 1..1000 (default 100). A PUT
// without "secret" generates one (32 random bytes, base64url) and returns it, once, as
// "secret"; no response ever shows a stored secret. Bad input is Invalid with field errors.
// The repository and directory must outlive the router.
void registerQuotaAlertRoutes(Router &router, Storage::QuotaAlertRepository &repository,
                              const TenantDirectory &directory);

} // namespace Tenantry::Http
