#include "core/billing/dunning.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDay = 86'400'000;
constexpr qint64 kFailed = 1'772'323'200'000; // 2026-03-01T00:00:00Z

using Kind = DunningStep::Kind;

TEST(DunningTest, RetriesFollowTheScheduleFromTheFirstFailureThenDegradeThenSuspend)
{
    const DunningSchedule schedule; // 1, 3, 5, 7 days; suspend 7 days after degrading
    DunningState state{SubscriptionStatus::PastDue, kFailed, 0, 0};
    const qint64 expected[] = {1, 3, 5, 7};
    for (int i = 0; i < 4; ++i) {
        state.retriesDone = i;
        const DunningStep step = nextDunningStep(schedule, state);
        EXPECT_EQ(step.kind, Kind::Retry);
        EXPECT_EQ(step.retry, i + 1);
        EXPECT_EQ(step.dueAtMs, kFailed + expected[i] * kDay);
    }
    state.retriesDone = 4;
    const DunningStep degrade = nextDunningStep(schedule, state);
    EXPECT_EQ(degrade.kind, Kind::Degrade);
    EXPECT_EQ(degrade.dueAtMs, kFailed + 7 * kDay);

    state = {SubscriptionStatus::Degraded, kFailed, 4, kFailed + 7 * kDay};
    const DunningStep suspend = nextDunningStep(schedule, state);
    EXPECT_EQ(suspend.kind, Kind::Suspend);
    EXPECT_EQ(suspend.dueAtMs, kFailed + 14 * kDay);
}

TEST(DunningTest, NothingIsDueInGoodStandingOrOnceSuspendedOrCanceled)
{
    for (const SubscriptionStatus s : {SubscriptionStatus::Trialing, SubscriptionStatus::Active,
                                       SubscriptionStatus::Suspended, SubscriptionStatus::Canceled})
        EXPECT_EQ(nextDunningStep({}, {s, kFailed, 2, kFailed}).kind, Kind::None) << subscriptionStatusName(s).toStdString();
}

TEST(DunningTest, AScheduleWithoutRetriesDegradesAtTheFirstFailure)
{
    DunningSchedule none;
    none.retryAfterDays = {};
    ASSERT_TRUE(none.validate().ok());
    const DunningStep step = nextDunningStep(none, {SubscriptionStatus::PastDue, kFailed, 0, 0});
    EXPECT_EQ(step.kind, Kind::Degrade);
    EXPECT_EQ(step.dueAtMs, kFailed);
}

TEST(DunningTest, BadSchedulesAreRefusedNamingTheField)
{
    struct Case {
        QList<int> days;
        int suspend;
        QString field;
    };
    const Case cases[] = {
        {{0}, 7, u"/dunning/retry_after_days/0"_s},
        {{1, 1}, 7, u"/dunning/retry_after_days/1"_s},
        {{3, 2}, 7, u"/dunning/retry_after_days/1"_s},
        {{91}, 7, u"/dunning/retry_after_days/0"_s},
        {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 7, u"/dunning/retry_after_days"_s},
        {{1}, 0, u"/dunning/suspend_after_days"_s},
        {{1}, 366, u"/dunning/suspend_after_days"_s},
    };
    for (const Case &c : cases) {
        DunningSchedule s;
        s.retryAfterDays = c.days;
        s.suspendAfterDays = c.suspend;
        const Status v = s.validate();
        ASSERT_FALSE(v.ok()) << c.field.toStdString();
        EXPECT_EQ(v.error().code, u"invalid-dunning-schedule"_s);
        ASSERT_FALSE(v.error().fields.isEmpty());
        EXPECT_EQ(v.error().fields.first().field, c.field);
    }
}

TEST(SubscriptionStatusTest, NamesRoundTripAndTheMovesAreTheDocumentedOnes)
{
    using S = SubscriptionStatus;
    for (const S s : {S::Trialing, S::Active, S::PastDue, S::Degraded, S::Suspended, S::Canceled}) {
        S parsed = S::Canceled;
        ASSERT_TRUE(parseSubscriptionStatus(subscriptionStatusName(s), &parsed));
        EXPECT_EQ(parsed, s);
    }
    S ignored;
    EXPECT_FALSE(parseSubscriptionStatus(u"PastDue"_s, &ignored));

    EXPECT_TRUE(canMoveSubscription(S::Trialing, S::Active));
    EXPECT_TRUE(canMoveSubscription(S::Active, S::PastDue));
    EXPECT_TRUE(canMoveSubscription(S::PastDue, S::Degraded));
    EXPECT_TRUE(canMoveSubscription(S::Degraded, S::Suspended));
    for (const S unpaid : {S::PastDue, S::Degraded, S::Suspended})
        EXPECT_TRUE(canMoveSubscription(unpaid, S::Active)) << "paying restores at once";
    EXPECT_FALSE(canMoveSubscription(S::Active, S::Degraded)) << "dunning goes one step at a time";
    EXPECT_FALSE(canMoveSubscription(S::PastDue, S::Suspended));
    EXPECT_FALSE(canMoveSubscription(S::Active, S::Trialing));
    EXPECT_FALSE(canMoveSubscription(S::Canceled, S::Active)) << "canceled is final";
    EXPECT_FALSE(canMoveSubscription(S::Active, S::Active));
}

} // namespace
