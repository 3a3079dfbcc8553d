#include "core/notify/webhookpolicy.h"

#include <gtest/gtest.h>

using namespace Tenantry::Notify;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

TEST(WebhookPolicy, DefaultsMakeFiveAttemptsOverAboutAnHour)
{
    const WebhookPolicy policy;
    EXPECT_EQ(policy.maxAttempts, 5);
    milliseconds total{0};
    std::vector<milliseconds> delays;
    for (int failed = 1; failed < policy.maxAttempts; ++failed) {
        delays.push_back(policy.retryDelay(failed, 0.0));
        total += delays.back();
    }
    EXPECT_EQ(delays, (std::vector<milliseconds>{1min, 4min, 16min, 40min}));
    EXPECT_GE(total, 55min);
    EXPECT_LE(total, 70min);
    // With the most jitter, the whole schedule stays within about an hour and a quarter.
    milliseconds longest{0};
    for (int failed = 1; failed < policy.maxAttempts; ++failed)
        longest += policy.retryDelay(failed, 0.999999);
    EXPECT_LE(longest, 70min * 1.1);
}

TEST(WebhookPolicy, BacksOffExponentiallyUpToTheCap)
{
    WebhookPolicy policy;
    policy.firstRetryDelay = 10ms;
    policy.backoffFactor = 2.0;
    policy.maxRetryDelay = 50ms;
    policy.jitter = 0;
    EXPECT_EQ(policy.retryDelay(1, 0.5), 10ms);
    EXPECT_EQ(policy.retryDelay(2, 0.5), 20ms);
    EXPECT_EQ(policy.retryDelay(3, 0.5), 40ms);
    EXPECT_EQ(policy.retryDelay(4, 0.5), 50ms);
    EXPECT_EQ(policy.retryDelay(40, 0.5), 50ms); // no overflow far out
}

TEST(WebhookPolicy, JitterOnlyAddsUpToItsFraction)
{
    WebhookPolicy policy;
    policy.firstRetryDelay = 1000ms;
    policy.jitter = 0.2;
    EXPECT_EQ(policy.retryDelay(1, 0.0), 1000ms);
    EXPECT_EQ(policy.retryDelay(1, 0.5), 1100ms);
    EXPECT_EQ(policy.retryDelay(1, 0.999), 1200ms);
    EXPECT_EQ(policy.retryDelay(1, 7.0), 1200ms); // out-of-range randomness is clamped
}

TEST(WebhookPolicy, RetryAfterIsHonouredWithinReason)
{
    WebhookPolicy policy;
    policy.firstRetryDelay = 10ms;
    policy.jitter = 0;
    policy.maxRetryAfter = 10min;
    EXPECT_EQ(policy.retryDelay(1, 0, 30s), 30s);   // longer than the back-off: the receiver wins
    EXPECT_EQ(policy.retryDelay(1, 0, 1ms), 10ms);  // shorter: the back-off still applies
    EXPECT_EQ(policy.retryDelay(1, 0, 24h), 10min); // absurd: cut to the cap
    EXPECT_EQ(policy.retryDelay(1, 0, -5s), 10ms);
}

TEST(WebhookPolicy, ParsesRetryAfterSecondsAndDates)
{
    const QDateTime now = QDateTime::fromString(QStringLiteral("2015-10-21T07:27:00Z"), Qt::ISODate);
    EXPECT_EQ(WebhookPolicy::parseRetryAfter("120", now), milliseconds(120s));
    EXPECT_EQ(WebhookPolicy::parseRetryAfter(" 0 ", now), milliseconds(0));
    EXPECT_EQ(WebhookPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now), milliseconds(60s));
    EXPECT_EQ(WebhookPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), milliseconds(0)); // past
    EXPECT_EQ(WebhookPolicy::parseRetryAfter("99999999999999999999999", now), milliseconds(std::chrono::hours(24 * 365)));
    EXPECT_FALSE(WebhookPolicy::parseRetryAfter("", now).has_value());
    EXPECT_FALSE(WebhookPolicy::parseRetryAfter("soon", now).has_value());
    EXPECT_FALSE(WebhookPolicy::parseRetryAfter("-5", now).has_value());
    EXPECT_FALSE(WebhookPolicy::parseRetryAfter("1.5", now).has_value());
}
