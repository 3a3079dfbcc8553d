#include "core/quota/windowcounter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace Tenantry::Quota;

TEST(WindowCounter, AdmitsUpToTheLimitThenRefuses)
{
    WindowCounter counter;
    for (int i = 1; i <= 3; ++i) {
        const CounterDecision d = counter.admit(100, 1, 3);
        EXPECT_TRUE(d.admitted);
        EXPECT_EQ(d.used, i);
        EXPECT_EQ(d.remaining, 3 - i);
    }
    const CounterDecision refused = counter.admit(100, 1, 3);
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.used, 3);
    EXPECT_EQ(refused.remaining, 0);
    EXPECT_EQ(counter.used(100), 3);
}

TEST(WindowCounter, CostsMoreThanOneUnitAndNeverOverruns)
{
    WindowCounter counter;
    EXPECT_TRUE(counter.admit(7, 4, 10).admitted);
    EXPECT_TRUE(counter.admit(7, 4, 10).admitted);
    const CounterDecision tooBig = counter.admit(7, 4, 10);
    EXPECT_FALSE(tooBig.admitted);
    EXPECT_EQ(tooBig.remaining, 2);
    EXPECT_EQ(counter.used(7), 8);
    EXPECT_TRUE(counter.admit(7, 2, 10).admitted);
    EXPECT_EQ(counter.used(7), 10);
    EXPECT_FALSE(counter.admit(8, 11, 10).admitted);
}

TEST(WindowCounter, ANewWindowStartsAFreshCount)
{
    WindowCounter counter;
    EXPECT_TRUE(counter.admit(20000, 5, 5).admitted);
    EXPECT_FALSE(counter.admit(20000, 1, 5).admitted);
    const CounterDecision next = counter.admit(20001, 1, 5);
    EXPECT_TRUE(next.admitted);
    EXPECT_EQ(next.used, 1);
    EXPECT_EQ(counter.used(20000), 0);
    EXPECT_EQ(counter.used(20001), 1);
}

TEST(WindowCounter, ALaggingCallerCountsAgainstTheNewerWindow)
{
    WindowCounter counter;
    EXPECT_TRUE(counter.admit(501, 2, 3).admitted);
    const CounterDecision late = counter.admit(500, 1, 3);
    EXPECT_TRUE(late.admitted);
    EXPECT_EQ(counter.used(501), 3);
    EXPECT_FALSE(counter.admit(500, 1, 3).admitted);
}

TEST(WindowCounter, RefundGivesUnitsBackOnlyInTheSameWindow)
{
    WindowCounter counter;
    EXPECT_TRUE(counter.admit(9, 3, 3).admitted);
    counter.refund(9, 2);
    EXPECT_EQ(counter.used(9), 1);
    EXPECT_TRUE(counter.admit(9, 2, 3).admitted);
    counter.refund(9, 10);
    EXPECT_EQ(counter.used(9), 0);

    EXPECT_TRUE(counter.admit(10, 1, 3).admitted);
    counter.refund(9, 1); // the old window's request: the new window owes it nothing
    EXPECT_EQ(counter.used(10), 1);
}

TEST(WindowCounter, WindowIndicesWrapWithoutLosingOrder)
{
    WindowCounter counter;
    const qint64 last = (qint64(1) << 24) - 1;
    EXPECT_TRUE(counter.admit(last, 1, 1).admitted);
    EXPECT_TRUE(counter.admit(last + 1, 1, 1).admitted); // wraps to 0 and is newer
    EXPECT_FALSE(counter.admit(last, 1, 1).admitted);    // older: counts in the newer window
}

TEST(WindowCounter, EightThreadsAdmitExactlyTheLimit)
{
    WindowCounter counter;
    constexpr qint64 limit = 10'000;
    constexpr int threads = 8;
    constexpr int attemptsEach = 5'000; // 40,000 attempts for 10,000 places
    for (qint64 window : {30000, 30001}) {
        std::atomic<qint64> admitted{0};
        std::atomic<bool> go{false};
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&] {
                while (!go.load())
                    std::this_thread::yield();
                qint64 mine = 0;
                for (int i = 0; i < attemptsEach; ++i)
                    mine += counter.admit(window, 1, limit).admitted ? 1 : 0;
                admitted.fetch_add(mine);
            });
        go.store(true);
        for (std::thread &th : pool)
            th.join();
        EXPECT_EQ(admitted.load(), limit) << "window " << window;
        EXPECT_EQ(counter.used(window), limit);
    }
}

TEST(WindowCounter, ThreadsRacingAcrossTheBoundaryStayWithinEachWindow)
{
    // Half the threads still think it is window 40000, half have moved to 40001: window
    // 40000 admits at most the limit, and 40001 (which takes the laggards too) as well.
    WindowCounter counter;
    constexpr qint64 limit = 3'000;
    std::atomic<qint64> admittedOld{0}, admittedNew{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (int t = 0; t < 8; ++t)
        pool.emplace_back([&, t] {
            while (!go.load())
                std::this_thread::yield();
            for (int i = 0; i < 2'000; ++i) {
                const qint64 window = (t % 2 == 0 || i < 200) ? 40000 : 40001;
                if (counter.admit(window, 1, limit).admitted)
                    (window == 40000 ? admittedOld : admittedNew).fetch_add(1);
            }
        });
    go.store(true);
    for (std::thread &th : pool)
        th.join();
    EXPECT_LE(counter.used(40001), limit);
    EXPECT_EQ(counter.used(40001), limit); // 16,000 attempts: the new window fills
    EXPECT_LE(admittedOld.load() + admittedNew.load(), 2 * limit);
    EXPECT_GE(admittedNew.load(), 1);
}
