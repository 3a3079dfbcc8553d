#include "core/storage/meterrepository.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

constexpr qint64 kHourMs = 3'600'000;

// The first hour whose start lies at or after `ms`.
qint64 hourAtOrAfter(qint64 ms)
{
    const qint64 floor = ms - ((ms % kHourMs) + kHourMs) % kHourMs;
    return floor == ms ? ms : floor + kHourMs;
}

} // namespace

Result<MeterRepository::Ingested> MeterRepository::ingest(const QList<Billing::MeterEvent> &events,
                                                         qint64 receivedAtMs)
{
    Ingested out;
    const Status written = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        out = {};
        QSqlQuery insert(tx);
        if (!insert.prepare(u"INSERT INTO meter_events (event_id, tenant_id, dimension, quantity, occurred_at, "
                            "received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING"_s))
            return sqlError(u"Preparing to record meter events failed"_s, insert.lastError());
        for (const Billing::MeterEvent &e : events) {
            const QVariantList values{e.eventId, e.tenantId, e.dimension, e.quantity, e.occurredAtMs, receivedAtMs};
            for (int i = 0; i < values.size(); ++i)
                insert.bindValue(i, values.at(i));
            if (!insert.exec())
                return sqlError(u"Recording a meter event failed"_s, insert.lastError());
            if (insert.numRowsAffected() == 1)
                ++out.accepted;
            else
                ++out.duplicates;
        }
        return {};
    });
    if (!written)
        return written.error();
    return out;
}

Result<Billing::PeriodUsage> MeterRepository::usage(const QString &tenantId, qint64 startMs, qint64 endMs)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    Billing::PeriodUsage out;
    // Hours are attributed by their start: [first hour starting at or after start, same for end).
    const qint64 firstHour = hourAtOrAfter(startMs);
    const qint64 endHour = hourAtOrAfter(endMs);
    auto totals = runQuery(db.value(),
                           u"SELECT COALESCE(SUM(requests), 0), COALESCE(SUM(bytes_in + bytes_out), 0) FROM usage_hourly "
                           "WHERE tenant_id = ? AND hour_start >= ? AND hour_start < ?"_s,
                           {tenantId, firstHour, endHour});
    if (!totals)
        return totals.error();
    if (totals->next()) {
        out.apiCalls = totals->value(0).toLongLong();
        out.bandwidthBytes = totals->value(1).toLongLong();
    }

    // Storage: the sample in force at the period's first hour, then each later sample.
    qint64 current = 0;
    auto before = runQuery(db.value(),
                           u"SELECT storage_bytes FROM usage_hourly WHERE tenant_id = ? AND hour_start < ? "
                           "AND storage_bytes IS NOT NULL ORDER BY hour_start DESC LIMIT 1"_s,
                           {tenantId, firstHour});
    if (!before)
        return before.error();
    if (before->next())
        current = before->value(0).toLongLong();
    auto samples = runQuery(db.value(),
                            u"SELECT hour_start, storage_bytes FROM usage_hourly WHERE tenant_id = ? AND hour_start >= ? "
                            "AND hour_start < ? AND storage_bytes IS NOT NULL ORDER BY hour_start"_s,
                            {tenantId, firstHour, endHour});
    if (!samples)
        return samples.error();
    qint64 at = firstHour;
    while (samples->next()) {
        const qint64 hour = samples->value(0).toLongLong();
        out.storageByteHours += current * ((hour - at) / kHourMs);
        current = samples->value(1).toLongLong();
        at = hour;
    }
    if (endHour > at)
        out.storageByteHours += current * ((endHour - at) / kHourMs);

    auto events = runQuery(db.value(),
                           u"SELECT dimension, SUM(quantity) FROM meter_events WHERE tenant_id = ? AND occurred_at >= ? "
                           "AND occurred_at < ? GROUP BY dimension"_s,
                           {tenantId, startMs, endMs});
    if (!events)
        return events.error();
    while (events->next())
        out.events.insert(events->value(0).toString(), events->value(1).toLongLong());
    out.apiCalls += out.events.value(u"api_calls"_s);
    out.bandwidthBytes += out.events.value(u"bandwidth_bytes"_s);
    return out;
}

Status MeterRepository::purgeTenant(QSqlDatabase &tx, const QString &tenantId)
{
    auto removed = runQuery(tx, u"DELETE FROM meter_events WHERE tenant_id = ?"_s, {tenantId});
    if (!removed)
        return removed.error();
    return {};
}

} // namespace Tenantry::Storage
