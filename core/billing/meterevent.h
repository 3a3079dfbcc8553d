#pragma once

#include "core/base/result.h"

#include <QHash>
#include <QString>

namespace Tenantry::Billing {

// One unit of metered usage reported by event: `quantity` of `dimension` used by a tenant
// at `occurredAtMs`. The event id makes reporting idempotent: an id is counted once,
// however often it is sent.
struct MeterEvent {
    QString eventId;   // 1..128 printable ASCII characters
    QString tenantId;
    QString dimension; // [a-z][a-z0-9_]{0,39}, e.g. "api_calls", "sms_sent"
    qint64 quantity = 0; // 1..10^12
    qint64 occurredAtMs = 0;
};

// Checks an event's fields; `prefix` is prepended to the field names of errors (a JSON
// pointer such as "/events/3"). Errors: Invalid "invalid-meter-event".
Status validateMeterEvent(const MeterEvent &event, const QString &prefix = {});

// What a tenant used in a billing period [start, end).
struct PeriodUsage {
    qint64 apiCalls = 0;          // requests the pipeline served, plus "api_calls" events
    qint64 bandwidthBytes = 0;    // request and response bytes, plus "bandwidth_bytes" events
    qint64 storageByteHours = 0;  // the sampled size of the tenant's data, hour by hour
    QHash<QString, qint64> events; // every event dimension's total (those above included)
};

} // namespace Tenantry::Billing
