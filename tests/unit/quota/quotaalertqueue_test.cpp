#include "core/quota/quotaalertqueue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace Tenantry::Quota;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDayStart = 1'772'323'200'000; // 2026-03-01T00:00:00Z
constexpr qint64 kDayMs = 24 * 3600 * 1000;

QuotaAlert dayAlert(int threshold, const QString &tenant = u"t-a"_s, qint64 windowStart = kDayStart,
                    qint64 atMs = kDayStart + 1000)
{
    return {tenant, u"api_calls_per_day"_s, windowStart, windowStart + kDayMs, threshold, 96, 100, atMs};
}

QList<int> thresholdsOf(const QList<QuotaAlert> &alerts)
{
    QList<int> out;
    for (const QuotaAlert &a : alerts)
        out.append(a.threshold);
    return out;
}

TEST(QuotaAlertQueue, AJumpQueuesEveryCrossedLevelOnceInAscendingOrder)
{
    QuotaAlertQueue queue;
    EXPECT_EQ(queue.offer(dayAlert(95)), 3);
    EXPECT_EQ(queue.offer(dayAlert(100)), 1);
    EXPECT_EQ(queue.offer(dayAlert(95)), 0);
    const QList<QuotaAlert> taken = queue.take();
    EXPECT_EQ(thresholdsOf(taken), (QList<int>{80, 90, 95, 100}));
    for (const QuotaAlert &a : taken) {
        EXPECT_EQ(a.tenantId, u"t-a"_s);
        EXPECT_EQ(a.used, 96); // the usage that was seen, for every level it implies
        EXPECT_EQ(a.windowEndMs, kDayStart + kDayMs);
    }
    EXPECT_TRUE(queue.take().isEmpty());
    EXPECT_EQ(queue.counters().queued, 4);
    EXPECT_EQ(queue.counters().duplicates, 6); // 80, 90, 95 with 100, then 80, 90, 95 again
}

TEST(QuotaAlertQueue, OncePerTenantDimensionAndWindow)
{
    QuotaAlertQueue queue;
    EXPECT_EQ(queue.offer(dayAlert(80)), 1);
    EXPECT_EQ(queue.offer(dayAlert(80)), 0);
    EXPECT_EQ(queue.offer(dayAlert(80, u"t-b"_s)), 1);
    EXPECT_EQ(queue.offer(dayAlert(80, u"t-a"_s, kDayStart + kDayMs, kDayStart + kDayMs)), 1); // the next day
    QuotaAlert month = dayAlert(80);
    month.dimension = u"api_calls_per_month"_s;
    EXPECT_EQ(queue.offer(month), 1);
    QuotaAlert rule = dayAlert(80);
    rule.dimension = u"rule:exports"_s;
    EXPECT_EQ(queue.offer(rule), 1);
    EXPECT_EQ(queue.take().size(), 5);
    // Taking does not forget: the same level in the same window stays quiet. (Day one's
    // entries are gone: the next day's offer was dated after day one ended.)
    EXPECT_EQ(queue.offer(dayAlert(80, u"t-a"_s, kDayStart + kDayMs, kDayStart + kDayMs + 5)), 0);
}

TEST(QuotaAlertQueue, EightThreadsOfferingTheSameAlertQueueItOnce)
{
    QuotaAlertQueue queue;
    std::atomic<int> queued{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            while (!go.load())
                std::this_thread::yield();
            for (int n = 0; n < 1000; ++n)
                queued += queue.offer(dayAlert(80));
        });
    }
    go = true;
    for (std::thread &t : threads)
        t.join();
    EXPECT_EQ(queued.load(), 1);
    EXPECT_EQ(queue.take().size(), 1);
    EXPECT_EQ(queue.counters().duplicates, 8 * 1000 - 1);
}

TEST(QuotaAlertQueue, AFullQueueDropsAndDoesNotRememberWhatItDropped)
{
    QuotaAlertQueue queue(3);
    EXPECT_EQ(queue.offer(dayAlert(100)), 3);
    EXPECT_EQ(queue.counters().dropped, 1);
    EXPECT_EQ(thresholdsOf(queue.take()), (QList<int>{80, 90, 95}));
    // 100 was never queued, so the next offer that implies it queues it.
    EXPECT_EQ(queue.offer(dayAlert(100)), 1);
    EXPECT_EQ(thresholdsOf(queue.take()), (QList<int>{100}));
}

TEST(QuotaAlertQueue, ForgetsWindowsThatEnded)
{
    QuotaAlertQueue queue;
    queue.offer(dayAlert(90)); // 80 and 90 of day one
    QuotaAlert storage{u"t-a"_s, u"storage_bytes"_s, 0, 0, 80, 850, 1000, kDayStart + 5};
    queue.offer(storage);
    EXPECT_EQ(queue.remembered(), 3);
    // An offer dated after day one ended sweeps day one out; storage has no end and stays.
    queue.offer(dayAlert(80, u"t-b"_s, kDayStart + kDayMs, kDayStart + kDayMs + 1));
    EXPECT_EQ(queue.remembered(), 2);
    EXPECT_EQ(queue.offer(storage), 0);
}

TEST(QuotaAlertQueue, MemoryIsBoundedAndAlertsStillFlowWhenItIsFull)
{
    QuotaAlertQueue queue(100, 2);
    EXPECT_EQ(queue.offer(dayAlert(100)), 4);
    EXPECT_EQ(queue.remembered(), 2);
    EXPECT_EQ(queue.counters().unremembered, 2);
    // Not remembered: queued again, for the catalog to recognise as already recorded.
    EXPECT_EQ(queue.offer(dayAlert(100)), 2);
    EXPECT_EQ(thresholdsOf(queue.take()), (QList<int>{80, 90, 95, 100, 95, 100}));
}

TEST(QuotaAlertQueue, IgnoresMalformedAlerts)
{
    QuotaAlertQueue queue;
    EXPECT_EQ(queue.offer(dayAlert(85)), 0);
    EXPECT_EQ(queue.offer(dayAlert(0)), 0);
    EXPECT_EQ(queue.offer(dayAlert(80, QString())), 0);
    QuotaAlert noDimension = dayAlert(80);
    noDimension.dimension.clear();
    EXPECT_EQ(queue.offer(noDimension), 0);
    EXPECT_EQ(queue.size(), 0);
}

} // namespace
