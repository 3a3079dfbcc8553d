#include "core/quota/quotatable.h"

#include <QString>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using namespace Tenantry::Quota;
using namespace Qt::StringLiterals;

namespace {

QString idOf(int i)
{
    return u"tenant-%1"_s.arg(i);
}

} // namespace

TEST(QuotaTable, FindsOnlyWhatWasCreatedAndKeepsAddressesAcrossGrowth)
{
    QuotaTable table;
    const QString first = idOf(0);
    EXPECT_EQ(table.find(first, QuotaTable::hashOf(first)), nullptr);
    TenantQuota *firstQuota = &table.findOrCreate(first, QuotaTable::hashOf(first));
    firstQuota->day.admit(1, 5, 10);

    for (int i = 1; i < 5'000; ++i) // many doublings of the table
        table.findOrCreate(idOf(i), QuotaTable::hashOf(idOf(i)));
    EXPECT_EQ(table.size(), 5'000);
    EXPECT_EQ(table.find(first, QuotaTable::hashOf(first)), firstQuota);
    EXPECT_EQ(firstQuota->day.used(1), 5);
    for (int i = 0; i < 5'000; ++i)
        ASSERT_NE(table.find(idOf(i), QuotaTable::hashOf(idOf(i))), nullptr) << i;
    EXPECT_EQ(table.find(u"tenant-5000"_s, QuotaTable::hashOf(u"tenant-5000")), nullptr);
    // Another tenant's id never reaches these counters, even with the same hash.
    EXPECT_EQ(table.find(u"tenant-x"_s, QuotaTable::hashOf(first)), nullptr);
}

TEST(QuotaTable, ThreadsCreatingAndReadingTheSameTenantsGetOneStateEach)
{
    QuotaTable table;
    constexpr int tenants = 2'000;
    std::vector<std::vector<TenantQuota *>> seen(8, std::vector<TenantQuota *>(tenants));
    std::vector<std::thread> pool;
    for (int t = 0; t < 8; ++t)
        pool.emplace_back([&, t] {
            for (int n = 0; n < tenants; ++n) {
                const int i = (t % 2 == 0) ? n : tenants - 1 - n;
                const QString id = idOf(i);
                seen[t][i] = &table.findOrCreate(id, QuotaTable::hashOf(id));
                seen[t][i]->month.admit(7, 1, 1'000);
            }
        });
    for (std::thread &th : pool)
        th.join();
    EXPECT_EQ(table.size(), tenants);
    for (int i = 0; i < tenants; ++i) {
        for (int t = 1; t < 8; ++t)
            ASSERT_EQ(seen[t][i], seen[0][i]) << i;
        EXPECT_EQ(seen[0][i]->month.used(7), 8);
    }
}

TEST(QuotaTable, ANumberAndAnIdReachTheSameCounters)
{
    QuotaTable table;
    const QString id = idOf(1);
    TenantQuota *byId = &table.findOrCreate(id, QuotaTable::hashOf(id)); // e.g. restored at start-up
    EXPECT_EQ(table.find({id, 17}), byId);
    EXPECT_EQ(&table.findOrCreate({id, 17}), byId);
    const QString copy(id.constData(), id.size()); // same text, another buffer
    EXPECT_EQ(&table.findOrCreate({copy, 17}), byId);
    EXPECT_EQ(table.find({copy, 17}), byId);
    EXPECT_EQ(table.size(), 1);

    // Numbers in different blocks, and one past the indexed range, which falls back to the id.
    for (const quint32 n : {4'095u, 4'096u, 1u << 23, (1u << 24) - 1, 1u << 24, 0xffffffffu}) {
        const QString other = u"numbered-%1"_s.arg(n);
        TenantQuota *created = &table.findOrCreate({other, n});
        EXPECT_EQ(table.find({other, n}), created) << n;
        EXPECT_EQ(table.find(other, QuotaTable::hashOf(other)), created) << n;
    }
}

TEST(QuotaTable, ANumberNeverLendsItsCountersToAnotherId)
{
    QuotaTable table;
    const QString owner = idOf(1), intruder = idOf(2);
    TenantQuota *owners = &table.findOrCreate({owner, 5});
    owners->day.admit(1, 3, 10);
    // A tenant whose number was set by hand to someone else's gets counters of its own.
    EXPECT_EQ(table.find({intruder, 5}), nullptr);
    TenantQuota *intruders = &table.findOrCreate({intruder, 5});
    EXPECT_NE(intruders, owners);
    EXPECT_EQ(intruders->day.used(1), 0);
    EXPECT_EQ(table.find({intruder, 5}), intruders);
    EXPECT_EQ(table.find({owner, 5}), owners);
    EXPECT_EQ(owners->id, owner);
    EXPECT_EQ(intruders->id, intruder);
}
