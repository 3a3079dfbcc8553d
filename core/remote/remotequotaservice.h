#pragma once

#include "core/quota/quotagate.h"
#include "core/quota/quotaservice.h"

namespace Tenantry::Remote {

class AdminClient;

// Plans and per-tenant quota overrides of a remote `tenantry serve` (GET/PUT
// /admin/v1/plans..., /admin/v1/tenants/{slug}/quotas), behind the same interface as the
// catalog's. Errors are the server's (plan-not-found, invalid-quota-limits with its field
// errors, ...) or the client's. Calls block on the network and are thread-safe. Does not own
// `client`, which must outlive the service.
class RemoteQuotaService final : public Quota::QuotaService
{
public:
    explicit RemoteQuotaService(AdminClient &client);

    Result<QList<Quota::Plan>> plans() override;
    Result<Quota::Plan> plan(const QString &name) override;
    Result<Quota::Plan> putPlan(const Actor &actor, const QString &name, const QString &displayName,
                                const QJsonObject &limits) override;
    Result<Quota::TenantQuotaSettings> settings(const Tenant &tenant) override;
    Result<Quota::TenantQuotaSettings> setOverrides(const Actor &actor, const Tenant &tenant,
                                                    const QJsonObject &overrides) override;

    // The tenant's use of each limited dimension now, as the server's own quota counters
    // say (the same answer as settings() carries).
    Result<QList<Quota::DimensionUsage>> usage(const Tenant &tenant);

private:
    AdminClient &m_client;
};

} // namespace Tenantry::Remote
