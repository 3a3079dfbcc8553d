#pragma once

#include "core/base/result.h"
#include "core/identify/identificationstrategy.h"
#include "core/tenancy/tenantdirectory.h"

#include <memory>
#include <vector>

namespace Tenantry::Identify {

// The outcome of identifying a request's tenant.
struct Resolution {
    std::shared_ptr<const Tenant> tenant;
    QString identifiedBy;           // names of the strategies that named it, joined by '+'
    QByteArray routedPath;          // the path to route (path strategy strips "/t/<slug>")
    std::optional<JwtClaims> token; // set when the JWT strategy verified a bearer token
};

// Runs the configured strategies in order and turns their answers into one tenant.
// Every strategy with a signal must agree: a disagreement is 400 "tenant-ambiguous",
// no signal at all is 400 "tenant-required", a malformed signal is the strategy's error.
// The tenant then comes from the in-memory directory (no database round trip): unknown
// is 404 "tenant-not-found", pending or suspended 403 "tenant-not-active" /
// "tenant-suspended", deleted 410 "tenant-deleted". Thread-safe.
class TenantResolver
{
public:
    TenantResolver(std::vector<std::unique_ptr<IdentificationStrategy>> strategies,
                   const TenantDirectory &directory);

    Result<Resolution> resolve(const RequestSignals &request) const;
    // Checks a tenant's status for serving requests (shared with other entry points).
    static Status checkServable(const Tenant &tenant);
    QStringList strategyNames() const;

private:
    std::vector<std::unique_ptr<IdentificationStrategy>> m_strategies;
    const TenantDirectory &m_directory;
};

} // namespace Tenantry::Identify
