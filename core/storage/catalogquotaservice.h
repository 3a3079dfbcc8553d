#pragma once

#include "core/base/clock.h"
#include "core/quota/quotagate.h"
#include "core/quota/quotaservice.h"
#include "core/storage/auditrecorder.h"
#include "core/storage/catalog.h"
#include "core/tenancy/tenantdirectory.h"

#include <atomic>

namespace Tenantry::Storage {

// QuotaService on the catalog (plans, tenant_quotas and quota_counters of migration 0005),
// feeding the request path's QuotaPolicies. Thread-safe.
class CatalogQuotaService final : public Quota::QuotaService
{
public:
    // All borrowed; they must outlive the service.
    CatalogQuotaService(Catalog &catalog, AuditRecorder &audit, Quota::QuotaPolicies &policies, const Clock &clock);

    Result<QList<Quota::Plan>> plans() override;
    Result<Quota::Plan> plan(const QString &name) override;
    Result<Quota::Plan> putPlan(const Actor &actor, const QString &name, const QString &displayName,
                                const QJsonObject &limits) override;
    Result<Quota::TenantQuotaSettings> settings(const Tenant &tenant) override;
    Result<Quota::TenantQuotaSettings> setOverrides(const Actor &actor, const Tenant &tenant,
                                                    const QJsonObject &overrides) override;

    // Loads every plan and override into the policies.
    Status load();
    // Loads again when another process changed plans or overrides since the last load.
    Result<bool> refreshIfChanged();

    // Writes the request path's counters (only rows that changed since the last successful
    // save) and deletes rows of windows that ended, in one transaction.
    Status saveCounters(const QList<Quota::CounterRow> &rows);
    // The persisted counters of windows that have not ended at `nowMs`.
    Result<QList<Quota::CounterRow>> liveCounters(qint64 nowMs);
    // The latest storage figure of every tenant from the usage rollup, so storage quotas
    // hold from the start, before the first new measurement.
    Result<QHash<QString, qint64>> latestStorage();
    // Gives `gate` what servers saved: the counts of current windows (liveCounters) and the
    // latest storage figures, for the tenants in `directory`. A starting server and the
    // CLI's usage views both begin from this.
    Status restoreInto(Quota::QuotaGate &gate, const TenantDirectory &directory);
    // Removes a tenant's overrides, counters, alerts and webhook (its purge), inside the
    // caller's transaction.
    static Status purgeTenant(QSqlDatabase &tx, const QString &tenantId);

private:
    Status bumpRevision(QSqlDatabase &db);

    Catalog &m_catalog;
    AuditRecorder &m_audit;
    Quota::QuotaPolicies &m_policies;
    const Clock &m_clock;
    std::atomic<qint64> m_loadedRevision{-1};
    // Counter saving runs on one thread (the server's flush timer).
    QHash<QString, qint64> m_saved; // "<tenant>\x1f<dimension>\x1f<index>" -> used, as last saved
    qint64 m_lastCleanupMs = 0;
};

// Makes every server reload plans, overrides and degraded tenants (the quotas revision they
// poll), inside the caller's transaction.
Status bumpQuotasRevision(QSqlDatabase &tx);

} // namespace Tenantry::Storage
