#include "core/observe/metricssampler.h"

#include "core/base/clock.h"

#include <algorithm>
#include <optional>

namespace Tenantry::Observe {
namespace {

using Buckets = LatencyHistogram::Buckets;

using Interval::difference;
using Interval::perSecond;
using Interval::ratio;

} // namespace

MetricsSampler::MetricsSampler(const RequestMetrics &metrics, const Clock &clock, int topCount)
    : m_metrics(metrics)
    , m_clock(clock)
    , m_topCount(std::max(topCount, 0))
{
    m_lastAt = m_clock.now();
    const MetricsSnapshot total = m_metrics.total();
    m_lastTotal = {total.requests, total.clientErrors, total.serverErrors};
    m_lastTotalLatency = m_metrics.totalLatencyBuckets();
    m_metrics.forEachTenant([this](const QString &tenantId, const TenantTotals &totals) {
        m_lastTenants.insert(tenantId, {totals.requests, totals.clientErrors, totals.serverErrors});
    });
}

void MetricsSampler::setSelectedTenant(const QString &tenantId)
{
    m_selected = tenantId;
}

QStringList MetricsSampler::tenantIds() const
{
    QStringList ids;
    m_metrics.forEachTenant([&ids](const QString &tenantId, const TenantTotals &) { ids.append(tenantId); });
    return ids;
}

MetricsSample MetricsSampler::sample()
{
    MetricsSample s;
    s.at = m_clock.now();
    s.interval = std::chrono::milliseconds(std::max<qint64>(0, m_lastAt.msecsTo(s.at)));
    const double seconds = double(s.interval.count()) / 1000.0;

    const MetricsSnapshot total = m_metrics.total();
    s.requests = std::max<qint64>(0, total.requests - m_lastTotal.requests);
    s.requestsTotal = total.requests;
    s.clientErrors = std::max<qint64>(0, total.clientErrors - m_lastTotal.clientErrors);
    s.serverErrors = std::max<qint64>(0, total.serverErrors - m_lastTotal.serverErrors);
    s.requestsPerSecond = perSecond(s.requests, seconds);
    s.errorRate = ratio(s.clientErrors + s.serverErrors, s.requests);
    s.serverErrorRate = ratio(s.serverErrors, s.requests);
    const Buckets totalLatency = m_metrics.totalLatencyBuckets();
    const Buckets interval = difference(totalLatency, m_lastTotalLatency);
    s.p50 = LatencyHistogram::percentileOf(interval, 0.50);
    s.p95 = LatencyHistogram::percentileOf(interval, 0.95);
    s.p99 = LatencyHistogram::percentileOf(interval, 0.99);

    // One pass: every tenant's totals against the previous ones; keep only those that moved.
    std::vector<Candidate> &active = m_active;
    active.clear();
    int seen = 0;
    m_metrics.forEachTenant([&](const QString &tenantId, const TenantTotals &totals) {
        ++seen;
        const Counts now{totals.requests, totals.clientErrors, totals.serverErrors};
        auto last = m_lastTenants.find(tenantId);
        const bool isNew = last == m_lastTenants.end();
        const Counts before = isNew ? Counts{} : last.value();
        if (now.requests != before.requests)
            active.push_back({tenantId, now, before, isNew});
        if (isNew)
            m_lastTenants.insert(tenantId, now);
        else
            last.value() = now;
    });
    s.tenantsSeen = seen;
    s.tenantsActive = int(active.size());

    // Sorted far enough for the top and for the tenants just below it, whose histograms are
    // read too so that they have a baseline should they rise into the top next time.
    const std::size_t readCount = std::min(std::size_t(m_topCount) * 2, active.size());
    const std::size_t topCount = std::min(std::size_t(m_topCount), active.size());
    std::partial_sort(active.begin(), active.begin() + std::ptrdiff_t(readCount), active.end(),
                      [](const Candidate &a, const Candidate &b) {
                          const qint64 da = a.now.requests - a.before.requests;
                          const qint64 db = b.now.requests - b.before.requests;
                          return da > db || (da == db && a.tenantId < b.tenantId);
                      });

    s.top.reserve(qsizetype(topCount));
    for (std::size_t i = 0; i < topCount; ++i)
        s.top.append(rateOf(active[i], seconds));

    if (!m_selected.isEmpty()) {
        const auto inTop = std::find_if(s.top.cbegin(), s.top.cend(),
                                        [this](const TenantRate &r) { return r.tenantId == m_selected; });
        if (inTop != s.top.cend()) {
            s.selected = *inTop;
        } else {
            const auto moved = std::find_if(active.cbegin() + std::ptrdiff_t(topCount), active.cend(),
                                            [this](const Candidate &c) { return c.tenantId == m_selected; });
            if (moved != active.cend()) {
                s.selected = rateOf(*moved, seconds);
            } else {
                // Idle in the interval (or never seen): its totals, nothing new.
                const Counts totals = m_lastTenants.value(m_selected);
                s.selected = rateOf({m_selected, totals, totals, false}, seconds);
            }
        }
    }
    for (std::size_t i = topCount; i < readCount; ++i)
        readLatency(active[i]);

    m_lastAt = s.at;
    m_lastTotal = {total.requests, total.clientErrors, total.serverErrors};
    m_lastTotalLatency = totalLatency;
    active.clear(); // drops the tenant id references, keeps the capacity
    return s;
}

TenantRate MetricsSampler::rateOf(const Candidate &c, double seconds)
{
    TenantRate r;
    r.tenantId = c.tenantId;
    r.requests = std::max<qint64>(0, c.now.requests - c.before.requests);
    r.clientErrors = std::max<qint64>(0, c.now.clientErrors - c.before.clientErrors);
    r.serverErrors = std::max<qint64>(0, c.now.serverErrors - c.before.serverErrors);
    r.requestsTotal = c.now.requests;
    r.requestsPerSecond = perSecond(r.requests, seconds);

    // The histogram at the previous sample: empty for a tenant created since; otherwise a
    // reading taken when the tenant had served what it had served by the previous sample.
    std::optional<Buckets> baseline;
    if (c.newSinceLastSample) {
        baseline = Buckets{};
    } else {
        const auto reading = m_latency.constFind(c.tenantId);
        if (reading != m_latency.cend() && reading->requests == c.before.requests)
            baseline = reading->counts;
    }
    const Buckets now = readLatency(c);
    if (baseline) {
        const Buckets interval = difference(now, *baseline);
        if (std::any_of(interval.cbegin(), interval.cend(), [](qint64 n) { return n > 0; }))
            r.p95 = LatencyHistogram::percentileOf(interval, 0.95);
    }
    return r;
}

Buckets MetricsSampler::readLatency(const Candidate &c)
{
    const Buckets now = m_metrics.tenantLatencyBuckets(c.tenantId);
    m_latency.insert(c.tenantId, {c.now.requests, now});
    return now;
}

} // namespace Tenantry::Observe
