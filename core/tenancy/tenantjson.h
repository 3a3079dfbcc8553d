#pragma once

#include "core/tenancy/tenantservice.h"

#include <QJsonObject>

namespace Tenantry {

// The operator's view of a tenant (admin API).
QJsonObject tenantToJson(const Tenant &tenant);
// What a tenant may see about itself (tenant API): no internal ids or lifecycle dates.
QJsonObject tenantPublicJson(const Tenant &tenant);
QJsonObject apiKeyToJson(const ApiKeyInfo &key);

} // namespace Tenantry
