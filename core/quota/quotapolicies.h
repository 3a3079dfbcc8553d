#pragma once

#include "core/quota/limits.h"
#include "core/quota/quotawindow.h"
#include "core/tenancy/tenant.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>

namespace Tenantry::Quota {

// Every plan's limits and every tenant's overrides, as the request path reads them.
struct PolicySnapshot {
    quint64 serial = 0; // unique in the process: tells snapshots apart in caches
    QHash<QString, std::shared_ptr<const Limits>> plans;     // by plan name
    // By tenant id, then plan name ("" for a plan that does not exist): the plan's limits
    // with the tenant's overrides merged, made for every plan at once so that a tenant who
    // changes plan is served right away.
    QHash<QString, QHash<QString, std::shared_ptr<const Limits>>> tenants;
    QHash<QString, QJsonObject> overrides;                   // by tenant id, as stored
    QSet<QString> degraded;                                  // tenant ids, see reset()
};

// The limits in force for each tenant: its plan's, with its own overrides on top. Readers
// take an immutable snapshot without locking (one atomic shared_ptr load) and two hash
// lookups, so the request path pays the same for 10 tenants as for 10,000; a reload after
// an operator's change swaps in a new snapshot, so changes apply without a restart. Also
// hands out one WindowClock per time zone. Thread-safe.
class QuotaPolicies final
{
public:
    QuotaPolicies();
    QuotaPolicies(const QuotaPolicies &) = delete;
    QuotaPolicies &operator=(const QuotaPolicies &) = delete;

    // Replaces every plan and override. Overrides were validated when stored; where a plan
    // edited since makes a merge invalid (e.g. a burst whose rate the plan dropped), the
    // plan's limits hold for that tenant.
    void reset(const QHash<QString, Limits> &plans, const QHash<QString, QJsonObject> &overrides);
    // The same, with the ids of tenants degraded for unpaid invoices: whatever their plan
    // and overrides, they get the limits of `degradedPlan` (none when it does not exist)
    // with writesRefused set.
    void reset(const QHash<QString, Limits> &plans, const QHash<QString, QJsonObject> &overrides,
               const QSet<QString> &degraded, const QString &degradedPlan);

    // The limits for `tenant`, never null: its plan's (none for a plan that does not exist)
    // merged with its overrides. For the request path: no lock and no reference count is
    // touched (each thread keeps the snapshot it last saw until a reset() publishes a new
    // one), so the pointer is valid until this thread's second call after a later reset()
    // (or a call on another QuotaPolicies): use it within the request, do not keep it.
    const Limits *limitsFor(const Tenant &tenant) const;

    // The calling thread's view of the current snapshot, valid as limitsFor()'s pointer is,
    // and the limits of `tenant` in it.
    const PolicySnapshot &threadSnapshot() const;
    const Limits *limitsIn(const PolicySnapshot &snapshot, const Tenant &tenant) const;

    std::shared_ptr<const PolicySnapshot> snapshot() const;

    // The calendar windows of `zoneId` (IANA); an unknown zone counts in UTC. The reference
    // stays valid for the lifetime of this object.
    const WindowClock &windowsFor(const QString &zoneId) const;

private:
    const quint64 m_id; // tells instances apart in each thread's cache
    std::atomic<std::shared_ptr<const PolicySnapshot>> m_current;
    std::atomic<quint64> m_generation{0}; // bumped by every reset()
    std::shared_ptr<const Limits> m_none;
    mutable std::mutex m_zonesMutex;
    mutable QHash<QString, std::shared_ptr<WindowClock>> m_zones; // only added to, never removed
};

} // namespace Tenantry::Quota
