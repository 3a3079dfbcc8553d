#pragma once

#include "core/base/result.h"
#include "core/quota/limits.h"

#include <QJsonObject>

namespace Tenantry::Quota {

// The JSON form of limits, as plans and per-tenant overrides are written:
//   {"api_calls_per_day": 10000, "api_calls_per_month": 250000, "rate_per_second": 10,
//    "burst": 20, "max_concurrent": 4, "storage_bytes": 104857600, "db_connections": 2,
//    "rules": [{"name": "record-writes", "metric": "requests", "method": "POST",
//               "route": "/api/v1/entities/*/records", "window": "hour", "limit": 100},
//              {"name": "orders", "metric": "records", "entity": "orders", "limit": 10000}],
//    "costs": [{"method": "POST", "route": "/api/v1/entities/*/records", "cost": 5}]}
// A missing key leaves the dimension as it was; null makes it unlimited. Zero, negative,
// fractional counts and absurd values are refused: "no limit" is said with null, never 0.

// Applies `json` onto `base`: scalar keys replace, "rules" merge by name (a rule of the
// same name is replaced, {"name": "x", "limit": null} removes it) and "costs" by method
// and route. The result is validated. Errors: Invalid "invalid-quota-limits" with a field
// error (JSON pointer, e.g. "/rules/0/window") for every bad or unknown key at once.
Result<Limits> applyLimitsJson(const Limits &base, const QJsonObject &json);

// Every dimension, unlimited ones as null, rules and costs as arrays.
QJsonObject limitsToJson(const Limits &limits);

} // namespace Tenantry::Quota
