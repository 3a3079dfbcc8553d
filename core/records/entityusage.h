#pragma once

#include "core/base/result.h"
#include "core/storage/tenantsession.h"

#include <QHash>
#include <QString>

namespace Tenantry::Records {

// Bytes of record data the session's tenant stores (the canonical JSON of every record),
// kept in entity_usage by every write, so this reads one row per entity and scans nothing.
Result<qint64> usedBytes(Storage::TenantSession &session);
// Records per entity of the session's tenant (entities without records included, as 0).
Result<QHash<QString, qint64>> recordCounts(Storage::TenantSession &session);

} // namespace Tenantry::Records
