#pragma once

#include "core/observe/metricsfeed.h"
#include "core/observe/requestmetrics.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <vector>

namespace Tenantry {
class Clock;
}

namespace Tenantry::Observe {

// Turns RequestMetrics' running totals into per-interval figures for a live view, the
// MetricsFeed of an in-process server (next() is sample() and never fails): call
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
class MetricsSampler final : public MetricsFeed
{
public:
    static constexpr int kDefaultTopCount = 10;

    MetricsSampler(const RequestMetrics &metrics, const Clock &clock, int topCount = kDefaultTopCount);

    // The tenant reported in MetricsSample::selected from the next sample on; empty for none.
    void setSelectedTenant(const QString &tenantId) override;
    QString selectedTenant() const { return m_selected; }

    MetricsSample sample();
    Result<std::optional<MetricsSample>> next() override { return std::optional<MetricsSample>(sample()); }
    // Every tenant that served anything since the server started.
    QStringList tenantIds() const override;

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
