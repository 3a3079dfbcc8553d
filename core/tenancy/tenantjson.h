#pragma once

#include "core/tenancy/tenantservice.h"

#include <QJsonObject>

namespace Tenantry {

// The operator's view of a tenant (admin API).
QJsonObject tenantToJson(const Tenant &tenant);
// What a tenant may see about itself (tenant API): no internal ids or lifecycle dates.
QJsonObject tenantPublicJson(const Tenant &tenant);
QJsonObject apiKeyToJson(const ApiKeyInfo &key);

// The readers of tenantToJson() and apiKeyToJson(), for clients of the admin API. Internal
// "unexpected-response" when a required field (id and slug; a key's id) is missing or a
// status or time cannot be read.
Result<Tenant> tenantFromJson(const QJsonObject &json);
Result<ApiKeyInfo> apiKeyFromJson(const QJsonObject &json);

} // namespace Tenantry
