#pragma once

#include <QString>

#include <optional>

namespace Tenantry::Records {

// The value types an entity field may have. Each has one canonical JSON form (see
// fieldvalue.h), which is what records store and return.
enum class FieldType { String, Integer, Decimal, Boolean, Date, DateTime, Json };

// The name used in entity definitions, e.g. "datetime".
QString fieldTypeName(FieldType type);
// Parses a name produced by fieldTypeName(); nullopt when unknown.
std::optional<FieldType> parseFieldType(const QString &name);

} // namespace Tenantry::Records
