#pragma once

#include "core/observe/requestmetrics.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace Tenantry {
class Clock;
}

namespace Tenantry::Observe {

// One tenant's traffic in one sampling interval.
struct TenantRate {
    QString tenantId;
    qint64 requests = 0;       // in the interval
    qint64 clientErrors = 0;   // 4xx in the interval
    qint64 serverErrors = 0;   // 5xx in the interval
    qint64 requestsTotal = 0;  // since the server started
    double requestsPerSecond = 0;
    // The 95th percentile latency of the interval's requests. Empty when the tenant served
    // nothing in the interval, or when its histogram was not read at the previous sample
    // (see MetricsSampler::sample()), so an interval figure cannot be told apart from one
    // since start.
    std::optional<std::chrono::microseconds> p95;

    // (4xx + 5xx) / requests in the interval, 0..1; 0 when it served nothing.
    double errorRate() const;
};

// What the server did between two MetricsSampler::sample() calls.
struct MetricsSample {
    QDateTime at;                       // when the sample was taken (the sampler's clock)
    std::chrono::milliseconds interval{0}; // since the previous sample (or the sampler's start)
    qint64 requests = 0;                // every request, with or without a tenant
    qint64 requestsTotal = 0;           // every request since the server started
    qint64 clientErrors = 0;            // 4xx
    qint64 serverErrors = 0;            // 5xx
    double requestsPerSecond = 0;       // 0 when the interval is empty
    double errorRate = 0;               // (4xx + 5xx) / requests, 0..1; 0 without requests
    double serverErrorRate = 0;         // 5xx / requests, 0..1
    // Latency percentiles of the interval's requests only (not since start); 0 without requests.
    std::chrono::microseconds p50{0}, p95{0}, p99{0};
    int tenantsSeen = 0;                // tenants that served anything since the server started
    int tenantsActive = 0;              // tenants that served anything in the interval
    // The busiest tenants of the interval, most requests first (ties by tenant id); only
    // tenants that served at least one request, at most the sampler's top count.
    QList<TenantRate> top;
    // The selected tenant, whether or not it is among `top` or served anything; empty when
    // no tenant is selected.
    std::optional<TenantRate> selected;
};

// Turns RequestMetrics' running totals into per-interval figures for a live view: call
// sample() on a timer (say once a second); each call diffs the totals against the previous
// call. The first sample covers the time since construction, which takes the baseline.
//
// One sample costs one pass over the tenants (forEachTenant) plus a partial sort of those
// that served something, and reads the latency histograms of the server, the top tenants and
// the selected tenant only. To give interval percentiles for those tenants, the sampler keeps
// the histograms it read last time; a tenant that was not reported last time (and existed
// then) has no interval p95 in its first sample.
//
// Keeps references to `metrics` and `clock`: both must outlive the sampler. Not thread-safe:
// call from one thread (RequestMetrics itself may be fed from any).
class MetricsSampler
{
public:
    static constexpr int kDefaultTopCount = 10;

    MetricsSampler(const RequestMetrics &metrics, const Clock &clock, int topCount = kDefaultTopCount);

    // The tenant reported in MetricsSample::selected from the next sample on; empty for none.
    void setSelectedTenant(const QString &tenantId);
    QString selectedTenant() const { return m_selected; }

    MetricsSample sample();

private:
    struct Candidate {
        QString tenantId;
        TenantTotals now;
        TenantTotals before;
        bool newSinceLastSample = false;
    };
    TenantRate rateOf(const Candidate &c, double seconds, QHash<QString, LatencyHistogram::Buckets> &histograms) const;

    const RequestMetrics &m_metrics;
    const Clock &m_clock;
    int m_topCount;
    QString m_selected;

    QDateTime m_lastAt;
    TenantTotals m_lastTotal;
    LatencyHistogram::Buckets m_lastTotalLatency{};
    QHash<QString, TenantTotals> m_lastTenants;
    // Histograms read at the previous sample, of the tenants reported then.
    QHash<QString, LatencyHistogram::Buckets> m_lastTenantLatency;
};

} // namespace Tenantry::Observe
