#pragma once

#include "core/base/clock.h"
#include "core/http/router.h"
#include "core/storage/meterrepository.h"
#include "core/tenancy/tenantdirectory.h"

namespace Tenantry::Http {

// Metered usage for billing:
//   POST /admin/v1/meter-events                   {"events": [{"id", "tenant", "dimension", "quantity", "occurred_at"}]}
//   POST /api/v1/meter-events                     the calling tenant's own events (no "tenant")
//   GET  /admin/v1/tenants/{slug}/metered-usage   ?from=&to= (ISO 8601), what a period would bill
// An event id is counted once however often it is sent; a batch is all or nothing.
void registerMeterRoutes(Router &router, Storage::MeterRepository &meter, const TenantDirectory &directory,
                         const Clock &clock);

} // namespace Tenantry::Http
