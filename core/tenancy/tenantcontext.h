#pragma once

#include "core/tenancy/tenant.h"

#include <QString>

#include <memory>

namespace Tenantry {

// Who a request is for and who made it, handed explicitly to every tenant-scoped handler.
// There is deliberately no global or thread-local "current tenant": code that needs the
// tenant must be given this object, which makes every access reviewable.
struct TenantContext {
    std::shared_ptr<const Tenant> tenant; // never null inside a handler
    QString requestId;
    QString identifiedBy; // strategy names that agreed, e.g. "subdomain+header"
    QString principal;    // "api-key:<id>" or "jwt:<sub>"
};

} // namespace Tenantry
