#pragma once

#include "core/tenancy/tenant.h"

#include <QString>

namespace Tenantry {

// Process-wide canonical copies of the strings Tenant objects repeat (ids, plans, isolation
// strategies, time zones) and a number for every tenant id. The directory gives each tenant
// it holds these copies, so every Tenant object of one id, and every tenant of plan "pro",
// share one buffer. The request path can then tell such strings apart by address instead of
// reading their text: a canonical buffer is never freed, so a string whose buffer is a
// canonical one's holds that text. Canonical strings are kept for the process's life, one
// per distinct value ever seen (about 100 bytes per tenant id). Thread-safe; each call takes
// a mutex, so this is for loading tenants, not for every request.

// The canonical copy of `text` (equal to it).
QString canonicalString(const QString &text);

// Whether `text` shares the buffer of its canonical copy.
bool isCanonical(const QString &text);

// The number of tenant id `id`: 1, 2, ... in the order ids are first seen, never given to
// another id while the process runs, so per-tenant state can sit in arrays. Ids are limited
// to below kMaxTenantNumber; past it (or for an empty id) the answer is 0, "no number".
quint32 tenantNumber(const QString &id);
inline constexpr quint32 kMaxTenantNumber = 1u << 24;

// `tenant` with canonical strings and its number set.
Tenant canonicalTenant(Tenant tenant);

} // namespace Tenantry
