#include "core/quota/alertthresholds.h"

#include <gtest/gtest.h>

#include <limits>
#include <ostream>

using namespace Tenantry::Quota;

namespace {

struct Crossing {
    const char *name;
    qint64 before;
    qint64 after;
    qint64 limit;
    int expected;
};

// Names the case in test listings.
void PrintTo(const Crossing &c, std::ostream *os)
{
    *os << c.name;
}

class HighestCrossedTest : public ::testing::TestWithParam<Crossing>
{
};

TEST_P(HighestCrossedTest, IsTheHighestLevelPassedInThisStep)
{
    const Crossing &c = GetParam();
    EXPECT_EQ(highestCrossed(c.before, c.after, c.limit), c.expected)
        << c.before << " -> " << c.after << " of " << c.limit;
}

constexpr qint64 kTrillion = 1'000'000'000'000;

INSTANTIATE_TEST_SUITE_P(Table, HighestCrossedTest, ::testing::Values(
    // A limit of 1: every level is the first unit, so one step reaches 100 at once.
    Crossing{"limit1_first_unit", 0, 1, 1, 100},
    Crossing{"limit1_past_the_limit", 1, 2, 1, 0},
    // A limit of 3: ceil(2.4) = ceil(2.7) = ceil(2.85) = 3, all levels at the limit.
    Crossing{"limit3_below_every_level", 0, 2, 3, 0},
    Crossing{"limit3_reaches_all", 2, 3, 3, 100},
    // A limit of 10: 80 % at 8, 90 % at 9, 95 % and 100 % both at 10.
    Crossing{"limit10_80", 7, 8, 10, 80},
    Crossing{"limit10_90", 8, 9, 10, 90},
    Crossing{"limit10_95_is_100", 9, 10, 10, 100},
    Crossing{"limit10_jump_to_90", 0, 9, 10, 90},
    Crossing{"limit10_jump_over_all", 0, 25, 10, 100},
    Crossing{"limit10_already_over", 10, 11, 10, 0},
    Crossing{"limit10_between_levels", 8, 8, 10, 0},
    // Rounding up: 80 % of 101 is 80.8, reached at 81, not 80.
    Crossing{"limit101_80_8_not_yet", 79, 80, 101, 0},
    Crossing{"limit101_80_8_reached", 80, 81, 101, 80},
    // A trillion, the largest limit plans allow: exact integer levels.
    Crossing{"trillion_80_exactly", 800'000'000'000 - 1, 800'000'000'000, kTrillion, 80},
    Crossing{"trillion_one_short_of_80", 0, 800'000'000'000 - 1, kTrillion, 0},
    Crossing{"trillion_95", 949'999'999'999, 950'000'000'000, kTrillion, 95},
    Crossing{"trillion_between_95_and_100", 950'000'000'000, kTrillion - 1, kTrillion, 0},
    Crossing{"trillion_jump_over_all", 0, kTrillion, kTrillion, 100},
    Crossing{"trillion_jump_80_to_95", 800'000'000'000, 960'000'000'000, kTrillion, 95},
    // No movement, movement backwards, and limits that are not limits.
    Crossing{"before_equals_after_on_a_level", 8, 8, 10, 0},
    Crossing{"backwards", 10, 0, 10, 0},
    Crossing{"limit0", 0, 5, 0, 0},
    Crossing{"negative_limit", 0, 5, -10, 0}));

TEST(AlertThresholds, AreAscendingPercentages)
{
    EXPECT_EQ(kAlertThresholds, (std::array<int, 4>{80, 90, 95, 100}));
}

TEST(AlertThresholds, LevelsDoNotOverflowNearTheTopOfTheRange)
{
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    EXPECT_EQ(thresholdUsage(max, 100), max);
    EXPECT_EQ(thresholdUsage(max, 80), max / 100 * 80 + (max % 100 * 80 + 99) / 100);
    EXPECT_EQ(highestCrossed(0, max, max), 100);
    EXPECT_EQ(thresholdUsage(kTrillion, 95), 950'000'000'000);
    EXPECT_EQ(thresholdUsage(1, 80), 1);
}

} // namespace
