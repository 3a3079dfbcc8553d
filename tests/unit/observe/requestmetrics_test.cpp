#include "core/observe/requestmetrics.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

#include <thread>

using namespace Tenantry::Observe;
using namespace Qt::StringLiterals;
using std::chrono::microseconds;
using std::chrono::milliseconds;

namespace {

qint64 ms(microseconds us)
{
    return us.count() / 1000;
}

QList<QByteArray> samples(const QByteArray &text)
{
    QList<QByteArray> out;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.isEmpty() && !line.startsWith('#'))
            out.append(line);
    }
    return out;
}

} // namespace

TEST(LatencyHistogram, PercentilesAreWithinABucketOfTheTruth)
{
    LatencyHistogram h;
    for (int i = 1; i <= 1000; ++i)
        h.record(microseconds(i * 100)); // 0.1 ms .. 100 ms, uniform
    EXPECT_EQ(h.count(), 1000);
    EXPECT_NEAR(ms(h.percentile(0.50)), 50, 10);
    EXPECT_NEAR(ms(h.percentile(0.95)), 95, 19);
    EXPECT_NEAR(ms(h.percentile(0.99)), 99, 20);
    EXPECT_LE(h.percentile(0.50), h.percentile(0.95));
    EXPECT_LE(h.percentile(0.95), h.percentile(0.99));
    EXPECT_EQ(LatencyHistogram().percentile(0.5), microseconds(0));
}

TEST(LatencyHistogram, OutliersLandInTheOpenBucket)
{
    LatencyHistogram h;
    h.record(std::chrono::minutes(5));
    h.record(microseconds(-3)); // a clock step must not corrupt the histogram
    EXPECT_EQ(h.count(), 2);
    EXPECT_EQ(h.cumulative().back(), 2);
    EXPECT_EQ(h.percentile(1.0), microseconds(LatencyHistogram::kBoundsUs.back()));
}

TEST(RequestMetrics, CountsPerTenantAndOverall)
{
    RequestMetrics m;
    m.record(u"a"_s, 200, milliseconds(1));
    m.record(u"a"_s, 404, milliseconds(1));
    m.record(u"a"_s, 503, milliseconds(1));
    m.record(u"b"_s, 200, milliseconds(2));
    m.record({}, 200, milliseconds(1)); // no tenant: totals only
    const MetricsSnapshot a = m.forTenant(u"a"_s);
    EXPECT_EQ(a.requests, 3);
    EXPECT_EQ(a.clientErrors, 1);
    EXPECT_EQ(a.serverErrors, 1);
    EXPECT_EQ(m.forTenant(u"b"_s).requests, 1);
    EXPECT_EQ(m.forTenant(u"nobody"_s).requests, 0);
    EXPECT_EQ(m.total().requests, 5);
    EXPECT_EQ(m.tenantCount(), 2);
    const auto busiest = m.busiest(1);
    ASSERT_EQ(busiest.size(), 1);
    EXPECT_EQ(busiest.first().tenantId, u"a"_s);
}

TEST(LatencyHistogram, PercentilesOfMergedCountsMatchOneHistogramOfAllSamples)
{
    // Two histograms' per-bucket counts added up estimate exactly what one histogram fed
    // every sample estimates: usage reports rely on this to merge hours.
    LatencyHistogram a, b, both;
    for (int i = 0; i < 500; ++i) {
        const microseconds latency(37 * i * i % 900000);
        (i % 3 ? a : b).record(latency);
        both.record(latency);
    }
    LatencyHistogram::Buckets merged = a.counts();
    const auto other = b.counts();
    for (std::size_t i = 0; i < merged.size(); ++i)
        merged[i] += other[i];
    EXPECT_EQ(merged, both.counts());
    for (double q : {0.0, 0.5, 0.9, 0.95, 0.99, 1.0})
        EXPECT_EQ(LatencyHistogram::percentileOf(merged, q), both.percentile(q)) << q;
    EXPECT_EQ(LatencyHistogram::percentileOf({}, 0.5), microseconds(0));
}

