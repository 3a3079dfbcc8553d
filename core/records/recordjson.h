#pragma once

#include "core/records/recordstore.h"

#include <QJsonObject>

namespace Tenantry::Records {

// {"name", "schema_version", "fields": [...], "records", "created_at", "updated_at"}.
QJsonObject entityToJson(const EntityRow &entity);
// {"id", "version", "created_at", "updated_at", "data": {...}}.
QJsonObject recordToJson(const Record &record);

} // namespace Tenantry::Records
