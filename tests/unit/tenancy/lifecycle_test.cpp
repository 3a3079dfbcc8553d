#include "core/tenancy/lifecycle.h"

#include <gtest/gtest.h>

using namespace Tenantry;

namespace {

struct Move {
    TenantStatus from;
    LifecycleAction action;
    std::optional<TenantStatus> to; // nullopt: illegal
};

class LifecycleTest : public ::testing::TestWithParam<Move> {};

TEST_P(LifecycleTest, FollowsTheStateMachine)
{
    const Move m = GetParam();
    const Result<TenantStatus> next = nextStatus(m.from, m.action);
    if (m.to) {
        ASSERT_TRUE(next.ok()) << next.error().message.toStdString();
        EXPECT_EQ(next.value(), *m.to);
    } else {
        ASSERT_FALSE(next.ok());
        EXPECT_EQ(next.error().code.toStdString(), "illegal-transition");
        EXPECT_EQ(next.error().kind, ErrorKind::Conflict);
        EXPECT_TRUE(next.error().message.contains(actionName(m.action)));
        EXPECT_TRUE(next.error().message.contains(statusName(m.from)));
    }
}

using S = TenantStatus;
using A = LifecycleAction;
// Every (status, action) pair, so adding a state or action forces a decision here.
INSTANTIATE_TEST_SUITE_P(AllPairs, LifecycleTest, ::testing::Values(
    Move{S::Pending, A::Activate, S::Active},
    Move{S::Pending, A::Suspend, std::nullopt},
    Move{S::Pending, A::Delete, S::Deleted},
    Move{S::Pending, A::Restore, std::nullopt},
    Move{S::Pending, A::Purge, std::nullopt},
    Move{S::Active, A::Activate, std::nullopt},
    Move{S::Active, A::Suspend, S::Suspended},
    Move{S::Active, A::Delete, S::Deleted},
    Move{S::Active, A::Restore, std::nullopt},
    Move{S::Active, A::Purge, std::nullopt},
    Move{S::Suspended, A::Activate, S::Active},
    Move{S::Suspended, A::Suspend, std::nullopt},
    Move{S::Suspended, A::Delete, S::Deleted},
    Move{S::Suspended, A::Restore, std::nullopt},
    Move{S::Suspended, A::Purge, std::nullopt},
    Move{S::Deleted, A::Activate, std::nullopt},
    Move{S::Deleted, A::Suspend, std::nullopt},
    Move{S::Deleted, A::Delete, std::nullopt},
    Move{S::Deleted, A::Restore, S::Suspended},
    Move{S::Deleted, A::Purge, S::Purged},
    Move{S::Purged, A::Activate, std::nullopt},
    Move{S::Purged, A::Suspend, std::nullopt},
    Move{S::Purged, A::Delete, std::nullopt},
    Move{S::Purged, A::Restore, std::nullopt},
    Move{S::Purged, A::Purge, std::nullopt}));

TEST(LifecycleNames, RoundTrip)
{
    for (auto s : {S::Pending, S::Active, S::Suspended, S::Deleted, S::Purged}) {
        TenantStatus parsed;
        ASSERT_TRUE(parseStatus(statusName(s), &parsed));
        EXPECT_EQ(parsed, s);
    }
    for (auto a : {A::Activate, A::Suspend, A::Delete, A::Restore, A::Purge}) {
        LifecycleAction parsed;
        ASSERT_TRUE(parseAction(actionName(a), &parsed));
        EXPECT_EQ(parsed, a);
    }
    TenantStatus s;
    EXPECT_FALSE(parseStatus(QStringLiteral("Active"), &s));
    EXPECT_FALSE(parseStatus(QString(), &s));
}

} // namespace
