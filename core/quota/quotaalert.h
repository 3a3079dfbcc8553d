#pragma once

#include <QString>
#include <QtGlobal>

namespace Tenantry::Quota {

// One threshold of one quota limit reached by one tenant: what the request path offers to
// QuotaAlertQueue, the catalog keeps (quota_alerts) and a webhook reports. Times are UTC
// milliseconds since the epoch. Plain data: copy freely.
struct QuotaAlert {
    QString tenantId;
    // "api_calls_per_day", "api_calls_per_month", "storage_bytes" or "rule:<name>".
    QString dimension;
    qint64 windowStartMs = 0; // the quota window's first instant; 0 for storage (no window)
    qint64 windowEndMs = 0;   // the window's end (exclusive); 0 for storage
    int threshold = 0;        // one of kAlertThresholds
    qint64 used = 0;          // usage right after the request that crossed the threshold
    qint64 limit = 0;
    qint64 atMs = 0;          // when it was crossed
};

} // namespace Tenantry::Quota
