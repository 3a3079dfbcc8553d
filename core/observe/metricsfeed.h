#pragma once

#include "core/base/result.h"
#include "core/observe/requestmetrics.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <optional>

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
    double errorRate() const
    {
        return requests > 0 ? double(clientErrors + serverErrors) / double(requests) : 0.0;
    }
};

// What the server did between two samples of a MetricsFeed.
struct MetricsSample {
    QDateTime at;                       // when the sample was taken (the feed's clock)
    std::chrono::milliseconds interval{0}; // since the previous sample (or the feed's start)
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
    // tenants that served at least one request, at most the feed's top count.
    QList<TenantRate> top;
    // The selected tenant, whether or not it is among `top` or served anything. Empty when
    // no tenant is selected, or when the feed cannot tell the tenant's figures for this
    // interval (a remote server that does not report it; see Remote::RemoteMetrics).
    std::optional<TenantRate> selected;
};

// Live traffic figures for a view that asks for them on a timer (the console's Monitoring
// page): one MetricsSample per call, covering the time since the previous one. Two
// implementations: MetricsSampler reads an in-process RequestMetrics, Remote::RemoteMetrics
// polls a remote server's admin API.
//
// Call from one thread. next() never waits for I/O, so a view may call it on the GUI thread.
class MetricsFeed
{
public:
    virtual ~MetricsFeed() = default;

    // The tenant reported in MetricsSample::selected from the next sample on; empty for none.
    virtual void setSelectedTenant(const QString &tenantId) = 0;

    // Returns at once with one of:
    //  - a sample of what happened since the previous sample;
    //  - no value: nothing new is ready yet (e.g. a remote poll is still under way), so the
    //    view keeps what it shows;
    //  - the Error that kept the feed from reading the figures this time (e.g. Unavailable
    //    "server-unreachable"); the view should say so rather than show zeros. The next
    //    sample then covers everything since the last one that was read.
    virtual Result<std::optional<MetricsSample>> next() = 0;

    // The tenants the feed has figures for (ids, in no particular order), to choose one to
    // select from.
    virtual QStringList tenantIds() const = 0;

    // The slug of `tenantId` when the feed's source names its tenants (a remote server
    // does); empty when it does not know it, and the view names the tenant otherwise.
    virtual QString slugOf(const QString & /*tenantId*/) const { return {}; }
};

// The arithmetic every feed does to turn two readings of running totals into one interval.
namespace Interval {

// The histogram of what was recorded between two readings of per-bucket counts (a count
// that went down, as after a restart, gives 0 for that bucket).
inline LatencyHistogram::Buckets difference(const LatencyHistogram::Buckets &now,
                                            const LatencyHistogram::Buckets &before)
{
    LatencyHistogram::Buckets out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = std::max<qint64>(0, now[i] - before[i]);
    return out;
}

inline double ratio(qint64 part, qint64 whole) { return whole > 0 ? double(part) / double(whole) : 0.0; }
inline double perSecond(qint64 count, double seconds) { return seconds > 0 ? double(count) / seconds : 0.0; }

} // namespace Interval

} // namespace Tenantry::Observe
