#pragma once

#include "core/base/clock.h"
#include "core/http/router.h"
#include "core/quota/quotagate.h"
#include "core/quota/quotaservice.h"
#include "core/tenancy/tenantdirectory.h"

#include <QJsonArray>

namespace Tenantry::Http {

// Plans and quotas:
//   GET /admin/v1/plans, GET|PUT /admin/v1/plans/{name}
//   GET|PUT /admin/v1/tenants/{slug}/quotas   (PUT replaces the tenant's overrides)
//   GET /api/v1/quotas                        (the calling tenant's own limits and usage)
// Usage comes from `gate`, the same counters the request path checks.
void registerQuotaRoutes(Router &router, Quota::QuotaService &quotas, const Quota::QuotaGate &gate,
                         const TenantDirectory &directory, const Clock &clock);

// The JSON of a tenant's quota settings and usage, as GET .../quotas answers (also for the CLI).
QJsonObject quotaSettingsJson(const Quota::TenantQuotaSettings &settings, const QList<Quota::DimensionUsage> &usage);
QJsonObject planJson(const Quota::Plan &plan);
// The readers of the two, for clients of the admin API: Internal "unexpected-response" when
// the limits cannot be read back.
Result<Quota::Plan> planFromJson(const QJsonObject &json);
Result<Quota::TenantQuotaSettings> quotaSettingsFromJson(const QJsonObject &json);
// The `usage` array of quotaSettingsJson().
QList<Quota::DimensionUsage> usageFromJson(const QJsonArray &json);

} // namespace Tenantry::Http
