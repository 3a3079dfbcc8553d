#include "core/storage/subscriptionrepository.h"

#include "tests/integration/storage/catalogfixture.h"

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMarch = 1'772'323'200'000; // 2026-03-01T00:00:00Z
constexpr qint64 kApril = 1'775'001'600'000; // 2026-04-01T00:00:00Z

class SubscriptionRepositoryTest : public CatalogBackendTest
{
protected:
    static Subscription monthly(const QString &tenant, const QString &plan = u"pro"_s)
    {
        Subscription s;
        s.tenantId = tenant;
        s.plan = plan;
        s.cycle = u"monthly"_s;
        s.anchorMs = kMarch;
        s.periodStartMs = kMarch;
        s.periodEndMs = kApril;
        s.createdMs = s.updatedMs = kMarch;
        return s;
    }
    QSqlDatabase db() { return m_catalog->connection().value(); }
};

TEST_P(SubscriptionRepositoryTest, SavesAndReadsBackEveryField)
{
    Subscription s = monthly(u"t-a"_s);
    s.status = SubscriptionStatus::PastDue;
    s.trialEndMs = kMarch + 7;
    s.scheduledPlan = u"basic"_s;
    s.scheduledCycle = u"yearly"_s;
    s.cancelAtPeriodEnd = true;
    s.dunningAttempt = 2;
    s.nextRetryMs = kMarch + 9;
    s.pastDueSinceMs = kMarch + 3;
    ASSERT_TRUE(m_catalog->transaction([&](QSqlDatabase &tx) { return SubscriptionRepository::save(tx, s); }).ok());
    QSqlDatabase d = db();
    auto found = SubscriptionRepository::find(d, u"t-a"_s);
    ASSERT_TRUE(found.ok()) << found.error().message.toStdString();
    ASSERT_TRUE(found->has_value());
    const Subscription &r = **found;
    EXPECT_EQ(r.plan, u"pro"_s);
    EXPECT_EQ(r.status, SubscriptionStatus::PastDue);
    EXPECT_EQ(r.periodEndMs, kApril);
    EXPECT_EQ(r.trialEndMs, kMarch + 7);
    EXPECT_EQ(r.scheduledPlan, u"basic"_s);
    EXPECT_EQ(r.scheduledCycle, u"yearly"_s);
    EXPECT_TRUE(r.cancelAtPeriodEnd);
    EXPECT_EQ(r.dunningAttempt, 2);
    EXPECT_EQ(r.nextRetryMs, kMarch + 9);
    EXPECT_EQ(r.pastDueSinceMs, kMarch + 3);
    EXPECT_FALSE(SubscriptionRepository::find(d, u"t-b"_s)->has_value());

    // Saving again replaces: still one subscription per tenant.
    s.plan = u"enterprise"_s;
    s.scheduledPlan.clear();
    ASSERT_TRUE(m_catalog->transaction([&](QSqlDatabase &tx) { return SubscriptionRepository::save(tx, s); }).ok());
    auto all = SubscriptionRepository::list(d);
    ASSERT_EQ(all->size(), 1);
    EXPECT_EQ(all->first().plan, u"enterprise"_s);
    EXPECT_TRUE(all->first().scheduledPlan.isEmpty());
}

TEST_P(SubscriptionRepositoryTest, PeriodEndedListsOnlyDueAndNotCanceled)
{
    Subscription due = monthly(u"due"_s);
    Subscription later = monthly(u"later"_s);
    later.periodEndMs = kApril + 1;
    Subscription canceled = monthly(u"gone"_s);
    canceled.status = SubscriptionStatus::Canceled;
    ASSERT_TRUE(m_catalog->transaction([&](QSqlDatabase &tx) -> Status {
        for (const Subscription &s : {due, later, canceled}) {
            if (Status ok = SubscriptionRepository::save(tx, s); !ok)
                return ok;
        }
        return {};
    }).ok());
    QSqlDatabase d = db();
    auto ended = SubscriptionRepository::periodEnded(d, kApril, 100);
    ASSERT_TRUE(ended.ok());
    ASSERT_EQ(ended->size(), 1);
    EXPECT_EQ(ended->first().tenantId, u"due"_s);
    EXPECT_TRUE(SubscriptionRepository::periodEnded(d, kApril - 1, 100)->isEmpty());
}

TEST_P(SubscriptionRepositoryTest, HistoryIsPerTenantInOrderAndAPurgeLeavesOthersAlone)
{
    ASSERT_TRUE(m_catalog->transaction([&](QSqlDatabase &tx) -> Status {
        for (const Subscription &s : {monthly(u"t-a"_s), monthly(u"t-b"_s)}) {
            if (Status ok = SubscriptionRepository::save(tx, s); !ok)
                return ok;
        }
        for (const auto &[tenant, kind] : {std::pair{u"t-a"_s, u"created"_s}, {u"t-b"_s, u"created"_s},
                                           {u"t-a"_s, u"plan_changed"_s}}) {
            auto id = SubscriptionRepository::appendEvent(tx, {0, tenant, kMarch, kind, u"admin"_s, {{u"to"_s, u"pro"_s}}});
            if (!id)
                return id.error();
        }
        return {};
    }).ok());
    QSqlDatabase d = db();
    auto a = SubscriptionRepository::events(d, u"t-a"_s);
    ASSERT_EQ(a->size(), 2);
    EXPECT_EQ(a->at(0).kind, u"created"_s);
    EXPECT_EQ(a->at(1).kind, u"plan_changed"_s);
    EXPECT_LT(a->at(0).id, a->at(1).id);
    EXPECT_EQ(a->at(1).detail.value(u"to"_s).toString(), u"pro"_s);
    ASSERT_EQ(SubscriptionRepository::events(d, u"t-b"_s)->size(), 1);

    ASSERT_TRUE(m_catalog->transaction([](QSqlDatabase &tx) { return SubscriptionRepository::purgeTenant(tx, u"t-a"_s); }).ok());
    EXPECT_FALSE(SubscriptionRepository::find(d, u"t-a"_s)->has_value());
    EXPECT_TRUE(SubscriptionRepository::events(d, u"t-a"_s)->isEmpty());
    EXPECT_TRUE(SubscriptionRepository::find(d, u"t-b"_s)->has_value());
    EXPECT_EQ(SubscriptionRepository::events(d, u"t-b"_s)->size(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, SubscriptionRepositoryTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
