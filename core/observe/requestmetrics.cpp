#include "core/observe/requestmetrics.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tenantry::Observe {

void LatencyHistogram::record(std::chrono::microseconds latency)
{
    const qint64 us = std::max<qint64>(0, latency.count());
    const auto bound = std::lower_bound(kBoundsUs.begin(), kBoundsUs.end(), us);
    m_buckets[std::size_t(bound - kBoundsUs.begin())].fetch_add(1, std::memory_order_relaxed);
    m_sumUs.fetch_add(us, std::memory_order_relaxed);
}

qint64 LatencyHistogram::count() const
{
    qint64 n = 0;
    for (const auto &b : m_buckets)
        n += b.load(std::memory_order_relaxed);
    return n;
}

LatencyHistogram::Buckets LatencyHistogram::counts() const
{
    Buckets out{};
    for (std::size_t i = 0; i < m_buckets.size(); ++i)
        out[i] = m_buckets[i].load(std::memory_order_relaxed);
    return out;
}

namespace {

LatencyHistogram::Buckets cumulate(LatencyHistogram::Buckets counts)
{
    for (std::size_t i = 1; i < counts.size(); ++i)
        counts[i] += counts[i - 1];
    return counts;
}

} // namespace

LatencyHistogram::Buckets LatencyHistogram::cumulative() const
{
    return cumulate(counts());
}

std::chrono::microseconds LatencyHistogram::percentile(double quantile) const
{
    return percentileOf(counts(), quantile);
}

std::chrono::microseconds LatencyHistogram::percentileOf(const Buckets &counts, double quantile)
{
    const Buckets cum = cumulate(counts);
    const qint64 total = cum.back();
    if (total == 0)
        return std::chrono::microseconds(0);
    const double rank = std::clamp(quantile, 0.0, 1.0) * double(total);
    for (std::size_t i = 0; i < cum.size(); ++i) {
        if (double(cum[i]) < rank || cum[i] == 0)
            continue;
        const qint64 lower = i == 0 ? 0 : kBoundsUs[i - 1];
        if (i == kBoundsUs.size()) // open-ended: all we know is "above the last bound"
            return std::chrono::microseconds(lower);
        const qint64 before = i == 0 ? 0 : cum[i - 1];
        const qint64 inBucket = cum[i] - before;
        const double fraction = inBucket > 0 ? (rank - double(before)) / double(inBucket) : 1.0;
        return std::chrono::microseconds(lower + qint64(fraction * double(kBoundsUs[i] - lower)));
    }
    return std::chrono::microseconds(kBoundsUs.back());
}

void RequestMetrics::add(RequestCounters &c, int status, std::chrono::microseconds latency, qint64 bytesIn,
                         qint64 bytesOut)
{
    c.requests.fetch_add(1, std::memory_order_relaxed);
    if (bytesIn > 0) // most requests have no body: skip the atomic add
        c.bytesIn.fetch_add(bytesIn, std::memory_order_relaxed);
    if (bytesOut > 0)
        c.bytesOut.fetch_add(bytesOut, std::memory_order_relaxed);
    if (status >= 500)
        c.serverErrors.fetch_add(1, std::memory_order_relaxed);
    else if (status >= 400)
        c.clientErrors.fetch_add(1, std::memory_order_relaxed);
    if (status == 401)
        c.authFailures.fetch_add(1, std::memory_order_relaxed);
    c.latency.record(latency);
}

void RequestMetrics::record(const QString &tenantId, int status, std::chrono::microseconds latency, qint64 bytesIn,
                            qint64 bytesOut)
{
    // The server-wide byte counts are derived in total() (the tenants' plus m_total's own,
    // which only counts requests without a tenant): that saves a tenant's request two
    // atomic adds.
    if (tenantId.isEmpty()) {
        add(m_total, status, latency, bytesIn, bytesOut);
        return;
    }
    add(m_total, status, latency, 0, 0);
    // A raw pointer rather than a copy of the shared_ptr: entries are never removed, so the
    // counters live as long as this object, and the hot path saves a reference count's two
    // atomic operations.
    RequestCounters *counters = nullptr;
    {
        QReadLocker read(&m_lock);
        if (const auto it = m_tenants.constFind(tenantId); it != m_tenants.cend())
            counters = it->get();
    }
    if (!counters) {
        QWriteLocker write(&m_lock);
        auto &slot = m_tenants[tenantId];
        if (!slot)
            slot = std::make_shared<RequestCounters>();
        counters = slot.get();
    }
    add(*counters, status, latency, bytesIn, bytesOut);
}

