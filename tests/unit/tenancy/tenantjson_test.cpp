#include "core/tenancy/tenantjson.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Qt::StringLiterals;

namespace {

Tenant sampleTenant()
{
    Tenant t;
    t.id = u"5b1c0d1e-0000-4000-8000-000000000001"_s;
    t.slug = u"acme"_s;
    t.status = TenantStatus::Deleted;
    t.plan = u"basic"_s;
    t.isolation = u"schema"_s;
    t.config.displayName = u"Acme Corp"_s;
    t.config.themeColor = u"#112233"_s;
    t.config.locale = u"zh_CN"_s;
    t.config.timeZone = u"Asia/Shanghai"_s;
    t.config.settings = {{u"tier"_s, u"gold"_s}, {u"seats"_s, 12}};
    t.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    t.updatedAt = QDateTime::fromMSecsSinceEpoch(1700000100456, Qt::UTC);
    t.deletedAt = QDateTime::fromMSecsSinceEpoch(1700000200789, Qt::UTC);
    t.purgeAfter = QDateTime::fromMSecsSinceEpoch(1702592200789, Qt::UTC);
    t.clonedFrom = u"5b1c0d1e-0000-4000-8000-000000000000"_s;
    return t;
}

TEST(TenantJsonTest, ATenantReadsBackAsItWasWritten)
{
    const Tenant t = sampleTenant();
    auto read = tenantFromJson(tenantToJson(t));
    ASSERT_TRUE(read) << read.error().message.toStdString();
    EXPECT_EQ(read->id, t.id);
    EXPECT_EQ(read->slug, t.slug);
    EXPECT_EQ(read->status, t.status);
    EXPECT_EQ(read->plan, t.plan);
    EXPECT_EQ(read->isolation, t.isolation);
    EXPECT_EQ(read->config.displayName, t.config.displayName);
    EXPECT_EQ(read->config.themeColor, t.config.themeColor);
    EXPECT_EQ(read->config.locale, t.config.locale);
    EXPECT_EQ(read->config.timeZone, t.config.timeZone);
    EXPECT_EQ(read->config.settings, t.config.settings);
    EXPECT_EQ(read->createdAt, t.createdAt);
    EXPECT_EQ(read->updatedAt, t.updatedAt);
    EXPECT_EQ(read->deletedAt, t.deletedAt);
    EXPECT_EQ(read->purgeAfter, t.purgeAfter);
    EXPECT_EQ(read->clonedFrom, t.clonedFrom);
}

TEST(TenantJsonTest, NeverIsNullBothWays)
{
    Tenant t = sampleTenant();
    t.status = TenantStatus::Active;
    t.deletedAt = QDateTime();
    t.purgeAfter = QDateTime();
    t.clonedFrom.clear();
    auto read = tenantFromJson(tenantToJson(t));
    ASSERT_TRUE(read);
    EXPECT_FALSE(read->deletedAt.isValid());
    EXPECT_FALSE(read->purgeAfter.isValid());
    EXPECT_TRUE(read->clonedFrom.isEmpty());
}

TEST(TenantJsonTest, WhatCannotBeReadIsAnError)
{
    QJsonObject noSlug = tenantToJson(sampleTenant());
    noSlug.remove(u"slug"_s);
    EXPECT_FALSE(tenantFromJson(noSlug));
    QJsonObject badStatus = tenantToJson(sampleTenant());
    badStatus.insert(u"status"_s, u"sleeping"_s);
    EXPECT_FALSE(tenantFromJson(badStatus));
    QJsonObject badTime = tenantToJson(sampleTenant());
    badTime.insert(u"created_at"_s, u"yesterday"_s);
    auto read = tenantFromJson(badTime);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, u"unexpected-response"_s);
}

TEST(TenantJsonTest, AKeyReadsBackMasked)
{
    ApiKeyInfo key{u"k1"_s, u"ci"_s, u"tnt_3f9a1c2b…"_s,
                   QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC),
                   QDateTime::fromMSecsSinceEpoch(1700000999000, Qt::UTC)};
    auto read = apiKeyFromJson(apiKeyToJson(key));
    ASSERT_TRUE(read);
    EXPECT_EQ(read->id, key.id);
    EXPECT_EQ(read->name, key.name);
    EXPECT_EQ(read->masked, key.masked);
    EXPECT_EQ(read->createdAt, key.createdAt);
    EXPECT_EQ(read->revokedAt, key.revokedAt);
    key.revokedAt = QDateTime();
    EXPECT_FALSE(apiKeyFromJson(apiKeyToJson(key))->revokedAt.isValid());
    EXPECT_FALSE(apiKeyFromJson(QJsonObject{{u"name"_s, u"x"_s}}));
}

} // namespace