TEST(RequestMetrics, CountsBodyBytesAndExposesTheRunningTotals)
{
    RequestMetrics m;
    m.record(u"a"_s, 200, milliseconds(1), 0, 512);
    m.record(u"a"_s, 201, milliseconds(3), 2048, 90);
    m.record(u"a"_s, 401, microseconds(80), 10, 120);
    m.record(u"b"_s, 200, milliseconds(1), 7, 7);
    m.record({}, 200, milliseconds(1), 1000, 1000);
    EXPECT_EQ(m.forTenant(u"a"_s).bytesIn, 2058);
    EXPECT_EQ(m.forTenant(u"a"_s).bytesOut, 722);
    EXPECT_EQ(m.total().bytesIn, 3065);
    EXPECT_EQ(m.total().bytesOut, 1729);

    QHash<QString, TenantTotals> totals;
    m.forEachTenant([&](const QString &id, const TenantTotals &t) { totals.insert(id, t); },
                    RequestMetrics::TenantLatency::Include);
    ASSERT_EQ(totals.size(), 2); // the request without a tenant is no tenant's
    const TenantTotals &a = totals[u"a"_s];
    EXPECT_EQ(a.requests, 3);
    EXPECT_EQ(a.clientErrors, 1);
    EXPECT_EQ(a.authFailures, 1);
    EXPECT_EQ(a.bytesIn, 2058);
    EXPECT_EQ(a.bytesOut, 722);
    EXPECT_EQ(a.latencySumUs, 4080);
    qint64 samples = 0;
    for (qint64 n : a.latency)
        samples += n;
    EXPECT_EQ(samples, 3);
    EXPECT_EQ(a.latency[1], 1); // 80 us: above 50, up to 100
    EXPECT_EQ(totals[u"b"_s].bytesIn, 7);
}

TEST(RequestMetrics, ConcurrentRecordingLosesNothing)
{
    RequestMetrics m;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&m, t] {
            for (int i = 0; i < 25000; ++i)
                m.record(QString::number((i + t) % 100), i % 10 == 0 ? 500 : 200, microseconds(i % 5000));
        });
    }
    for (auto &t : threads)
        t.join();
    EXPECT_EQ(m.total().requests, 100000);
    EXPECT_EQ(m.total().serverErrors, 10000);
    qint64 sum = 0;
    for (const MetricsSnapshot &s : m.busiest(1000))
        sum += s.requests;
    EXPECT_EQ(sum, 100000);
}

TEST(RequestMetrics, PrometheusSeriesStayBoundedWithTenThousandTenants)
{
    const auto textFor = [](int tenants) {
        RequestMetrics m;
        for (int i = 0; i < tenants; ++i)
            m.record(u"tenant-%1"_s.arg(i), 200, milliseconds(1 + i % 7));
        for (int i = 0; i < 50; ++i)
            m.record(u"tenant-7"_s, 200, milliseconds(3)); // one clear leader
        return m.prometheusText(20, [](const QString &id) { return id == "tenant-7"_L1 ? u"acme"_s : QString(); });
    };
    const QList<QByteArray> small = samples(textFor(100));
    const QList<QByteArray> large = samples(textFor(10000));
    EXPECT_EQ(small.size(), large.size()); // cardinality does not grow with tenants
    EXPECT_LT(large.size(), 250);
    const QByteArray text = textFor(10000);
    EXPECT_TRUE(text.contains("tenantry_tenant_requests_total{tenant=\"acme\"} 51\n")) << text.left(400).toStdString();
    EXPECT_TRUE(text.contains("tenantry_tenant_requests_total{tenant=\"_other\"} 9980\n"));
    EXPECT_TRUE(text.contains("tenantry_requests_total 10050\n"));
    EXPECT_TRUE(text.contains("tenantry_tenants_seen 10000\n"));
    static const QRegularExpression sample(uR"(^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [0-9.e+-]+$)"_s);
    for (const QByteArray &line : large)
        EXPECT_TRUE(sample.match(QString::fromUtf8(line)).hasMatch()) << line.toStdString();
}
