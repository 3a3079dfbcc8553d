#pragma once

#include "core/base/clock.h"
#include "core/http/router.h"
#include "core/storage/billingsettingsstore.h"

namespace Tenantry::Http {

// Billing administration:
//   GET /admin/v1/billing/settings, PUT /admin/v1/billing/settings (a partial document: the
//   keys it has change, all or nothing)
void registerBillingRoutes(Router &router, Storage::BillingSettingsStore &settings, const Clock &clock);

} // namespace Tenantry::Http
