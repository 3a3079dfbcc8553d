#pragma once

#include "core/base/clock.h"
#include "core/http/router.h"
#include "core/storage/billingsettingsstore.h"
#include "core/storage/planpricingstore.h"

namespace Tenantry::Http {

// Billing administration:
//   GET /admin/v1/billing/settings, PUT /admin/v1/billing/settings (a partial document: the
//   keys it has change, all or nothing)
//   GET /admin/v1/plans/{name}/pricing, PUT /admin/v1/plans/{name}/pricing ({"pricing": {...},
//   "isolation": "schema"}): what a plan costs (core/billing/planpricing.h) and the isolation
//   strategy its new tenants get
void registerBillingRoutes(Router &router, Storage::BillingSettingsStore &settings, Storage::PlanPricingStore &plans,
                           const Clock &clock);

} // namespace Tenantry::Http
