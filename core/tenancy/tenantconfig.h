#pragma once

#include "core/base/result.h"
#include "core/tenancy/tenant.h"

#include <QJsonObject>

namespace Tenantry {

// Limits on free-form settings, so one tenant cannot bloat the catalog or the directory.
inline constexpr int kMaxSettingsBytes = 64 * 1024;
inline constexpr int kMaxSettingsDepth = 8;

// Checks every field of a configuration; the error lists each bad field at once
// (code "invalid-config"), so a form can show them all.
Status validateConfig(const TenantConfig &config);

// Applies a JSON patch object ({"display_name": ..., "theme_color": ..., "locale": ...,
// "time_zone": ..., "settings": {...}}) onto `base`. Unknown keys and wrong types are
// errors naming the JSON pointer. `settings` replaces the whole object. The result is
// validated before it is returned.
Result<TenantConfig> applyConfigPatch(const TenantConfig &base, const QJsonObject &patch);

QJsonObject configToJson(const TenantConfig &config);

} // namespace Tenantry
