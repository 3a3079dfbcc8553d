#include "core/quota/concurrencylimiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace Tenantry::Quota;

TEST(ConcurrencyLimiter, PermitsUpToTheLimitAndFreeTheirPlace)
{
    ConcurrencyLimiter limiter;
    auto a = limiter.tryAcquire(2);
    auto b = limiter.tryAcquire(2);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(limiter.inFlight(), 2);
    EXPECT_FALSE(limiter.tryAcquire(2));
    a.reset();
    EXPECT_EQ(limiter.inFlight(), 1);
    EXPECT_TRUE(limiter.tryAcquire(2)); // a temporary: released at once
    EXPECT_EQ(limiter.inFlight(), 1);
    b->release();
    b->release();
    EXPECT_EQ(limiter.inFlight(), 0);
}

TEST(ConcurrencyLimiter, MovingAPermitKeepsOnePlace)
{
    ConcurrencyLimiter limiter;
    auto a = limiter.tryAcquire(1);
    ASSERT_TRUE(a);
    ConcurrencyLimiter::Permit moved = std::move(*a);
    a.reset();
    EXPECT_EQ(limiter.inFlight(), 1);
    auto other = ConcurrencyLimiter().tryAcquire(1); // another key's limiter, gone at once
    (void)other;
    {
        ConcurrencyLimiter::Permit target = std::move(moved);
        EXPECT_EQ(limiter.inFlight(), 1);
    }
    EXPECT_EQ(limiter.inFlight(), 0);
}

TEST(ConcurrencyLimiter, EightThreadsNeverHoldMoreThanTheLimit)
{
    ConcurrencyLimiter limiter;
    constexpr qint64 limit = 3;
    std::atomic<qint64> holding{0}, highest{0}, granted{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < 8; ++t)
        pool.emplace_back([&] {
            for (int i = 0; i < 20'000; ++i) {
                auto permit = limiter.tryAcquire(limit);
                if (!permit)
                    continue;
                granted.fetch_add(1);
                const qint64 now = holding.fetch_add(1) + 1;
                qint64 seen = highest.load();
                while (now > seen && !highest.compare_exchange_weak(seen, now)) {
                }
                holding.fetch_sub(1);
            }
        });
    for (std::thread &th : pool)
        th.join();
    EXPECT_LE(highest.load(), limit);
    EXPECT_GT(granted.load(), 0);
    EXPECT_EQ(limiter.inFlight(), 0);
}

TEST(ConcurrencyLimiter, EightThreadsKeepingTheirPermitsGetExactlyTheLimit)
{
    ConcurrencyLimiter limiter;
    constexpr qint64 limit = 1'000;
    std::mutex keptMutex;
    std::vector<ConcurrencyLimiter::Permit> kept;
    std::vector<std::thread> pool;
    for (int t = 0; t < 8; ++t)
        pool.emplace_back([&] {
            for (int i = 0; i < 500; ++i)
                if (auto permit = limiter.tryAcquire(limit)) {
                    std::lock_guard lock(keptMutex);
                    kept.push_back(std::move(*permit));
                }
        });
    for (std::thread &th : pool)
        th.join();
    EXPECT_EQ(qint64(kept.size()), limit);
    EXPECT_EQ(limiter.inFlight(), limit);
    kept.clear();
    EXPECT_EQ(limiter.inFlight(), 0);
}
