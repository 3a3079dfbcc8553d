#include "core/records/decimal.h"

#include <gtest/gtest.h>

using namespace Tenantry::Records;
using namespace Qt::StringLiterals;

namespace {

struct DecimalCase {
    const char *input;
    const char *canonical; // nullptr: refused
};

class DecimalTest : public ::testing::TestWithParam<DecimalCase>
{
};

} // namespace

TEST_P(DecimalTest, Canonicalizes)
{
    const auto c = GetParam();
    const auto out = canonicalDecimal(QString::fromLatin1(c.input));
    if (!c.canonical) {
        EXPECT_FALSE(out.has_value()) << c.input << " gave " << out->toStdString();
        return;
    }
    ASSERT_TRUE(out.has_value()) << c.input;
    EXPECT_EQ(out->toStdString(), c.canonical);
}

INSTANTIATE_TEST_SUITE_P(Decimal, DecimalTest,
                         ::testing::Values(DecimalCase{"0", "0"}, DecimalCase{"-0", "0"}, DecimalCase{"-0.000", "0"},
                                           DecimalCase{"12.50", "12.5"}, DecimalCase{"012.500", "12.5"},
                                           DecimalCase{"1.25e1", "12.5"}, DecimalCase{"125E-1", "12.5"},
                                           DecimalCase{"1e3", "1000"}, DecimalCase{"-1.5e-3", "-0.0015"},
                                           DecimalCase{"0.1", "0.1"}, DecimalCase{"100", "100"},
                                           // More digits than a double holds stay exact.
                                           DecimalCase{"12345678901234567890.123456789012345678",
                                                       "12345678901234567890.123456789012345678"},
                                           DecimalCase{"99999999999999999999999999999999999999", // 38 digits
                                                       "99999999999999999999999999999999999999"},
                                           DecimalCase{"999999999999999999999999999999999999999", nullptr}, // 39
                                           DecimalCase{"1e38", nullptr}, DecimalCase{"1e-39", nullptr},
                                           DecimalCase{"", nullptr}, DecimalCase{"abc", nullptr},
                                           DecimalCase{"1.", nullptr}, DecimalCase{".5", nullptr},
                                           DecimalCase{"+1", nullptr}, DecimalCase{"1,5", nullptr},
                                           DecimalCase{"NaN", nullptr}, DecimalCase{"Infinity", nullptr},
                                           DecimalCase{" 1", nullptr}, DecimalCase{"0x10", nullptr}));
