#include "core/tenancy/canonicaltenant.h"
#include "core/tenancy/tenantdirectory.h"

#include <QSet>
#include <QString>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using namespace Tenantry;
using namespace Qt::StringLiterals;

TEST(CanonicalTenant, EqualTextsShareOneBufferThatCopiesDoNot)
{
    const QString a = canonicalString(u"plan-"_s + QString::number(7));
    const QString b = canonicalString(u"plan-7"_s);
    EXPECT_EQ(a, u"plan-7"_s);
    EXPECT_EQ(a.constData(), b.constData());
    EXPECT_TRUE(isCanonical(a));

    const QString deep(a.constData(), a.size()); // same text, its own buffer
    EXPECT_EQ(deep, a);
    EXPECT_FALSE(isCanonical(deep));
    EXPECT_FALSE(isCanonical(QString()));
    EXPECT_TRUE(canonicalString(QString()).isEmpty());
}

TEST(CanonicalTenant, ChangingTheStringThatWasInternedLeavesTheCanonicalCopyAlone)
{
    QString text = u"zone-"_s + QString::number(42);
    const QString canonical = canonicalString(text);
    text[0] = u'Z'; // `text` detaches or is changed in place: the canonical copy must not move
    EXPECT_EQ(canonical, u"zone-42"_s);
    EXPECT_EQ(canonicalString(u"zone-42"_s).constData(), canonical.constData());
}

TEST(CanonicalTenant, EveryIdGetsItsOwnNumberForGood)
{
    const quint32 first = tenantNumber(u"number-test-a"_s);
    const quint32 second = tenantNumber(u"number-test-b"_s);
    EXPECT_NE(first, 0u);
    EXPECT_NE(second, 0u);
    EXPECT_NE(first, second);
    EXPECT_EQ(tenantNumber(u"number-test-a"_s), first);
    EXPECT_EQ(tenantNumber(QString()), 0u);
}

TEST(CanonicalTenant, ThreadsNumberingTheSameIdsAgree)
{
    constexpr int kIds = 500;
    std::vector<std::vector<quint32>> seen(4, std::vector<quint32>(kIds));
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kIds; ++i)
                seen[size_t(t)][size_t(i)] = tenantNumber(u"threaded-%1"_s.arg(i));
        });
    }
    for (auto &thread : threads)
        thread.join();
    QSet<quint32> distinct;
    for (int i = 0; i < kIds; ++i) {
        for (int t = 1; t < 4; ++t)
            EXPECT_EQ(seen[size_t(t)][size_t(i)], seen[0][size_t(i)]);
        distinct.insert(seen[0][size_t(i)]);
    }
    EXPECT_EQ(distinct.size(), kIds);
}

TEST(CanonicalTenant, TheDirectoryHoldsCanonicalNumberedTenants)
{
    Tenant t;
    t.id = u"dir-"_s + QString::number(1);
    t.slug = u"dir-one"_s;
    t.plan = u"p"_s + u"ro"_s;
    t.config.timeZone = u"Asia/"_s + u"Tokyo"_s;
    TenantDirectory directory;
    directory.reset({t}, {});
    const auto held = directory.snapshot()->findId(t.id);
    ASSERT_TRUE(held);
    EXPECT_EQ(held->number, tenantNumber(t.id));
    EXPECT_TRUE(isCanonical(held->id));
    EXPECT_TRUE(isCanonical(held->plan));
    EXPECT_TRUE(isCanonical(held->config.timeZone));
    EXPECT_EQ(held->plan, u"pro"_s);

    t.plan = u"basic"_s;
    directory.upsert(t);
    const auto updated = directory.snapshot()->findId(t.id);
    EXPECT_EQ(updated->number, held->number);
    EXPECT_EQ(updated->id.constData(), held->id.constData());
    EXPECT_TRUE(isCanonical(updated->plan));
    EXPECT_EQ(updated->plan, u"basic"_s);
}
