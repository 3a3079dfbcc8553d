#include "core/tenancy/slug.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Qt::StringLiterals;

TEST(Slug, AcceptsDnsLabelsAndLowerCases)
{
    EXPECT_EQ(normalizeSlug(u"acme"_s).value(), u"acme"_s);
    EXPECT_EQ(normalizeSlug(u"  ACME-Corp2 "_s).value(), u"acme-corp2"_s);
    EXPECT_EQ(normalizeSlug(u"a"_s).value(), u"a"_s);
    EXPECT_EQ(normalizeSlug(QString(63, u'x')).value(), QString(63, u'x'));
    EXPECT_EQ(normalizeSlug(u"3m"_s).value(), u"3m"_s);
}

TEST(Slug, RejectsWhatIsNotADnsLabel)
{
    for (const QString &bad : {u""_s, u"-acme"_s, u"acme-"_s, u"ac me"_s, u"acme.com"_s, u"acme_corp"_s,
                               QString(64, u'x'), u"12345"_s, u"../etc"_s, u"acme/x"_s, u"acmé"_s,
                               u"acme\r\nX-Evil: 1"_s, u"%61cme"_s, u"a\u0000b"_s}) {
        const auto r = normalizeSlug(bad);
        ASSERT_FALSE(r.ok()) << bad.toStdString();
        EXPECT_EQ(r.error().code, u"invalid-slug"_s) << bad.toStdString();
        EXPECT_EQ(r.error().kind, ErrorKind::Invalid);
    }
}

TEST(Slug, RejectsReservedWordsInAnyCase)
{
    for (const QString &reserved : {u"www"_s, u"API"_s, u"admin"_s, u"Admin"_s, u"healthz"_s}) {
        const auto r = normalizeSlug(reserved);
        ASSERT_FALSE(r.ok()) << reserved.toStdString();
        EXPECT_EQ(r.error().code, u"reserved-slug"_s);
    }
    EXPECT_FALSE(isValidSlug(u"www"_s));
    EXPECT_TRUE(isValidSlug(u"wwwx"_s));
    EXPECT_FALSE(isValidSlug(u"Acme"_s)); // isValidSlug wants the normalized form
}
