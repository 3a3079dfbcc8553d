#include "core/storage/redisurl.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Qt::StringLiterals;

namespace {

struct GoodUrl {
    const char *text;
    const char *host;
    quint16 port;
    int db;
    const char *username;
    const char *password;
};

class RedisUrlGood : public ::testing::TestWithParam<GoodUrl>
{
};

class RedisUrlBad : public ::testing::TestWithParam<const char *>
{
};

} // namespace

TEST_P(RedisUrlGood, Parses)
{
    const GoodUrl &c = GetParam();
    const Result<RedisUrl> url = RedisUrl::parse(QString::fromUtf8(c.text));
    ASSERT_TRUE(url.ok()) << url.error().message.toStdString();
    EXPECT_EQ(url->host, QString::fromUtf8(c.host));
    EXPECT_EQ(url->port, c.port);
    EXPECT_EQ(url->db, c.db);
    EXPECT_EQ(url->username, QString::fromUtf8(c.username));
    EXPECT_EQ(url->password, QString::fromUtf8(c.password));
}

INSTANTIATE_TEST_SUITE_P(
    RedisUrl, RedisUrlGood,
    ::testing::Values(GoodUrl{"redis://127.0.0.1:6379/0", "127.0.0.1", 6379, 0, "", ""},
                      GoodUrl{"redis://localhost", "localhost", 6379, 0, "", ""},
                      GoodUrl{"redis://cache.internal/", "cache.internal", 6379, 0, "", ""},
                      GoodUrl{"redis://cache:7000/15", "cache", 7000, 15, "", ""},
                      GoodUrl{"redis://:s3cret@cache:1/2", "cache", 1, 2, "", "s3cret"},
                      GoodUrl{"redis://app:pw@cache:65535", "cache", 65535, 0, "app", "pw"},
                      GoodUrl{"redis://:p%40ss%3Aword@cache", "cache", 6379, 0, "", "p@ss:word"},
                      GoodUrl{"REDIS://Cache:6380/3", "cache", 6380, 3, "", ""},
                      GoodUrl{"redis://[::1]:6379/1", "::1", 6379, 1, "", ""},
                      GoodUrl{"  redis://h/4  ", "h", 6379, 4, "", ""}));

TEST_P(RedisUrlBad, IsRefusedWithAStableCodeAndNoPassword)
{
    const Result<RedisUrl> url = RedisUrl::parse(QString::fromUtf8(GetParam()));
    ASSERT_FALSE(url.ok());
    EXPECT_EQ(url.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(url.error().code, u"invalid-redis-url"_s);
    EXPECT_TRUE(url.error().message.contains(u"redis://"_s)) << url.error().message.toStdString();
    EXPECT_FALSE(url.error().message.contains(u"hunter2"_s)) << url.error().message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(RedisUrl, RedisUrlBad,
                         ::testing::Values("", "   ", "127.0.0.1:6379", "redis://",
                                           "redis://:6379/0", "redis:///0",
                                           "redis://:hunter2@/0", "redis://host:0",
                                           "redis://:hunter2@host:99999", "redis://host:-1",
                                           "redis://host:port", "redis://host/-1",
                                           "redis://host/abc", "redis://host/1/2",
                                           "redis://host/1x", "redis://host/99999999999",
                                           "http://host:6379", "rediss://:hunter2@host",
                                           "postgresql://u:hunter2@host/db",
                                           "redis://app@host", "redis://host/0?timeout=1",
                                           "redis://host/0#frag", "redis://ho st/0"));

TEST(RedisUrl, BadPortAndDatabaseSayWhatIsWrong)
{
    EXPECT_TRUE(RedisUrl::parse(u"redis://host:0"_s).error().message.contains(u"port"_s));
    EXPECT_TRUE(RedisUrl::parse(u"redis://host:99999"_s).error().message.contains(u"port"_s));
    EXPECT_TRUE(RedisUrl::parse(u"redis://host/abc"_s).error().message.contains(u"database"_s));
    EXPECT_TRUE(RedisUrl::parse(u"redis://:6379"_s).error().message.contains(u"host"_s));
    EXPECT_TRUE(RedisUrl::parse(u"https://host"_s).error().message.contains(u"scheme"_s));
}

TEST(RedisUrl, RedactedHidesThePassword)
{
    const Result<RedisUrl> withUser = RedisUrl::parse(u"redis://app:hunter2@cache:6380/3"_s);
    ASSERT_TRUE(withUser.ok());
    EXPECT_EQ(withUser->redacted(), u"redis://app:***@cache:6380/3"_s);
    EXPECT_EQ(withUser->location(), u"cache:6380/3"_s);

    const Result<RedisUrl> passwordOnly = RedisUrl::parse(u"redis://:hunter2@cache"_s);
    ASSERT_TRUE(passwordOnly.ok());
    EXPECT_EQ(passwordOnly->redacted(), u"redis://:***@cache:6379/0"_s);

    const Result<RedisUrl> none = RedisUrl::parse(u"redis://[::1]/2"_s);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->redacted(), u"redis://[::1]:6379/2"_s);
}
