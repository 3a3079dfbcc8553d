#pragma once

#include "core/billing/meterevent.h"
#include "core/storage/catalog.h"

#include <QList>

namespace Tenantry::Storage {

// Metered usage for billing: events reported by id (meter_events of migration 0007) and
// what the request pipeline and the storage sampler recorded hour by hour (usage_hourly).
// Thread-safe (each thread uses its own catalog connection).
class MeterRepository final
{
public:
    explicit MeterRepository(Catalog &catalog) : m_catalog(catalog) {}

    struct Ingested {
        int accepted = 0;   // new ids, now counted
        int duplicates = 0; // ids already counted before: ignored
    };
    // Records events whose ids are new, in one transaction (all or nothing). Events must be
    // valid (validateMeterEvent()).
    Result<Ingested> ingest(const QList<Billing::MeterEvent> &events, qint64 receivedAtMs);

    // What `tenantId` used in [startMs, endMs). Usage is counted in the hour it happened: an
    // hour that a period boundary cuts belongs to the period its start falls in. Storage is
    // the hour's sample, or the latest earlier one carried forward (a tenant whose data did
    // not change is not sampled again), times one hour per hour of the period.
    Result<Billing::PeriodUsage> usage(const QString &tenantId, qint64 startMs, qint64 endMs);

    // Removes a tenant's events (its purge), inside the caller's transaction.
    static Status purgeTenant(QSqlDatabase &tx, const QString &tenantId);

private:
    Catalog &m_catalog;
};

} // namespace Tenantry::Storage
