#include "core/quota/quotapolicies.h"

#include "core/quota/limitsjson.h"

#include <QLoggingCategory>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {

QuotaPolicies::QuotaPolicies()
    : m_current(std::make_shared<const PolicySnapshot>())
    , m_none(std::make_shared<const Limits>())
{
}

void QuotaPolicies::reset(const QHash<QString, Limits> &plans, const QHash<QString, QJsonObject> &overrides)
{
    auto next = std::make_shared<PolicySnapshot>();
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
    m_current.store(std::move(next));
}

std::shared_ptr<const Limits> QuotaPolicies::limitsFor(const Tenant &tenant) const
{
    const std::shared_ptr<const PolicySnapshot> current = m_current.load();
    const auto overridden = current->tenants.constFind(tenant.id);
    if (overridden != current->tenants.cend()) {
        const auto merged = overridden->constFind(tenant.plan);
        return merged != overridden->cend() ? merged.value() : overridden->value(QString(), m_none);
    }
    return current->plans.value(tenant.plan, m_none);
}

std::shared_ptr<const PolicySnapshot> QuotaPolicies::snapshot() const
{
    return m_current.load();
}

const WindowClock &QuotaPolicies::windowsFor(const QString &zoneId) const
{
    std::lock_guard lock(m_zonesMutex);
    auto it = m_zones.find(zoneId);
    if (it == m_zones.end()) {
        const QTimeZone zone(zoneId.toUtf8());
        it = m_zones.insert(zoneId, std::make_shared<WindowClock>(zone.isValid() ? zone : QTimeZone::utc()));
    }
    return *it.value();
}

} // namespace Tenantry::Quota
