#include "core/observe/usagerecorder.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <optional>

Q_LOGGING_CATEGORY(lcUsage, "tenantry.usage", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Tenantry::Observe {
namespace {

constexpr qint64 kHourMs = 3600 * 1000;

// One usage_hourly row to add: the counters' differences and, when sampled, the storage.
struct UsageRow {
    QString tenantId;
    TenantTotals delta;
    std::optional<qint64> storageBytes;
};

// Calls `f` with every counter of `t`.
template <typename F>
void forEachCounter(const TenantTotals &t, F f)
{
    for (qint64 n : {t.requests, t.clientErrors, t.serverErrors, t.authFailures, t.bytesIn, t.bytesOut, t.latencySumUs})
        f(n);
    for (qint64 n : t.latency)
        f(n);
}

bool isZero(const TenantTotals &t)
{
    bool zero = true;
    forEachCounter(t, [&zero](qint64 n) { zero = zero && n == 0; });
    return zero;
}

bool anyNegative(const TenantTotals &t)
{
    bool negative = false;
    forEachCounter(t, [&negative](qint64 n) { negative = negative || n < 0; });
    return negative;
}

TenantTotals minus(const TenantTotals &now, const TenantTotals &before)
{
    TenantTotals d;
    d.requests = now.requests - before.requests;
    d.clientErrors = now.clientErrors - before.clientErrors;
    d.serverErrors = now.serverErrors - before.serverErrors;
    d.authFailures = now.authFailures - before.authFailures;
    d.bytesIn = now.bytesIn - before.bytesIn;
    d.bytesOut = now.bytesOut - before.bytesOut;
    d.latencySumUs = now.latencySumUs - before.latencySumUs;
    for (std::size_t i = 0; i < d.latency.size(); ++i)
        d.latency[i] = now.latency[i] - before.latency[i];
    return d;
}

const QStringList &counterColumns()
{
    static const QStringList columns = [] {
        QStringList c{u"requests"_s, u"client_errors"_s, u"server_errors"_s, u"auth_failures"_s,
                      u"bytes_in"_s,  u"bytes_out"_s,     u"latency_sum_us"_s};
        for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i)
            c.append(latencyBucketColumn(i));
        return c;
    }();
    return columns;
}

// INSERT of `rows` rows; on an existing (tenant, hour) row every counter is added to and
// the storage figure keeps the larger sample. Both SQLite (3.24+) and PostgreSQL (9.5+)
// accept this form, and the conflict update is atomic, so concurrent servers cannot lose
// each other's additions.
QString upsertStatement(qsizetype rows)
{
    const QStringList &counters = counterColumns();
    const QString placeholders = u"("_s + QStringList(counters.size() + 3, u"?"_s).join(u", "_s) + u")"_s;
    QStringList values;
    values.reserve(rows);
    for (qsizetype i = 0; i < rows; ++i)
        values.append(placeholders);
    QStringList updates;
    for (const QString &c : counters)
        updates.append(u"%1 = usage_hourly.%1 + excluded.%1"_s.arg(c));
    updates.append(u"storage_bytes = CASE WHEN excluded.storage_bytes IS NULL THEN usage_hourly.storage_bytes "
                   "WHEN usage_hourly.storage_bytes IS NULL OR usage_hourly.storage_bytes < excluded.storage_bytes "
                   "THEN excluded.storage_bytes ELSE usage_hourly.storage_bytes END"_s);
    return u"INSERT INTO usage_hourly (tenant_id, hour_start, "_s + counters.join(u", "_s)
        + u", storage_bytes) VALUES "_s + values.join(u", "_s)
        + u" ON CONFLICT (tenant_id, hour_start) DO UPDATE SET "_s + updates.join(u", "_s);
}

void bindRow(QVariantList &values, const UsageRow &row, qint64 hourStartMs)
{
    const TenantTotals &d = row.delta;
    values << row.tenantId << hourStartMs << d.requests << d.clientErrors << d.serverErrors << d.authFailures
           << d.bytesIn << d.bytesOut << d.latencySumUs;
    for (qint64 n : d.latency)
        values << n;
    values << (row.storageBytes ? QVariant(*row.storageBytes) : QVariant(QMetaType::fromType<qint64>()));
}

Error writeFailed(const QSqlQuery &q)
{
    return Error::unavailable(u"database-error"_s, u"Writing usage to the catalog failed: %1"_s.arg(q.lastError().text()));
}

} // namespace

QString latencyBucketColumn(std::size_t index)
{
    if (index >= LatencyHistogram::kBoundsUs.size())
        return u"latency_le_inf"_s;
    return u"latency_le_%1us"_s.arg(LatencyHistogram::kBoundsUs[index]);
}

UsageRecorder::UsageRecorder(Storage::Catalog &catalog, const RequestMetrics &metrics,
                             const TenantDirectory &directory, Storage::DataSpace &dataSpace,
                             const Clock &clock, UsageRecorderSettings settings)
    : m_catalog(catalog)
    , m_metrics(metrics)
    , m_directory(directory)
    , m_dataSpace(dataSpace)
    , m_clock(clock)
    , m_settings(settings)
{
    m_settings.rowsPerStatement = std::max(1, m_settings.rowsPerStatement);
}

QDateTime UsageRecorder::hourStart(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(ms - ((ms % kHourMs) + kHourMs) % kHourMs, Qt::UTC);
}

std::chrono::milliseconds UsageRecorder::nextFlushIn(std::chrono::milliseconds interval) const
{
    const QDateTime now = m_clock.now();
    const qint64 untilNextHour = hourStart(now).toMSecsSinceEpoch() + kHourMs - now.toMSecsSinceEpoch();
    return std::chrono::milliseconds(std::max<qint64>(1, std::min<qint64>(interval.count(), untilNextHour)));
}

Result<UsageFlush> UsageRecorder::flush()
{
    const QDateTime now = m_clock.now();
    UsageFlush result;
    result.hourStart = hourStart(now);
    const qint64 hourMs = result.hourStart.toMSecsSinceEpoch();

    QHash<QString, TenantTotals> current;
    current.reserve(m_metrics.tenantCount());
    m_metrics.forEachTenant([&current](const QString &tenantId, const TenantTotals &totals) {
        current.insert(tenantId, totals);
    }, RequestMetrics::TenantLatency::Include);

    QHash<QString, UsageRow> rows;
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        const TenantTotals delta = minus(it.value(), m_flushed.value(it.key()));
        if (anyNegative(delta)) {
            // Running totals only grow; a smaller reading means they were reset under us,
            // and the reading becomes the new baseline.
            qCCritical(lcUsage) << "request totals of tenant" << it.key() << "went backwards; skipping them";
            continue;
        }
        if (!isZero(delta))
            rows.insert(it.key(), UsageRow{it.key(), delta, std::nullopt});
    }
    result.tenantsCounted = int(rows.size());

    const bool storageDue = !m_lastStorageSample.isValid() || hourStart(m_lastStorageSample) != result.hourStart
        || m_lastStorageSample.secsTo(now) >= m_settings.storageSampleInterval.count();
    // Storage is measured for the tenants whose data was used: all of them when a sample is
    // due, and at once for one this process has not measured yet (so a tenant's first data
    // shows without waiting for the next sample). Measured before the transaction, which must
    // not wait on the tenants' databases while holding the catalog's write lock.
    const auto snapshot = m_directory.snapshot();
    for (const QString &id : m_dataSpace.takeChanged(snapshot->byId.keys()))
        m_storagePending.insert(id);
    QStringList sampled;
    for (const QString &id : std::as_const(m_storagePending)) {
        if (storageDue || !m_storageSeen.contains(id))
            sampled.append(id);
    }
    for (const QString &id : std::as_const(sampled)) {
        const auto tenant = snapshot->byId.value(id);
        if (!tenant)
            continue;
        auto used = m_dataSpace.usedBytes(*tenant);
        if (!used) {
            qCWarning(lcUsage).noquote() << "cannot measure the storage of tenant" << id << ":"
                                         << used.error().message;
            continue;
        }
        if (m_settings.storageMeasured)
            m_settings.storageMeasured(id, used.value());
        if (used.value() <= 0)
            continue; // nothing stored (yet)
        auto row = rows.find(id);
        if (row == rows.end())
            row = rows.insert(id, UsageRow{id, TenantTotals{}, std::nullopt});
        row->storageBytes = used.value();
        ++result.storageSamples;
    }
    // Once written (or found to be nothing to write), a sample is no longer pending.
    const auto sampledWritten = [&] {
        for (const QString &id : std::as_const(sampled)) {
            m_storagePending.remove(id);
            m_storageSeen.insert(id);
        }
        if (storageDue)
            m_lastStorageSample = now;
    };
    if (rows.isEmpty()) {
        m_flushed = std::move(current); // nothing moved (or only backwards)
        sampledWritten();
        return result;
    }

    // Rows go in tenant id order so that concurrent servers lock rows in the same order on
    // PostgreSQL and cannot deadlock.
    QList<UsageRow> ordered = rows.values();
    std::sort(ordered.begin(), ordered.end(),
              [](const UsageRow &a, const UsageRow &b) { return a.tenantId < b.tenantId; });
    const Status written = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        // Prepared once for all full batches (compiling the wide upsert costs more than
        // running it); a shorter last batch gets its own statement.
        QSqlQuery full(tx);
        full.setForwardOnly(true);
        bool fullPrepared = false;
        QVariantList values;
        for (qsizetype start = 0; start < ordered.size(); start += m_settings.rowsPerStatement) {
            const qsizetype count = std::min<qsizetype>(m_settings.rowsPerStatement, ordered.size() - start);
            const bool isFull = count == m_settings.rowsPerStatement;
            QSqlQuery shorter(tx);
            QSqlQuery &q = isFull ? full : shorter;
            if (!isFull || !fullPrepared) {
                q.setForwardOnly(true);
                if (!q.prepare(upsertStatement(count)))
                    return writeFailed(q);
                fullPrepared = fullPrepared || isFull;
            }
            values.clear();
            for (qsizetype i = start; i < start + count; ++i)
                bindRow(values, ordered[i], hourMs);
            for (qsizetype i = 0; i < values.size(); ++i)
                q.bindValue(int(i), values[i]);
            if (!q.exec())
                return writeFailed(q);
        }
        return {};
    });
    if (!written)
        return written.error();

    // Only now, with the figures committed, do they become the baseline.
    m_flushed = std::move(current);
    sampledWritten();
    return result;
}

} // namespace Tenantry::Observe
