#include "core/quota/quotapolicies.h"

#include "core/quota/limitsjson.h"

#include <QLoggingCategory>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {
namespace {

std::atomic<quint64> g_nextPoliciesId{1};
std::atomic<quint64> g_nextSnapshotSerial{1};

std::shared_ptr<PolicySnapshot> newSnapshot()
{
    auto snapshot = std::make_shared<PolicySnapshot>();
    snapshot->serial = g_nextSnapshotSerial.fetch_add(1);
    return snapshot;
}

// What each thread last read, so the request path neither locks nor counts references: an
// atomic<shared_ptr> load takes a lock bit and two atomic updates on a line every thread
// shares. Two snapshots deep so a pointer from the previous one survives one swap.
struct ThreadView {
    quint64 owner = 0;
    quint64 generation = 0;
    std::shared_ptr<const PolicySnapshot> current;
    std::shared_ptr<const PolicySnapshot> previous;
    quint64 zonesOwner = 0;
    QHash<QString, const WindowClock *> zones;
};
thread_local ThreadView t_view;

} // namespace

QuotaPolicies::QuotaPolicies()
    : m_id(g_nextPoliciesId.fetch_add(1))
    , m_current(std::shared_ptr<const PolicySnapshot>(newSnapshot()))
    , m_none(std::make_shared<const Limits>())
{
}

void QuotaPolicies::reset(const QHash<QString, Limits> &plans, const QHash<QString, QJsonObject> &overrides)
{
    reset(plans, overrides, {}, QString());
}

void QuotaPolicies::reset(const QHash<QString, Limits> &plans, const QHash<QString, QJsonObject> &overrides,
                          const QSet<QString> &degraded, const QString &degradedPlan)
{
    auto next = newSnapshot();
    for (auto it = plans.begin(); it != plans.end(); ++it)
        next->plans.insert(it.key(), std::make_shared<const Limits>(it.value()));
    next->overrides = overrides;
    next->plans.insert(QString(), m_none);
    for (auto o = overrides.begin(); o != overrides.end(); ++o) {
        QHash<QString, std::shared_ptr<const Limits>> &perPlan = next->tenants[o.key()];
        for (auto p = next->plans.cbegin(); p != next->plans.cend(); ++p) {
            auto merged = applyLimitsJson(*p.value(), o.value());
            perPlan.insert(p.key(), merged ? std::make_shared<const Limits>(merged.value()) : p.value());
        }
    }
    next->plans.remove(QString());
    if (!degraded.isEmpty()) {
        // The per-tenant table the request path already consults, so this costs nothing
        // for tenants in good standing.
        Limits restricted = plans.value(degradedPlan);
        restricted.writesRefused = true;
        const auto shared = std::make_shared<const Limits>(restricted);
        next->degraded = degraded;
        for (const QString &id : degraded) {
            QHash<QString, std::shared_ptr<const Limits>> &perPlan = next->tenants[id];
            perPlan.clear();
            perPlan.insert(QString(), shared); // every plan falls back to it
        }
    }
    m_current.store(std::move(next));
    m_generation.fetch_add(1, std::memory_order_release);
}

const PolicySnapshot &QuotaPolicies::threadSnapshot() const
{
    ThreadView &view = t_view;
    const quint64 generation = m_generation.load(std::memory_order_acquire);
    if (view.owner != m_id || view.generation != generation || !view.current) {
        view.previous = std::move(view.current);
        view.current = m_current.load();
        view.owner = m_id;
        view.generation = generation;
    }
    return *view.current;
}

const Limits *QuotaPolicies::limitsFor(const Tenant &tenant) const
{
    return limitsIn(threadSnapshot(), tenant);
}

const Limits *QuotaPolicies::limitsIn(const PolicySnapshot &current, const Tenant &tenant) const
{
    if (!current.tenants.isEmpty()) {
        const auto overridden = current.tenants.constFind(tenant.id);
        if (overridden != current.tenants.cend()) {
            auto merged = overridden->constFind(tenant.plan);
            if (merged == overridden->cend())
                merged = overridden->constFind(QString());
            return merged != overridden->cend() ? merged.value().get() : m_none.get();
        }
    }
    const auto plan = current.plans.constFind(tenant.plan);
    return plan != current.plans.cend() ? plan.value().get() : m_none.get();
}

std::shared_ptr<const PolicySnapshot> QuotaPolicies::snapshot() const
{
    return m_current.load();
}

const WindowClock &QuotaPolicies::windowsFor(const QString &zoneId) const
{
    ThreadView &view = t_view;
    if (view.zonesOwner != m_id) {
        view.zones.clear();
        view.zonesOwner = m_id;
    }
    if (const auto cached = view.zones.constFind(zoneId); cached != view.zones.cend())
        return *cached.value();
    std::lock_guard lock(m_zonesMutex);
    auto it = m_zones.find(zoneId);
    if (it == m_zones.end()) {
        const QTimeZone zone(zoneId.toUtf8());
        it = m_zones.insert(zoneId, std::make_shared<WindowClock>(zone.isValid() ? zone : QTimeZone::utc()));
    }
    view.zones.insert(zoneId, it.value().get());
    return *it.value();
}

} // namespace Tenantry::Quota
