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
    using Buckets = std::array<qint64, kBoundsUs.size() + 1>;

    void record(std::chrono::microseconds latency);
    qint64 count() const;
    // The estimated latency below which `quantile` (0..1) of the recorded requests fall; 0 when empty.
    std::chrono::microseconds percentile(double quantile) const;
    // Cumulative counts per bucket (Prometheus "le" semantics), the last being the total.
    std::array<qint64, kBoundsUs.size() + 1> cumulative() const;
    // The same estimate from cumulative counts, e.g. the difference of two cumulative()
    // readings, which is the histogram of what was recorded between them.
    static std::chrono::microseconds percentile(const Buckets &cumulative, double quantile);
    qint64 sumUs() const { return m_sumUs.load(std::memory_order_relaxed); }

private:
    std::array<std::atomic<qint64>, kBoundsUs.size() + 1> m_buckets{};
    std::atomic<qint64> m_sumUs{0};
};

// What one tenant (or the whole server) has served since start.
struct RequestCounters {
    std::atomic<qint64> requests{0};
    std::atomic<qint64> clientErrors{0}; // 4xx
    std::atomic<qint64> serverErrors{0}; // 5xx
    std::atomic<qint64> authFailures{0}; // 401, also counted in clientErrors
    LatencyHistogram latency;
};

// A tenant's running totals, cheap to read for every tenant at once.
struct TenantTotals {
    qint64 requests = 0;
    qint64 clientErrors = 0;
    qint64 serverErrors = 0;
    qint64 authFailures = 0;
};

// A copy of one tenant's numbers, for reports, the console and the APIs.
struct MetricsSnapshot {
    QString tenantId; // empty for the server as a whole
    qint64 requests = 0;
    qint64 clientErrors = 0;
    qint64 serverErrors = 0;
    std::chrono::microseconds p50{0}, p95{0}, p99{0};
};

// Per-tenant request counts, error counts and latency histograms, in memory. Recording costs
// a hash lookup under a shared lock plus a few relaxed atomic adds; a tenant's counters are
// created on its first request (the only time the write lock is taken). Thread-safe.
class RequestMetrics
{
public:
    // `tenantId` empty: a request that reached no tenant (health, admin, refused before
    // identification); it counts only toward the server totals.
    void record(const QString &tenantId, int status, std::chrono::microseconds latency);

    MetricsSnapshot total() const;
    MetricsSnapshot forTenant(const QString &tenantId) const; // zeros if it served nothing
    // The `limit` tenants with the most requests, most first.
    QList<MetricsSnapshot> busiest(int limit) const;
    int tenantCount() const;
    // Calls `visit` with every tenant's running totals (under a shared lock: keep it quick).
    void forEachTenant(const std::function<void(const QString &tenantId, const TenantTotals &)> &visit) const;
    // The latency histogram's cumulative() of the whole server, or of one tenant (zeros if it
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
    static void add(RequestCounters &c, int status, std::chrono::microseconds latency);

    RequestCounters m_total;
    mutable QReadWriteLock m_lock;
    QHash<QString, std::shared_ptr<RequestCounters>> m_tenants;
};

} // namespace Tenantry::Observe
