#pragma once

#include "core/base/result.h"

#include <QStringView>

namespace Tenantry {

// Turns user input into a tenant slug: trimmed, lower-cased, then checked against DNS
// label rules (1-63 of [a-z0-9-], no leading or trailing hyphen, not all digits) and the
// reserved words (www, api, admin, ...). Errors carry code "invalid-slug" or
// "reserved-slug". Pure and thread-safe.
Result<QString> normalizeSlug(QStringView input);

// True when `slug` is already in normalized form and valid; for hot-path checks on
// untrusted input where allocation must be avoided.
bool isValidSlug(QStringView slug);

} // namespace Tenantry
