#pragma once

#include "core/base/result.h"
#include "core/quota/quotagate.h"
#include "core/tenancy/tenant.h"

#include <QList>
#include <QString>

namespace Tenantry::Widgets {

// Where the console reads a tenant's current use of its limits. The application decides:
// the embedded server's own counters while it runs, otherwise what servers last saved
// (their periodic quota flush), so the figures are honest about how fresh they are.
class UsageSource
{
public:
    virtual ~UsageSource() = default;

    // Every limited dimension of `tenant` with its use now.
    virtual Result<QList<Quota::DimensionUsage>> usage(const Tenant &tenant) = 0;
    // Where the figures come from, for the reader: "Live from the embedded server", ...
    virtual QString origin() const = 0;
};

} // namespace Tenantry::Widgets
