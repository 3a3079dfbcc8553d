#pragma once

#include "core/quota/quotaalert.h"

#include <QJsonObject>

namespace Tenantry::Quota {

// The JSON form of an alert, shared by the quota.threshold webhook's "data" and the API:
//   {tenant_id, dimension, threshold, used, limit, window_start, window_end, at}
// Times are ISO 8601 UTC with milliseconds; window_start and window_end are null for a
// dimension without a window (storage).
QJsonObject toJson(const QuotaAlert &alert);
// The reader, for clients of the API; false when a time or the tenant id cannot be read.
bool fromJson(const QJsonObject &json, QuotaAlert *out);

} // namespace Tenantry::Quota
