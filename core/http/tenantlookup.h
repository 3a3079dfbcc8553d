#pragma once

#include "core/base/result.h"
#include "core/tenancy/tenantdirectory.h"

#include <memory>

namespace Tenantry::Http {

// The tenant an admin route names by slug, from the in-memory directory (no database round
// trip); NotFound "tenant-not-found" if there is none (purged tenants included).
inline Result<std::shared_ptr<const Tenant>> tenantNamed(const TenantDirectory &directory, const QString &slug)
{
    const QString key = slug.toLower();
    if (auto tenant = directory.snapshot()->findSlug(key))
        return tenant;
    return Error::notFound(QStringLiteral("tenant-not-found"), QStringLiteral("No tenant '%1'.").arg(key));
}

} // namespace Tenantry::Http
