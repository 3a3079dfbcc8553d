#pragma once

#include "core/base/clock.h"
#include "core/quota/quotagate.h"
#include "widgets/quotas/usagesource.h"

namespace Tenantry::Testing {

// Usage as the embedded server counts it: a real gate over the given policies, read at the
// given clock's now. Tests admit requests through `gate` directly.
class GateUsage final : public Widgets::UsageSource
{
public:
    GateUsage(Quota::QuotaPolicies &policies, const Clock &clock)
        : gate(policies)
        , m_clock(clock)
    {
    }
    Result<QList<Quota::DimensionUsage>> usage(const Tenant &tenant) override
    {
        return gate.usage(tenant, m_clock.now().toMSecsSinceEpoch());
    }
    QString origin() const override { return QStringLiteral("from the test gate"); }

    Quota::QuotaGate gate;

private:
    const Clock &m_clock;
};

} // namespace Tenantry::Testing