MetricsSnapshot RequestMetrics::snapshotOf(const QString &tenantId, const RequestCounters &c)
{
    MetricsSnapshot s;
    s.tenantId = tenantId;
    s.requests = c.requests.load(std::memory_order_relaxed);
    s.clientErrors = c.clientErrors.load(std::memory_order_relaxed);
    s.serverErrors = c.serverErrors.load(std::memory_order_relaxed);
    s.bytesIn = c.bytesIn.load(std::memory_order_relaxed);
    s.bytesOut = c.bytesOut.load(std::memory_order_relaxed);
    s.p50 = c.latency.percentile(0.50);
    s.p95 = c.latency.percentile(0.95);
    s.p99 = c.latency.percentile(0.99);
    return s;
}

MetricsSnapshot RequestMetrics::total() const
{
    MetricsSnapshot s = snapshotOf({}, m_total);
    QReadLocker read(&m_lock);
    for (const auto &c : std::as_const(m_tenants)) {
        s.bytesIn += c->bytesIn.load(std::memory_order_relaxed);
        s.bytesOut += c->bytesOut.load(std::memory_order_relaxed);
    }
    return s;
}

MetricsSnapshot RequestMetrics::forTenant(const QString &tenantId) const
{
    std::shared_ptr<RequestCounters> counters;
    {
        QReadLocker read(&m_lock);
        counters = m_tenants.value(tenantId);
    }
    if (!counters) {
        MetricsSnapshot empty;
        empty.tenantId = tenantId;
        return empty;
    }
    return snapshotOf(tenantId, *counters);
}

void RequestMetrics::forEachTenant(const std::function<void(const QString &, const TenantTotals &)> &visit,
                                   TenantLatency latency) const
{
    QReadLocker read(&m_lock);
    TenantTotals t;
    for (auto it = m_tenants.cbegin(); it != m_tenants.cend(); ++it) {
        const RequestCounters &c = *it.value();
        t.requests = c.requests.load(std::memory_order_relaxed);
        t.clientErrors = c.clientErrors.load(std::memory_order_relaxed);
        t.serverErrors = c.serverErrors.load(std::memory_order_relaxed);
        t.authFailures = c.authFailures.load(std::memory_order_relaxed);
        t.bytesIn = c.bytesIn.load(std::memory_order_relaxed);
        t.bytesOut = c.bytesOut.load(std::memory_order_relaxed);
        if (latency == TenantLatency::Include) {
            t.latencySumUs = c.latency.sumUs();
            t.latency = c.latency.counts();
        }
        visit(it.key(), t);
    }
}

LatencyHistogram::Buckets RequestMetrics::totalLatencyBuckets() const
{
    return m_total.latency.counts();
}

LatencyHistogram::Buckets RequestMetrics::tenantLatencyBuckets(const QString &tenantId) const
{
    std::shared_ptr<RequestCounters> counters;
    {
        QReadLocker read(&m_lock);
        counters = m_tenants.value(tenantId);
    }
    return counters ? counters->latency.counts() : LatencyHistogram::Buckets{};
}

int RequestMetrics::tenantCount() const
{
    QReadLocker read(&m_lock);
    return int(m_tenants.size());
}

QList<MetricsSnapshot> RequestMetrics::busiest(int limit) const
{
    std::vector<std::pair<qint64, std::pair<QString, std::shared_ptr<RequestCounters>>>> all;
    {
        QReadLocker read(&m_lock);
        all.reserve(std::size_t(m_tenants.size()));
        for (auto it = m_tenants.cbegin(); it != m_tenants.cend(); ++it)
            all.push_back({it.value()->requests.load(std::memory_order_relaxed), {it.key(), it.value()}});
    }
    const std::size_t n = std::min<std::size_t>(std::size_t(std::max(limit, 0)), all.size());
    std::partial_sort(all.begin(), all.begin() + qsizetype(n), all.end(),
                      [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second.first < b.second.first); });
    QList<MetricsSnapshot> out;
    out.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i)
        out.append(snapshotOf(all[i].second.first, *all[i].second.second));
    return out;
}

