#pragma once

#include "core/http/router.h"
#include "core/storage/subscriptionservice.h"
#include "core/tenancy/tenantdirectory.h"

namespace Tenantry::Http {

// Subscriptions (admin):
//   GET  /admin/v1/subscriptions
//   GET  /admin/v1/tenants/{slug}/subscription            the subscription
//   GET  /admin/v1/tenants/{slug}/subscription/history    everything that happened to it
//   POST /admin/v1/tenants/{slug}/subscription            {"plan", "cycle", "trial", "payment_customer"} → 201
//   POST /admin/v1/tenants/{slug}/subscription/preview    {"plan", "cycle", "timing"} → the amounts and "at_ms";
//                                                         with a preview's "at_ms", that preview's amounts again
//   POST /admin/v1/tenants/{slug}/subscription/change     the same plus "at_ms" of a preview → exactly its amounts
//   POST /admin/v1/tenants/{slug}/subscription/cancel     {"at_period_end": true}
//   PUT  /admin/v1/tenants/{slug}/subscription/payment-customer {"payment_customer"}
void registerSubscriptionRoutes(Router &router, Storage::SubscriptionService &subscriptions,
                                const TenantDirectory &directory);

} // namespace Tenantry::Http
