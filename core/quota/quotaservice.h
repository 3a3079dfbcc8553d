#pragma once

#include "core/base/result.h"
#include "core/quota/limits.h"
#include "core/tenancy/audit.h"
#include "core/tenancy/tenant.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace Tenantry::Quota {

// A plan: the limits a tenant on it gets unless overridden.
struct Plan {
    QString name;        // [a-z0-9-]{1,40}
    QString displayName;
    Limits limits;
    QDateTime updatedAt;
};

// A tenant's quota settings: its plan's limits, its overrides and what holds in the end.
struct TenantQuotaSettings {
    QString plan;
    bool planKnown = false;  // false: the tenant's plan does not exist, only overrides apply
    Limits planLimits;
    QJsonObject overrides;   // as stored (the JSON form of limitsjson.h), {} when none
    Limits effective;
};

// Plans and per-tenant quota overrides, as operators read and change them (admin API, CLI,
// console). Every change is validated, written with its audit entry in one transaction,
// and bumps a revision that servers poll, so limits change without a restart.
class QuotaService
{
public:
    virtual ~QuotaService() = default;

    virtual Result<QList<Plan>> plans() = 0;
    // NotFound "plan-not-found".
    virtual Result<Plan> plan(const QString &name) = 0;
    // Creates or replaces a plan. Errors: Invalid "invalid-plan-name", "invalid-quota-limits"
    // (field errors as applyLimitsJson).
    virtual Result<Plan> putPlan(const Actor &actor, const QString &name, const QString &displayName,
                                 const QJsonObject &limits) = 0;

    virtual Result<TenantQuotaSettings> settings(const Tenant &tenant) = 0;
    // Replaces the tenant's overrides ({} removes them). Errors: "invalid-quota-limits",
    // also when the overrides do not fit the tenant's plan (e.g. a burst with no rate).
    virtual Result<TenantQuotaSettings> setOverrides(const Actor &actor, const Tenant &tenant,
                                                     const QJsonObject &overrides) = 0;
};

} // namespace Tenantry::Quota
