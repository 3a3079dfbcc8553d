#pragma once

#include "core/observe/requestmetrics.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>
#include <vector>

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
// that served something, and reads the latency histograms of the server, the selected tenant
// and the 2 × top count busiest tenants only. A tenant's interval p95 needs its histogram as
// it was at the previous sample: the sampler keeps each histogram it read with the tenant's
// request count at the time, and such a reading stays good for as long as the tenant serves
// nothing more. A tenant that served requests since then without being read (or that existed
// before the sampler and was never read) has no interval p95 in that sample.
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
    // The part of TenantTotals a sample needs: a tenant's whole TenantTotals carries its
    // latency histogram, and keeping that for every tenant made a sample several times slower.
    struct Counts {
        qint64 requests = 0;
        qint64 clientErrors = 0;
        qint64 serverErrors = 0;
    };
    struct Candidate {
        QString tenantId;
        Counts now;
        Counts before;
        bool newSinceLastSample = false;
    };
    // A tenant's histogram as read at some sample, and its request count then.
    struct LatencyReading {
        qint64 requests = 0;
        LatencyHistogram::Buckets counts{};
    };
    TenantRate rateOf(const Candidate &c, double seconds);
    LatencyHistogram::Buckets readLatency(const Candidate &c);

    const RequestMetrics &m_metrics;
    const Clock &m_clock;
    int m_topCount;
    QString m_selected;

    QDateTime m_lastAt;
    Counts m_lastTotal;
    LatencyHistogram::Buckets m_lastTotalLatency{};
    QHash<QString, Counts> m_lastTenants;
    // This sample's tenants that served something; a member so its memory is reused.
    std::vector<Candidate> m_active;
    // The latest reading of every tenant whose histogram was ever read (bounded by the tenants).
    QHash<QString, LatencyReading> m_latency;
};

} // namespace Tenantry::Observe
