#include "core/quota/ratelimiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace Tenantry::Quota;

namespace {

constexpr qint64 kSecondUs = 1'000'000;
constexpr qint64 kStartUs = 1'790'000'000LL * kSecondUs;

} // namespace

TEST(RateLimiter, ABurstPassesAtOnceThenTheRate)
{
    RateLimiter limiter;
    for (int i = 0; i < 5; ++i) {
        const RateDecision d = limiter.admit(kStartUs, 1, 1.0, 5);
        ASSERT_TRUE(d.admitted) << i;
        EXPECT_EQ(d.remaining, 4 - i);
        EXPECT_EQ(d.resetUs, (i + 1) * kSecondUs);
    }
    const RateDecision refused = limiter.admit(kStartUs, 1, 1.0, 5);
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.retryAfterUs, kSecondUs);
    EXPECT_EQ(refused.remaining, 0);
    EXPECT_EQ(refused.resetUs, 5 * kSecondUs);

    EXPECT_FALSE(limiter.admit(kStartUs + kSecondUs - 1, 1, 1.0, 5).admitted);
    EXPECT_TRUE(limiter.admit(kStartUs + kSecondUs, 1, 1.0, 5).admitted);
    EXPECT_FALSE(limiter.admit(kStartUs + kSecondUs, 1, 1.0, 5).admitted);
}

TEST(RateLimiter, CostTakesSeveralUnits)
{
    RateLimiter limiter;
    EXPECT_TRUE(limiter.admit(kStartUs, 3, 10.0, 5).admitted);
    const RateDecision refused = limiter.admit(kStartUs, 3, 10.0, 5);
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.remaining, 2);
    EXPECT_EQ(refused.retryAfterUs, kSecondUs / 10);
    EXPECT_TRUE(limiter.admit(kStartUs, 2, 10.0, 5).admitted);
}

TEST(RateLimiter, ACostAboveTheBurstNeverPasses)
{
    RateLimiter limiter;
    const RateDecision d = limiter.admit(kStartUs, 6, 10.0, 5);
    EXPECT_FALSE(d.admitted);
    EXPECT_GT(d.retryAfterUs, 0);
    EXPECT_FALSE(limiter.admit(kStartUs + 100 * kSecondUs, 6, 10.0, 5).admitted);
    // The largest cost at the slowest rate neither overflows nor disturbs the limiter.
    const RateDecision huge = limiter.admit(kStartUs, 1'000'000'000'000, 0.001, 5);
    EXPECT_FALSE(huge.admitted);
    EXPECT_EQ(huge.retryAfterUs, 1'000'000'000);
    EXPECT_EQ(huge.remaining, 5);
    EXPECT_TRUE(limiter.admit(kStartUs, 5, 10.0, 5).admitted);
}

TEST(RateLimiter, RefundRestoresThePreviousState)
{
    RateLimiter limiter;
    EXPECT_TRUE(limiter.admit(kStartUs, 2, 1.0, 2).admitted);
    EXPECT_FALSE(limiter.admit(kStartUs, 1, 1.0, 2).admitted);
    limiter.refund(1, 1.0);
    EXPECT_TRUE(limiter.admit(kStartUs, 1, 1.0, 2).admitted);
    EXPECT_EQ(limiter.peek(kStartUs, 1.0, 2).remaining, 0);
}

TEST(RateLimiter, NoIntervalEverSeesMoreThanBurstPlusRateTimesItsLength)
{
    // A fixed-window limiter of 10 per second lets 20 through around a second boundary;
    // GCRA with burst 10 at 10/s allows at most 10 + 10 * t in any interval of t seconds.
    RateLimiter limiter;
    std::vector<qint64> admitted;
    const qint64 rate = 10, burst = 10;
    // Idle, then a flood every millisecond from 0.9 s to 3.1 s.
    for (qint64 t = kStartUs + 900'000; t < kStartUs + 3'100'000; t += 1'000)
        if (limiter.admit(t, 1, double(rate), burst).admitted)
            admitted.push_back(t);
    ASSERT_FALSE(admitted.empty());
    for (size_t i = 0; i < admitted.size(); ++i)
        for (size_t j = i; j < admitted.size(); ++j) {
            const qint64 count = qint64(j - i + 1);
            const qint64 spanUs = admitted[j] - admitted[i];
            EXPECT_LE(count * kSecondUs, burst * kSecondUs + rate * spanUs)
                << "from " << admitted[i] << " to " << admitted[j];
        }
    // Around the 1 s and 2 s marks: the 200 ms either side of each sees burst + 4 at most.
    for (qint64 edge : {kStartUs + kSecondUs, kStartUs + 2 * kSecondUs}) {
        qint64 around = 0;
        for (qint64 t : admitted)
            around += (t >= edge - 200'000 && t < edge + 200'000) ? 1 : 0;
        EXPECT_LE(around, burst + 4);
    }
    EXPECT_EQ(qint64(admitted.size()), burst + 21); // the full burst, then 2.2 s at 10/s
}

TEST(RateLimiter, EightThreadsAtOneInstantAdmitExactlyTheBurst)
{
    RateLimiter limiter;
    constexpr qint64 burst = 5'000;
    std::atomic<qint64> admitted{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (int t = 0; t < 8; ++t)
        pool.emplace_back([&] {
            while (!go.load())
                std::this_thread::yield();
            qint64 mine = 0;
            for (int i = 0; i < 2'500; ++i)
                mine += limiter.admit(kStartUs, 1, 0.5, burst).admitted ? 1 : 0;
            admitted.fetch_add(mine);
        });
    go.store(true);
    for (std::thread &th : pool)
        th.join();
    EXPECT_EQ(admitted.load(), burst);
}

TEST(RateLimiter, FractionalRatesSpaceRequestsOut)
{
    RateLimiter limiter;
    EXPECT_TRUE(limiter.admit(kStartUs, 1, 0.5, 1).admitted);
    const RateDecision refused = limiter.admit(kStartUs, 1, 0.5, 1);
    EXPECT_EQ(refused.retryAfterUs, 2 * kSecondUs);
    EXPECT_TRUE(limiter.admit(kStartUs + 2 * kSecondUs, 1, 0.5, 1).admitted);
}

TEST(RateLimiter, RaisingTheRateForgivesTheDebtOfTheOldOne)
{
    RateLimiter limiter;
    // 0.01 per second, burst 3: three requests leave the limiter 300 s in debt.
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(limiter.admit(0, 1, 0.01, 3).admitted);
    EXPECT_FALSE(limiter.admit(0, 1, 0.01, 3).admitted);
    // At 10 per second and burst 5 the old debt no longer counts: a full burst passes now,
    // not after 300 s; then the new rate holds and nothing more is forgiven.
    for (int i = 0; i < 5; ++i)
        EXPECT_TRUE(limiter.admit(0, 1, 10, 5).admitted) << i;
    EXPECT_FALSE(limiter.admit(0, 1, 10, 5).admitted);
    EXPECT_FALSE(limiter.admit(50'000, 1, 10, 5).admitted);
    EXPECT_TRUE(limiter.admit(100'000, 1, 10, 5).admitted);
}
