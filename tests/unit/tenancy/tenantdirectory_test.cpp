#include "core/tenancy/tenantdirectory.h"

#include <QThread>

#include <gtest/gtest.h>

#include <thread>

using namespace Tenantry;
using namespace Qt::StringLiterals;

namespace {

Tenant tenant(const QString &id, const QString &slug, TenantStatus status = TenantStatus::Active)
{
    Tenant t;
    t.id = id;
    t.slug = slug;
    t.status = status;
    return t;
}

} // namespace

TEST(TenantDirectory, SnapshotsAreImmutable)
{
    TenantDirectory dir;
    dir.reset({tenant(u"1"_s, u"acme"_s)}, {});
    const auto before = dir.snapshot();
    dir.upsert(tenant(u"2"_s, u"globex"_s));
    EXPECT_EQ(before->bySlug.size(), 1);
    EXPECT_EQ(dir.snapshot()->bySlug.size(), 2);
}

TEST(TenantDirectory, UpsertFollowsRenamesAndPurgeDropsKeys)
{
    TenantDirectory dir;
    dir.reset({tenant(u"1"_s, u"acme"_s)}, {{QByteArray("h1"), {u"k1"_s, u"1"_s}}});
    dir.upsert(tenant(u"1"_s, u"acme-two"_s));
    EXPECT_FALSE(dir.snapshot()->findSlug(u"acme"_s));
    EXPECT_TRUE(dir.snapshot()->findSlug(u"acme-two"_s));

    dir.upsert(tenant(u"1"_s, u"acme-two"_s, TenantStatus::Purged));
    EXPECT_FALSE(dir.snapshot()->findSlug(u"acme-two"_s));
    EXPECT_FALSE(dir.snapshot()->findId(u"1"_s));
    EXPECT_TRUE(dir.snapshot()->keysByHash.isEmpty());
}

TEST(TenantDirectory, ConcurrentWritersLoseNothing)
{
    TenantDirectory dir;
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&dir, w] {
            for (int i = 0; i < 250; ++i) {
                const QString id = QString::number(w * 1000 + i);
                dir.upsert(tenant(id, u"t"_s + id));
                (void)dir.snapshot()->findSlug(u"t0"_s); // readers run alongside
            }
        });
    }
    for (auto &t : writers)
        t.join();
    EXPECT_EQ(dir.snapshot()->bySlug.size(), 1000);
}
