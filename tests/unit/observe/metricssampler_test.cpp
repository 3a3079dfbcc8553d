#include "core/observe/metricssampler.h"

#include "core/base/clock.h"

#include <gtest/gtest.h>

using namespace Tenantry::Observe;
using namespace Qt::StringLiterals;
using std::chrono::microseconds;
using std::chrono::milliseconds;
using Tenantry::ManualClock;

namespace {

class MetricsSamplerTest : public ::testing::Test
{
protected:
    // `count` requests of `tenantId` with `status`, at the latencies cycled from `latencies`.
    void serve(const QString &tenantId, int count, int status = 200, QList<microseconds> latencies = {milliseconds(2)},
               LatencyHistogram *alsoInto = nullptr)
    {
        for (int i = 0; i < count; ++i) {
            const microseconds latency = latencies[i % latencies.size()];
            metrics.record(tenantId, status, latency);
            if (alsoInto)
                alsoInto->record(latency);
        }
    }

    const TenantRate *topEntry(const MetricsSample &s, const QString &tenantId) const
    {
        for (const TenantRate &r : s.top) {
            if (r.tenantId == tenantId)
                return &r;
        }
        return nullptr;
    }

    static QStringList ids(const QList<TenantRate> &rates)
    {
        QStringList out;
        for (const TenantRate &r : rates)
            out.append(r.tenantId);
        return out;
    }

    RequestMetrics metrics;
    ManualClock clock{QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC)};
};

TEST_F(MetricsSamplerTest, RatesAndErrorRatesCoverOnlyTheInterval)
{
    serve(u"acme"_s, 500, 500); // before the sampler: history, not this interval's traffic
    MetricsSampler sampler(metrics, clock);

    serve(u"acme"_s, 80);
    serve(u"acme"_s, 10, 404);
    serve(u"acme"_s, 10, 503);
    serve(u"globex"_s, 100, 401);
    serve({}, 100); // health checks: the server's totals only
    clock.advanceSeconds(2);
    const MetricsSample s = sampler.sample();

    EXPECT_EQ(s.at, clock.now());
    EXPECT_EQ(s.interval, milliseconds(2000));
    EXPECT_EQ(s.requests, 300);
    EXPECT_EQ(s.requestsTotal, 800);
    EXPECT_DOUBLE_EQ(s.requestsPerSecond, 150.0);
    EXPECT_EQ(s.clientErrors, 110);
    EXPECT_EQ(s.serverErrors, 10);
    EXPECT_DOUBLE_EQ(s.errorRate, 120.0 / 300.0);
    EXPECT_DOUBLE_EQ(s.serverErrorRate, 10.0 / 300.0);
    EXPECT_EQ(s.tenantsSeen, 2);
    EXPECT_EQ(s.tenantsActive, 2);

    // Each tenant's figures are its own: globex's 401s do not show up as acme's errors.
    const TenantRate *acme = topEntry(s, u"acme"_s);
    ASSERT_NE(acme, nullptr);
    EXPECT_EQ(acme->requests, 100);
    EXPECT_DOUBLE_EQ(acme->requestsPerSecond, 50.0);
    EXPECT_EQ(acme->clientErrors, 10);
    EXPECT_EQ(acme->serverErrors, 10);
    EXPECT_DOUBLE_EQ(acme->errorRate(), 0.2);
    EXPECT_EQ(acme->requestsTotal, 600);
    const TenantRate *globex = topEntry(s, u"globex"_s);
    ASSERT_NE(globex, nullptr);
    EXPECT_EQ(globex->clientErrors, 100);
    EXPECT_EQ(globex->serverErrors, 0);
    EXPECT_DOUBLE_EQ(globex->errorRate(), 1.0);

    // A quiet second: nothing, and no division by zero.
    clock.advanceSeconds(1);
    const MetricsSample quiet = sampler.sample();
    EXPECT_EQ(quiet.interval, milliseconds(1000));
    EXPECT_EQ(quiet.requests, 0);
    EXPECT_EQ(quiet.requestsPerSecond, 0.0);
    EXPECT_EQ(quiet.errorRate, 0.0);
    EXPECT_EQ(quiet.p95, microseconds(0));
    EXPECT_EQ(quiet.tenantsSeen, 2);
    EXPECT_EQ(quiet.tenantsActive, 0);
    EXPECT_TRUE(quiet.top.isEmpty());
}

