#pragma once

#include <QHash>
#include <QReadWriteLock>
#include <QString>

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace Tenantry::Observe {

// A latency histogram with fixed, log-spaced buckets: recording is one relaxed atomic add,
// and percentiles are estimated by interpolating inside the bucket that holds them (the
// error is bounded by the bucket width, about 19% of the value here). Thread-safe.
class LatencyHistogram
{
public:
    // Upper bounds in microseconds; the last bucket is open-ended.
    static constexpr std::array<qint64, 28> kBoundsUs = {
        50,     100,    200,    300,     500,     750,     1000,    1500,    2000,    3000,
        5000,   7500,   10000,  15000,   20000,   30000,   50000,   75000,   100000,  150000,
        250000, 500000, 750000, 1000000, 2000000, 5000000, 10000000, 30000000};
    static constexpr std::size_t kBucketCount = kBoundsUs.size() + 1;
    // A count per bucket: index i counts latencies up to kBoundsUs[i] (and above the bound
    // before it); the last index counts everything above kBoundsUs.back().
    using Buckets = std::array<qint64, kBucketCount>;

    void record(std::chrono::microseconds latency);
    qint64 count() const;
    // The estimated latency below which `quantile` (0..1) of the recorded requests fall; 0 when empty.
    std::chrono::microseconds percentile(double quantile) const;
    // The same estimate for any per-bucket counts, e.g. several histograms' counts added up
    // (usage reports merge hourly rollups this way). The one implementation of the interpolation.
    static std::chrono::microseconds percentileOf(const Buckets &counts, double quantile);
    // The count in each bucket (not cumulative).
    Buckets counts() const;
    // Cumulative counts per bucket (Prometheus "le" semantics), the last being the total.
    Buckets cumulative() const;
    qint64 sumUs() const { return m_sumUs.load(std::memory_order_relaxed); }

private:
    std::array<std::atomic<qint64>, kBucketCount> m_buckets{};
    std::atomic<qint64> m_sumUs{0};
};

// What one tenant (or the whole server) has served since start.
struct RequestCounters {
    std::atomic<qint64> requests{0};
    std::atomic<qint64> clientErrors{0}; // 4xx
    std::atomic<qint64> serverErrors{0}; // 5xx
    std::atomic<qint64> authFailures{0}; // 401, also counted in clientErrors
    std::atomic<qint64> bytesIn{0};      // request bodies
    std::atomic<qint64> bytesOut{0};     // response bodies
    LatencyHistogram latency;
};

// A tenant's running totals, cheap to read for every tenant at once. Each counter only
// grows, so the difference between two readings is exactly what was served in between
// (each counter on its own: a reading may fall between two counters' updates of one request).
struct TenantTotals {
    qint64 requests = 0;
    qint64 clientErrors = 0;
    qint64 serverErrors = 0;
    qint64 authFailures = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    qint64 latencySumUs = 0;
    LatencyHistogram::Buckets latency{}; // per-bucket counts
};

// A copy of one tenant's numbers, for reports, the console and the APIs.
struct MetricsSnapshot {
    QString tenantId; // empty for the server as a whole
    qint64 requests = 0;
    qint64 clientErrors = 0;
    qint64 serverErrors = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    std::chrono::microseconds p50{0}, p95{0}, p99{0};
};

// Per-tenant request counts, error counts and latency histograms, in memory. Recording costs
// a hash lookup under a shared lock plus a few relaxed atomic adds; a tenant's counters are
// created on its first request (the only time the write lock is taken). Thread-safe.
class RequestMetrics
{
public:
    // `tenantId` empty: a request that reached no tenant (health, admin, refused before
    // identification); it counts only toward the server totals. `bytesIn` and `bytesOut` are
    // the request and response body sizes.
    void record(const QString &tenantId, int status, std::chrono::microseconds latency, qint64 bytesIn = 0,
                qint64 bytesOut = 0);

    // The whole server's numbers; its byte counts are added up over the tenants here
    // (O(tenants)), which keeps them off the request path.
    MetricsSnapshot total() const;
    MetricsSnapshot forTenant(const QString &tenantId) const; // zeros if it served nothing
    // The `limit` tenants with the most requests, most first.
    QList<MetricsSnapshot> busiest(int limit) const;
    int tenantCount() const;
    // Whether forEachTenant() reads each tenant's latency histogram too (29 more counters a
    // tenant; only what is persisted needs it, the live views do without).
    enum class TenantLatency { Skip, Include };
    // Calls `visit` with every tenant's running totals (under a shared lock: keep it quick).
    // With TenantLatency::Skip, `latencySumUs` and `latency` are zero.
    void forEachTenant(const std::function<void(const QString &tenantId, const TenantTotals &)> &visit,
                       TenantLatency latency = TenantLatency::Skip) const;
    // The latency histogram's counts() of the whole server, or of one tenant (zeros if it
    // served nothing): diff two readings for the latency of an interval.
    LatencyHistogram::Buckets totalLatencyBuckets() const;
    LatencyHistogram::Buckets tenantLatencyBuckets(const QString &tenantId) const;

    // Prometheus text exposition (format 0.0.4). Series stay bounded however many tenants
    // there are: per-tenant series only for the `topTenants` busiest tenants, everything
    // else summed under tenant="_other", plus a server-wide latency histogram. Labels use
    // `slugOf` to name tenants (ids when it returns empty).
    QByteArray prometheusText(int topTenants, const std::function<QString(const QString &)> &slugOf) const;

private:
    static MetricsSnapshot snapshotOf(const QString &tenantId, const RequestCounters &c);
    static void add(RequestCounters &c, int status, std::chrono::microseconds latency, qint64 bytesIn,
                    qint64 bytesOut);

    RequestCounters m_total;
    mutable QReadWriteLock m_lock;
    // Grows only: a tenant's counters are never removed, which record() relies on.
    QHash<QString, std::shared_ptr<RequestCounters>> m_tenants;
};

} // namespace Tenantry::Observe
