#include "core/base/timers.h"

#include <gtest/gtest.h>

#include <memory>

using namespace Tenantry;
using namespace std::chrono_literals;

TEST(ManualTimers, RunsWorkOnlyWhenTimeIsMovedAndInDueOrder)
{
    ManualTimers timers;
    QObject context;
    std::vector<int> ran;
    timers.callAfter(30ms, &context, [&] { ran.push_back(30); });
    timers.callAfter(10ms, &context, [&] { ran.push_back(10); });
    timers.callAfter(10ms, &context, [&] { ran.push_back(11); });
    EXPECT_TRUE(ran.empty());
    timers.advance(9ms);
    EXPECT_TRUE(ran.empty());
    timers.advance(1ms);
    EXPECT_EQ(ran, (std::vector<int>{10, 11}));
    // Work scheduled by work runs when its own time comes.
    timers.callAfter(5ms, &context, [&] { timers.callAfter(5ms, &context, [&] { ran.push_back(20); }); });
    timers.advance(10ms);
    EXPECT_EQ(ran, (std::vector<int>{10, 11, 20}));
    EXPECT_EQ(timers.runAll(), 1);
    EXPECT_EQ(ran, (std::vector<int>{10, 11, 20, 30}));
    EXPECT_EQ(timers.requested(), (std::vector<std::chrono::milliseconds>{30ms, 10ms, 10ms, 5ms, 5ms}));
    EXPECT_EQ(timers.pending(), 0);
}

TEST(ManualTimers, SkipsWorkWhoseContextIsGone)
{
    ManualTimers timers;
    bool ran = false;
    auto context = std::make_unique<QObject>();
    timers.callAfter(1ms, context.get(), [&] { ran = true; });
    context.reset();
    timers.runAll();
    EXPECT_FALSE(ran);
}
