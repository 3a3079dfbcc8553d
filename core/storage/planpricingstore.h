#pragma once

#include "core/base/result.h"
#include "core/billing/planpricing.h"
#include "core/storage/auditrecorder.h"
#include "core/storage/catalog.h"

#include <QJsonObject>
#include <optional>

namespace Tenantry::Storage {

// What a plan costs and which isolation strategy new tenants on it get (columns pricing and
// isolation of table plans, migration 0008). Limits stay with the quota system.
struct PricedPlan {
    QString name;
    QString displayName;
    QString isolation;                        // "shared", "schema", "database"; "" for none
    std::optional<Billing::PlanPricing> pricing; // nullopt: the plan is not for sale
};

// Plan prices in the catalog. Thread-safe (each thread uses its own catalog connection).
class PlanPricingStore final
{
public:
    PlanPricingStore(Catalog &catalog, AuditRecorder &audit) : m_catalog(catalog), m_audit(audit) {}

    // Seeds the shipped plans (resources/billing/plans.json, in the binary as
    // ":/billing/plans.json"): a plan the catalog lacks is added (without limits), and a plan
    // without pricing gets the shipped pricing and isolation. Never overwrites an operator's
    // pricing, so it is safe at every start.
    Status seedShippedPlans(qint64 nowMs);

    // Errors: NotFound "plan-not-found".
    Result<PricedPlan> plan(const QString &name);
    Result<QList<PricedPlan>> plans();
    // Replaces the plan's pricing (planPricingFromJson()) and, when `isolation` is not empty,
    // its isolation strategy, with an audit entry "plan.pricing", all or nothing.
    // Errors: "plan-not-found", Invalid "invalid-plan-pricing", "invalid-isolation".
    Result<PricedPlan> putPricing(const Actor &actor, const QString &name, const QJsonObject &pricing,
                                  const QString &isolation, qint64 nowMs);

    // The same, inside the caller's transaction.
    static Result<PricedPlan> find(QSqlDatabase &db, const QString &name);

private:
    Catalog &m_catalog;
    AuditRecorder &m_audit;
};

// The JSON an API shows for a priced plan: {"name", "display_name", "isolation", "pricing"}.
QJsonObject pricedPlanToJson(const PricedPlan &plan);

} // namespace Tenantry::Storage
