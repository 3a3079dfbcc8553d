#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/observe/requestmetrics.h"
#include "core/storage/catalog.h"
#include "core/storage/dataspace.h"
#include "core/tenancy/tenantdirectory.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QString>

#include <chrono>
#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcUsage)

namespace Tenantry::Observe {

struct UsageRecorderSettings {
    // How often each tenant's data space is measured; the first flush of every UTC hour
    // measures it too, so every hour a server runs has a storage figure.
    std::chrono::seconds storageSampleInterval{600};
    // Tenants written by one INSERT statement (each row binds 39 values). Larger is not
    // faster: Qt hands SQLite named parameters, which SQLite looks up one by one, so a
    // statement's cost grows with the square of its parameters (see usage_bench).
    int rowsPerStatement = 25;
    // Told every storage measurement as it is taken (tenant id, bytes), e.g. for storage
    // quotas; may be null. Called on the flushing thread.
    std::function<void(const QString &, qint64)> storageMeasured;
};

// What one flush wrote.
struct UsageFlush {
    QDateTime hourStart;     // the UTC hour the figures were added to
    int tenantsCounted = 0;  // tenants whose request counters moved since the last flush
    int storageSamples = 0;  // tenants whose storage was measured (0 when not due)
};

// Persists RequestMetrics into the catalog's hourly rollup (usage_hourly): each flush takes
// every tenant's running totals, subtracts what the last successful flush wrote, and adds the
// difference to the row of the current UTC hour with an additive upsert, so several servers
// sharing a catalog each add their own traffic. All tenants of a flush are written in one
// transaction, and the baseline only moves after it committed: a failed flush writes
// nothing and the next one carries its figures, so nothing is lost or counted twice while
// the process lives; a crash loses at most what was served since the last flush.
//
// Traffic is attributed to the hour in which it is flushed; schedule flushes with
// nextFlushIn() so one falls on every hour boundary and the attribution is exact to the
// timer's precision. Storage (DataSpace::usedBytes) is sampled on a slower cadence, for the
// tenants whose data was used (DataSpace::takeChanged), and kept as each hour's maximum.
//
// Not thread-safe: call from one thread. The catalog, metrics, directory, data space and
// clock must outlive the recorder.
class UsageRecorder final
{
public:
    UsageRecorder(Storage::Catalog &catalog, const RequestMetrics &metrics, const TenantDirectory &directory,
                  Storage::DataSpace &dataSpace, const Clock &clock, UsageRecorderSettings settings = {});
    UsageRecorder(const UsageRecorder &) = delete;
    UsageRecorder &operator=(const UsageRecorder &) = delete;

    // Writes what was served since the last successful flush, and storage samples when they
    // are due. With nothing to write it does not touch the database. Errors are the
    // catalog's ("database-error", ...); then nothing was written and the next flush retries.
    Result<UsageFlush> flush();

    // How long to wait before the next flush: `interval`, or less when the next UTC hour
    // starts sooner (at least 1 ms).
    std::chrono::milliseconds nextFlushIn(std::chrono::milliseconds interval) const;

    // The start of the UTC hour holding `t`.
    static QDateTime hourStart(const QDateTime &t);

private:
    Storage::Catalog &m_catalog;
    const RequestMetrics &m_metrics;
    const TenantDirectory &m_directory;
    Storage::DataSpace &m_dataSpace;
    const Clock &m_clock;
    UsageRecorderSettings m_settings;
    QHash<QString, TenantTotals> m_flushed; // per tenant: the totals the catalog already has
    QDateTime m_lastStorageSample;          // invalid until the first committed sample
    QSet<QString> m_storagePending;         // tenants whose storage may have changed, not yet written
    QSet<QString> m_storageSeen;            // tenants this process has measured at least once
};

// The usage_hourly column holding latency bucket `index` of LatencyHistogram::Buckets,
// e.g. "latency_le_50us", and "latency_le_inf" for the open-ended last bucket.
QString latencyBucketColumn(std::size_t index);

} // namespace Tenantry::Observe
