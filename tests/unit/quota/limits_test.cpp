#include "core/quota/limits.h"

#include <gtest/gtest.h>

#include <limits>
#include <ostream>
#include <string>

using namespace Tenantry;
using namespace Tenantry::Quota;
using namespace Qt::StringLiterals;

TEST(QuotaLimits, ZeroMeansUnlimitedAndSaneValuesPass)
{
    EXPECT_TRUE(Limits{}.validate().ok());
    Limits plan;
    plan.apiCallsPerDay = 10'000;
    plan.apiCallsPerMonth = 250'000;
    plan.ratePerSecond = 0.5;
    plan.burst = 20;
    plan.maxConcurrent = 4;
    EXPECT_TRUE(plan.validate().ok());
    plan.apiCallsPerMonth = kMaxLimit;
    plan.burst = kMaxBurst;
    EXPECT_TRUE(plan.validate().ok());
}

TEST(QuotaLimits, BurstDefaultsToOneSecondOfTheRate)
{
    Limits limits;
    limits.ratePerSecond = 12.5;
    EXPECT_EQ(limits.effectiveBurst(), 13);
    limits.ratePerSecond = 0.01;
    EXPECT_EQ(limits.effectiveBurst(), 1);
    limits.burst = 7;
    EXPECT_EQ(limits.effectiveBurst(), 7);
}

struct BadLimits {
    const char *field;
    Limits limits;
};

// Names the case in test listings (gtest prints raw bytes otherwise).
void PrintTo(const BadLimits &p, std::ostream *os)
{
    *os << p.field;
}

class BadLimitsTest : public ::testing::TestWithParam<BadLimits>
{
};

TEST_P(BadLimitsTest, AreRefusedNamingTheField)
{
    const Status status = GetParam().limits.validate();
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(status.error().code, u"invalid-quota-limits"_s);
    ASSERT_EQ(status.error().fields.size(), 1);
    EXPECT_EQ(status.error().fields.first().field, QString::fromLatin1(GetParam().field));
    EXPECT_TRUE(status.error().message.contains(QString::fromLatin1(GetParam().field)));
}

namespace {

Limits with(void (*set)(Limits &))
{
    Limits l;
    set(l);
    return l;
}

} // namespace

INSTANTIATE_TEST_SUITE_P(
    QuotaLimits, BadLimitsTest,
    ::testing::Values(
        BadLimits{"api_calls_per_day", with([](Limits &l) { l.apiCallsPerDay = -1; })},
        BadLimits{"api_calls_per_day", with([](Limits &l) { l.apiCallsPerDay = kMaxLimit + 1; })},
        BadLimits{"api_calls_per_month", with([](Limits &l) { l.apiCallsPerMonth = -5; })},
        BadLimits{"max_concurrent", with([](Limits &l) { l.maxConcurrent = -1; })},
        BadLimits{"max_concurrent", with([](Limits &l) { l.maxConcurrent = kMaxLimit * 2; })},
        BadLimits{"rate_per_second", with([](Limits &l) { l.ratePerSecond = -1; })},
        BadLimits{"rate_per_second", with([](Limits &l) { l.ratePerSecond = 0.0001; })},
        BadLimits{"rate_per_second", with([](Limits &l) { l.ratePerSecond = 2e6; })},
        BadLimits{"rate_per_second",
                  with([](Limits &l) { l.ratePerSecond = std::numeric_limits<double>::quiet_NaN(); })},
        BadLimits{"rate_per_second",
                  with([](Limits &l) { l.ratePerSecond = std::numeric_limits<double>::infinity(); })},
        BadLimits{"burst", with([](Limits &l) { l.ratePerSecond = 10; l.burst = -1; })},
        BadLimits{"burst", with([](Limits &l) { l.ratePerSecond = 10; l.burst = kMaxBurst + 1; })},
        BadLimits{"burst", with([](Limits &l) { l.burst = 10; })}),
    [](const ::testing::TestParamInfo<BadLimits> &info) {
        return std::string(info.param.field) + "_" + std::to_string(info.index);
    });

TEST(QuotaLimits, EveryBadFieldIsNamedAtOnce)
{
    Limits limits;
    limits.apiCallsPerDay = -1;
    limits.apiCallsPerMonth = -1;
    limits.ratePerSecond = -1;
    const Status status = limits.validate();
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().fields.size(), 3);
}
