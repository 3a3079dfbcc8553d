#include "core/observe/anomalydetector.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

using namespace Tenantry::Observe;
using namespace Qt::StringLiterals;

namespace {

// Requests per minute following a day/night cycle, with Poisson noise from a fixed seed so
// every run sees the same traffic.
class SyntheticTraffic
{
public:
    explicit SyntheticTraffic(double base, double swing, unsigned seed = 7) : m_base(base), m_swing(swing), m_random(seed) {}
    double at(int minute)
    {
        const double rate = m_base + m_swing * std::sin(2 * std::numbers::pi * minute / 1440.0);
        return double(std::poisson_distribution<int>(std::max(rate, 0.0))(m_random));
    }

private:
    double m_base, m_swing;
    std::mt19937 m_random;
};

} // namespace

TEST(EwmaDetector, DiurnalTrafficIsNotAnAnomaly)
{
    for (const auto &[base, swing] : {std::pair{1000.0, 800.0}, std::pair{50.0, 40.0}, std::pair{5.0, 4.0}}) {
        EwmaDetector detector;
        SyntheticTraffic traffic(base, swing);
        int flagged = 0;
        for (int minute = 0; minute < 3 * 1440; ++minute)
            flagged += detector.observe(traffic.at(minute)).anomalous ? 1 : 0;
        EXPECT_EQ(flagged, 0) << "base " << base;
    }
}

TEST(EwmaDetector, FindsASpikeAndOnlyOnce)
{
    EwmaDetector detector;
    SyntheticTraffic traffic(1000, 800);
    QList<int> flaggedAt;
    for (int minute = 0; minute < 2 * 1440; ++minute) {
        double value = traffic.at(minute);
        if (minute >= 1500 && minute < 1505)
            value *= 4; // five minutes of four times the traffic
        if (detector.observe(value).anomalous)
            flaggedAt.append(minute);
    }
    EXPECT_EQ(flaggedAt, QList<int>{1500}); // the cooldown keeps the next minutes quiet
}

TEST(EwmaDetector, StaysQuietDuringWarmUp)
{
    EwmaDetector detector;
    for (int i = 0; i < 10; ++i)
        detector.observe(100);
    EXPECT_FALSE(detector.observe(10000).anomalous);
    for (int i = 0; i < 30; ++i)
        detector.observe(100);
    const EwmaDetector::Verdict v = detector.observe(10000);
    EXPECT_TRUE(v.anomalous);
    EXPECT_GT(v.score, 6.0);
    EXPECT_NEAR(v.expected, 100, 60); // the earlier spike moved the baseline only a little
}

TEST(EwmaDetector, SmallCountsNeedARealRise)
{
    // From 0-1 failed logins a minute, 3 is noise, not an attack; 40 is one.
    EwmaDetector detector;
    for (int i = 0; i < 60; ++i)
        detector.observe(i % 2);
    EXPECT_FALSE(detector.observe(3).anomalous);
    EXPECT_TRUE(detector.observe(40).anomalous);
}

TEST(AnomalyMonitor, FlagsOnlyTheTenantThatSpiked)
{
    RequestMetrics metrics;
    AnomalyMonitor monitor;
    SyntheticTraffic acme(200, 0, 1), globex(200, 0, 2);
    const auto serve = [&metrics](const QString &tenant, int requests, int status) {
        for (int i = 0; i < requests; ++i)
            metrics.record(tenant, status, std::chrono::milliseconds(1));
    };
    QList<Anomaly> found;
    for (int interval = 0; interval < 60; ++interval) {
        serve(u"acme"_s, int(acme.at(interval)), 200);
        serve(u"globex"_s, int(globex.at(interval)), 200);
        if (interval == 50) {
            serve(u"acme"_s, 2000, 200); // a flood
            serve(u"acme"_s, 300, 401);  // with a burst of bad credentials
        }
        found += monitor.sample(metrics);
    }
    ASSERT_EQ(found.size(), 3);
    QStringList signals_;
    for (const Anomaly &a : found) {
        EXPECT_EQ(a.tenantId, u"acme"_s);
        EXPECT_GT(a.value, a.expected);
        signals_.append(a.signal);
    }
    signals_.sort();
    EXPECT_EQ(signals_, (QStringList{u"auth_failures"_s, u"error_rate"_s, u"request_rate"_s}));
}