TEST_F(MetricsSamplerTest, AnEmptyIntervalHasNoRate)
{
    MetricsSampler sampler(metrics, clock);
    serve(u"acme"_s, 10);
    const MetricsSample s = sampler.sample(); // the clock did not move
    EXPECT_EQ(s.interval, milliseconds(0));
    EXPECT_EQ(s.requests, 10);
    EXPECT_EQ(s.requestsPerSecond, 0.0);
    ASSERT_EQ(s.top.size(), 1);
    EXPECT_EQ(s.top.first().requestsPerSecond, 0.0);
}

TEST_F(MetricsSamplerTest, PercentilesAreThoseOfTheIntervalAlone)
{
    MetricsSampler sampler(metrics, clock);
    serve(u"acme"_s, 20000, 200, {microseconds(400)}); // a long, fast past
    clock.advanceSeconds(1);
    sampler.sample();

    // Then one slow second, also fed to a histogram that sees only this second.
    LatencyHistogram intervalOnly, acmeIntervalOnly;
    QList<microseconds> slow;
    for (int ms = 40; ms <= 240; ms += 7)
        slow.append(milliseconds(ms));
    serve(u"acme"_s, 300, 200, slow, &acmeIntervalOnly);
    for (int i = 0; i < 300; ++i)
        intervalOnly.record(slow[i % slow.size()]);
    serve(u"globex"_s, 50, 200, {milliseconds(900)}, &intervalOnly);
    clock.advanceSeconds(1);
    const MetricsSample s = sampler.sample();

    EXPECT_EQ(s.p50, intervalOnly.percentile(0.50));
    EXPECT_EQ(s.p95, intervalOnly.percentile(0.95));
    EXPECT_EQ(s.p99, intervalOnly.percentile(0.99));
    EXPECT_GT(s.p50, milliseconds(40));
    // Since start the fast past dominates: the interval figure is a different number.
    EXPECT_LT(metrics.total().p95, milliseconds(1));

    const TenantRate *acme = topEntry(s, u"acme"_s);
    ASSERT_NE(acme, nullptr);
    ASSERT_TRUE(acme->p95.has_value());
    EXPECT_EQ(*acme->p95, acmeIntervalOnly.percentile(0.95));
    const TenantRate *globex = topEntry(s, u"globex"_s);
    ASSERT_NE(globex, nullptr);
    ASSERT_TRUE(globex->p95.has_value()); // new since the last sample: all of it is this interval's
    EXPECT_EQ(*globex->p95, LatencyHistogram::percentileOf(metrics.tenantLatencyBuckets(u"globex"_s), 0.95));
    EXPECT_GT(*globex->p95, milliseconds(750));
}

TEST_F(MetricsSamplerTest, ATenantNotReportedLastTimeHasItsP95FromTheNextSampleOn)
{
    serve(u"acme"_s, 100, 200, {milliseconds(1)});
    MetricsSampler sampler(metrics, clock); // acme exists; its histogram was not read
    serve(u"acme"_s, 100, 200, {milliseconds(60)});
    clock.advanceSeconds(1);
    const MetricsSample first = sampler.sample();
    ASSERT_EQ(first.top.size(), 1);
    EXPECT_FALSE(first.top.first().p95.has_value()) << "a since-start figure must not pass for an interval one";

    serve(u"acme"_s, 100, 200, {milliseconds(60)});
    clock.advanceSeconds(1);
    const MetricsSample second = sampler.sample();
    ASSERT_EQ(second.top.size(), 1);
    ASSERT_TRUE(second.top.first().p95.has_value());
    EXPECT_GT(*second.top.first().p95, milliseconds(50));
}

TEST_F(MetricsSamplerTest, AHistogramReadingStaysABaselineWhileTheTenantIsIdle)
{
    MetricsSampler sampler(metrics, clock, 1); // reports 1, reads the histograms of the 2 busiest
    serve(u"a"_s, 100);
    serve(u"b"_s, 50);
    serve(u"c"_s, 40);
    clock.advanceSeconds(1);
    sampler.sample(); // read: a (reported) and b; c is new but not read

    serve(u"a"_s, 100);
    serve(u"c"_s, 90);
    serve(u"d"_s, 1);
    clock.advanceSeconds(1);
    sampler.sample(); // b idle: its reading still holds; c read now; d served but was not read

    LatencyHistogram bOnly;
    serve(u"b"_s, 200, 200, {milliseconds(70), milliseconds(120)}, &bOnly);
    clock.advanceSeconds(1);
    MetricsSample s = sampler.sample();
    ASSERT_EQ(s.top.size(), 1);
    EXPECT_EQ(s.top.first().tenantId, u"b"_s);
    ASSERT_TRUE(s.top.first().p95.has_value());
    EXPECT_EQ(*s.top.first().p95, bOnly.percentile(0.95));

    // d served in the second interval without being read, so there is no baseline for it.
    serve(u"d"_s, 500);
    clock.advanceSeconds(1);
    s = sampler.sample();
    ASSERT_EQ(s.top.size(), 1);
    EXPECT_EQ(s.top.first().tenantId, u"d"_s);
    EXPECT_FALSE(s.top.first().p95.has_value());
}

