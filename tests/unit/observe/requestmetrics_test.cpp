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