namespace {

QByteArray labelValue(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return v;
}

QByteArray seconds(qint64 us)
{
    return QByteArray::number(double(us) / 1e6, 'g', 9);
}

} // namespace

QByteArray RequestMetrics::prometheusText(int topTenants, const std::function<QString(const QString &)> &slugOf) const
{
    const QList<MetricsSnapshot> top = busiest(topTenants);
    const MetricsSnapshot all = snapshotOf({}, m_total); // no byte counts here: skip total()'s sum
    // What the busiest do not account for, summed: requests of every other tenant.
    qint64 tenantRequests = 0, tenantClient = 0, tenantServer = 0;
    {
        QReadLocker read(&m_lock);
        for (const auto &c : std::as_const(m_tenants)) {
            tenantRequests += c->requests.load(std::memory_order_relaxed);
            tenantClient += c->clientErrors.load(std::memory_order_relaxed);
            tenantServer += c->serverErrors.load(std::memory_order_relaxed);
        }
    }
    MetricsSnapshot other;
    other.requests = tenantRequests;
    other.clientErrors = tenantClient;
    other.serverErrors = tenantServer;
    QList<std::pair<QByteArray, MetricsSnapshot>> labelled;
    for (const MetricsSnapshot &s : top) {
        const QString slug = slugOf ? slugOf(s.tenantId) : QString();
        labelled.append({labelValue(slug.isEmpty() ? s.tenantId : slug), s});
        other.requests -= s.requests;
        other.clientErrors -= s.clientErrors;
        other.serverErrors -= s.serverErrors;
    }

    QByteArray out;
    const auto counter = [&](const char *name, const char *help, auto field) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n";
        for (const auto &[label, s] : labelled)
            out += QByteArray(name) + "{tenant=\"" + label + "\"} " + QByteArray::number(s.*field) + '\n';
        out += QByteArray(name) + "{tenant=\"_other\"} " + QByteArray::number(other.*field) + '\n';
    };
    counter("tenantry_tenant_requests_total", "Requests served per tenant (the busiest by name, the rest as _other).",
            &MetricsSnapshot::requests);
    counter("tenantry_tenant_client_errors_total", "4xx responses per tenant.", &MetricsSnapshot::clientErrors);
    counter("tenantry_tenant_server_errors_total", "5xx responses per tenant.", &MetricsSnapshot::serverErrors);

    out += "# HELP tenantry_tenant_request_duration_seconds Latency quantiles of the busiest tenants.\n"
           "# TYPE tenantry_tenant_request_duration_seconds gauge\n";
    for (const auto &[label, s] : labelled) {
        for (const auto &[q, value] : {std::pair{"0.5", s.p50}, std::pair{"0.95", s.p95}, std::pair{"0.99", s.p99}})
            out += "tenantry_tenant_request_duration_seconds{tenant=\"" + label + "\",quantile=\"" + q + "\"} "
                + seconds(value.count()) + '\n';
    }

    out += "# HELP tenantry_requests_total Requests served by this server, with or without a tenant.\n"
           "# TYPE tenantry_requests_total counter\n"
           "tenantry_requests_total " + QByteArray::number(all.requests) + '\n';
    out += "# HELP tenantry_request_duration_seconds Latency of every request this server answered.\n"
           "# TYPE tenantry_request_duration_seconds histogram\n";
    const auto cum = m_total.latency.cumulative();
    for (std::size_t i = 0; i < LatencyHistogram::kBoundsUs.size(); ++i)
        out += "tenantry_request_duration_seconds_bucket{le=\"" + seconds(LatencyHistogram::kBoundsUs[i]) + "\"} "
            + QByteArray::number(cum[i]) + '\n';
    out += "tenantry_request_duration_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(cum.back()) + '\n';
    out += "tenantry_request_duration_seconds_sum " + seconds(m_total.latency.sumUs()) + '\n';
    out += "tenantry_request_duration_seconds_count " + QByteArray::number(cum.back()) + '\n';
    out += "# HELP tenantry_tenants_seen Tenants that have served at least one request since start.\n"
           "# TYPE tenantry_tenants_seen gauge\n"
           "tenantry_tenants_seen " + QByteArray::number(tenantCount()) + '\n';
    return out;
}

} // namespace Tenantry::Observe