TEST_F(MetricsSamplerTest, TopIsTheBusiestOfTheIntervalNotSinceStart)
{
    serve(u"old-giant"_s, 10000);
    MetricsSampler sampler(metrics, clock, 5);
    serve(u"old-giant"_s, 1);
    for (int i = 0; i < 15; ++i)
        serve(u"t%1"_s.arg(i, 2, 10, QChar(u'0')), 10 + i);
    serve(u"tie-b"_s, 23); // ties t13: ordered by id
    serve(u"t00"_s, 0);
    clock.advanceSeconds(1);
    const MetricsSample s = sampler.sample();

    EXPECT_EQ(ids(s.top), (QStringList{u"t14"_s, u"t13"_s, u"tie-b"_s, u"t12"_s, u"t11"_s}));
    EXPECT_EQ(s.top.first().requests, 24);
    EXPECT_EQ(s.tenantsSeen, 17);
    EXPECT_EQ(s.tenantsActive, 17);
    for (qsizetype i = 1; i < s.top.size(); ++i)
        EXPECT_GE(s.top[i - 1].requests, s.top[i].requests);
}

TEST_F(MetricsSamplerTest, TheSelectedTenantIsReportedWhereverItRanks)
{
    MetricsSampler sampler(metrics, clock, 3);
    for (int i = 0; i < 10; ++i)
        serve(u"busy-%1"_s.arg(i), 100 + i);
    serve(u"small"_s, 4, 200, {milliseconds(30)});
    serve(u"small"_s, 1, 500, {milliseconds(30)});
    sampler.setSelectedTenant(u"small"_s);
    EXPECT_EQ(sampler.selectedTenant(), u"small"_s);
    clock.advanceSeconds(1);
    MetricsSample s = sampler.sample();

    EXPECT_EQ(s.top.size(), 3);
    EXPECT_EQ(topEntry(s, u"small"_s), nullptr);
    ASSERT_TRUE(s.selected.has_value());
    EXPECT_EQ(s.selected->tenantId, u"small"_s);
    EXPECT_EQ(s.selected->requests, 5);
    EXPECT_DOUBLE_EQ(s.selected->requestsPerSecond, 5.0);
    EXPECT_DOUBLE_EQ(s.selected->errorRate(), 0.2);
    ASSERT_TRUE(s.selected->p95.has_value());
    EXPECT_GT(*s.selected->p95, milliseconds(20));

    // Idle: reported with its total and no rate.
    serve(u"busy-1"_s, 10);
    clock.advanceSeconds(1);
    s = sampler.sample();
    ASSERT_TRUE(s.selected.has_value());
    EXPECT_EQ(s.selected->requests, 0);
    EXPECT_EQ(s.selected->requestsTotal, 5);
    EXPECT_FALSE(s.selected->p95.has_value());

    // In the top: the same figures as its row there.
    serve(u"small"_s, 50, 200, {milliseconds(30)});
    clock.advanceSeconds(1);
    s = sampler.sample();
    ASSERT_TRUE(s.selected.has_value());
    ASSERT_NE(topEntry(s, u"small"_s), nullptr);
    EXPECT_EQ(s.top.first().tenantId, u"small"_s);
    EXPECT_EQ(s.selected->requests, 50);
    ASSERT_TRUE(s.selected->p95.has_value()); // its histogram was read while it was idle
    EXPECT_EQ(*s.selected->p95, *s.top.first().p95);

    // A tenant that never served anything: zeros, not an error.
    sampler.setSelectedTenant(u"nobody"_s);
    clock.advanceSeconds(1);
    s = sampler.sample();
    ASSERT_TRUE(s.selected.has_value());
    EXPECT_EQ(s.selected->tenantId, u"nobody"_s);
    EXPECT_EQ(s.selected->requestsTotal, 0);

    sampler.setSelectedTenant({});
    clock.advanceSeconds(1);
    EXPECT_FALSE(sampler.sample().selected.has_value());
}

TEST_F(MetricsSamplerTest, ALongGapIsAveragedOverItsLength)
{
    MetricsSampler sampler(metrics, clock);
    serve(u"acme"_s, 6000);
    clock.advanceSeconds(120); // nobody sampled for two minutes
    const MetricsSample s = sampler.sample();
    EXPECT_EQ(s.interval, milliseconds(120000));
    EXPECT_DOUBLE_EQ(s.requestsPerSecond, 50.0);
}

} // namespace
