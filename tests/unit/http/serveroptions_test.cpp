#include "core/http/serveroptions.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Http;
using namespace Qt::StringLiterals;

namespace {

// Parses `flags` as `tenantry serve` would, with the given environment set meanwhile.
Result<ServeOptions> parse(QStringList flags, const QList<QPair<QByteArray, QByteArray>> &env = {})
{
    QList<OptionSpec> specs = commonOptionSpecs();
    specs.append(serveOptionSpecs());
    QCommandLineParser parser;
    addOptions(parser, specs);
    flags.prepend(u"tenantry"_s);
    EXPECT_TRUE(parser.parse(flags)) << parser.errorText().toStdString();
    for (const auto &[k, v] : env)
        qputenv(k.constData(), v);
    auto values = OptionValues::resolve(parser, specs);
    for (const auto &[k, v] : env)
        qunsetenv(k.constData());
    if (!values)
        return values.error();
    return ServeOptions::from(values.value());
}

} // namespace

TEST(ServeOptions, DefaultsListenOnLoopbackAndEnableOnlyConfiguredStrategies)
{
    const auto o = parse({u"--data-dir"_s, u"/tmp/x"_s});
    ASSERT_TRUE(o.ok()) << o.error().message.toStdString();
    EXPECT_EQ(o->host, QHostAddress(QHostAddress::LocalHost));
    EXPECT_EQ(o->port, 8080);
    EXPECT_EQ(o->strategies, (QStringList{u"path"_s, u"header"_s}));
    EXPECT_TRUE(o->adminToken.isEmpty());
    EXPECT_TRUE(o->requestMetering);
    const auto off = parse({u"--request-metering"_s, u"OFF"_s});
    ASSERT_TRUE(off.ok()) << off.error().message.toStdString();
    EXPECT_FALSE(off->requestMetering);
}

TEST(ServeOptions, FlagBeatsEnvironmentBeatsConfigFile)
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(u"tenantry.ini"_s);
    QFile f(ini);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("listen=127.0.0.1:7000\nbase-domain=file.example\nretention-days=7\n");
    f.close();
    auto o = parse({u"--config"_s, ini, u"--listen"_s, u"127.0.0.1:9000"_s},
                   {{"TENANTRY_LISTEN", "127.0.0.1:8000"}, {"TENANTRY_BASE_DOMAIN", "env.example"}});
    ASSERT_TRUE(o.ok()) << o.error().message.toStdString();
    EXPECT_EQ(o->port, 9000);
    EXPECT_EQ(o->baseDomain, u"env.example"_s);
    EXPECT_EQ(o->retentionDays, 7);
    EXPECT_EQ(o->strategies, (QStringList{u"subdomain"_s, u"path"_s, u"header"_s}));
}

TEST(ServeOptions, BadValuesNameTheFlagAndVariable)
{
    for (const QStringList &flags : {QStringList{u"--listen"_s, u"localhost"_s}, QStringList{u"--listen"_s, u"1.2.3.4:99999"_s},
                                     QStringList{u"--identify"_s, u"cookie"_s}, QStringList{u"--identify"_s, u"jwt"_s},
                                     QStringList{u"--identify"_s, u"header,header"_s},
                                     QStringList{u"--max-body-bytes"_s, u"-5"_s}, QStringList{u"--retention-days"_s, u"x"_s},
                                     QStringList{u"--admin-token"_s, u"short"_s},
                                     QStringList{u"--default-isolation"_s, u"bunker"_s},
                                     QStringList{u"--request-metering"_s, u"maybe"_s},
                                     QStringList{u"--quotas"_s, u"sometimes"_s},
                                     QStringList{u"--quota-redis-failure"_s, u"ajar"_s},
                                     QStringList{u"--quota-flush-interval"_s, u"0"_s},
                                     QStringList{u"--quota-flush-interval"_s, u"61"_s},
                                     QStringList{u"--storage-sample-interval"_s, u"-1"_s},
                                     QStringList{u"--config"_s, u"/nonexistent/tenantry.ini"_s}}) {
        const auto o = parse(flags);
        ASSERT_FALSE(o.ok()) << flags.join(u' ').toStdString();
        EXPECT_EQ(o.error().code, u"invalid-option"_s);
    }
    const auto o = parse({u"--identify"_s, u"subdomain"_s});
    EXPECT_TRUE(o.error().message.contains(u"TENANTRY_BASE_DOMAIN"_s)) << o.error().message.toStdString();
}

TEST(ServeOptions, QuotaSettingsHaveSafeDefaultsAndParse)
{
    const auto defaults = parse({});
    ASSERT_TRUE(defaults.ok()) << defaults.error().message.toStdString();
    EXPECT_TRUE(defaults->quotas);
    EXPECT_TRUE(defaults->quotaRedisFailOpen);
    EXPECT_EQ(defaults->quotaFlushIntervalSeconds, 1);
    EXPECT_TRUE(defaults->redisUrl.isEmpty());
    const auto set = parse({u"--quotas"_s, u"Off"_s, u"--quota-redis-failure"_s, u"closed"_s, u"--redis"_s,
                            u"redis://:pw@127.0.0.1:6380/2"_s, u"--quota-flush-interval"_s, u"5"_s});
    ASSERT_TRUE(set.ok()) << set.error().message.toStdString();
    EXPECT_FALSE(set->quotas);
    EXPECT_FALSE(set->quotaRedisFailOpen);
    EXPECT_EQ(set->quotaFlushIntervalSeconds, 5);
    EXPECT_EQ(set->redisUrl, u"redis://:pw@127.0.0.1:6380/2"_s);
    const auto bad = parse({u"--quota-redis-failure"_s, u"ajar"_s});
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(u"TENANTRY_QUOTA_REDIS_FAILURE"_s)) << bad.error().message.toStdString();
    EXPECT_TRUE(bad.error().message.contains(u"open or closed"_s)) << bad.error().message.toStdString();
}

TEST(ServeOptions, SecretsAreNotEchoed)
{
    const auto o = parse({u"--admin-token"_s, u"tiny-secret"_s});
    ASSERT_FALSE(o.ok());
    EXPECT_FALSE(o.error().message.contains(u"tiny-secret"_s));
}

TEST(ServeOptions, AlertWebhookNeedsAUrlAndASecretTogether)
{
    const QString url = u"https://alerts.example.com/hook"_s;
    auto none = parse({u"--data-dir"_s, u"/tmp/x"_s});
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->alertWebhook.has_value());
    EXPECT_EQ(none->anomalyWarmup, 30);

    auto fromEnv = parse({u"--alert-webhook-url"_s, url}, {{"TENANTRY_ALERT_WEBHOOK_SECRET", "  env-secret-0123456789  "}});
    ASSERT_TRUE(fromEnv.ok()) << fromEnv.error().message.toStdString();
    ASSERT_TRUE(fromEnv->alertWebhook.has_value());
    EXPECT_EQ(fromEnv->alertWebhook->url, QUrl(url));
    EXPECT_EQ(fromEnv->alertWebhook->secret, QByteArray("env-secret-0123456789"));

    QTemporaryDir dir;
    const QString file = dir.filePath(u"secret"_s);
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("file-secret-0123456789\n");
    f.close();
    // The file wins over the variable, as --admin-token-file does.
    auto fromFile = parse({u"--alert-webhook-secret-file"_s, file},
                          {{"TENANTRY_ALERT_WEBHOOK_URL", url.toLatin1()}, {"TENANTRY_ALERT_WEBHOOK_SECRET", "env-secret-0123456789"}});
    ASSERT_TRUE(fromFile.ok()) << fromFile.error().message.toStdString();
    EXPECT_EQ(fromFile->alertWebhook->secret, QByteArray("file-secret-0123456789"));

    const auto missing = parse({u"--alert-webhook-url"_s, url});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, u"invalid-option"_s);
    EXPECT_TRUE(missing.error().message.contains(u"TENANTRY_ALERT_WEBHOOK_SECRET"_s)) << missing.error().message.toStdString();

    const auto tooShort = parse({u"--alert-webhook-url"_s, url}, {{"TENANTRY_ALERT_WEBHOOK_SECRET", "tiny-secret"}});
    ASSERT_FALSE(tooShort.ok());
    EXPECT_TRUE(tooShort.error().message.contains(u"at least 16 bytes"_s)) << tooShort.error().message.toStdString();
    EXPECT_FALSE(tooShort.error().message.contains(u"tiny-secret"_s));

    const auto unreadable = parse({u"--alert-webhook-url"_s, url, u"--alert-webhook-secret-file"_s, u"/nonexistent/secret"_s});
    ASSERT_FALSE(unreadable.ok());
    EXPECT_TRUE(unreadable.error().message.contains(u"TENANTRY_ALERT_WEBHOOK_SECRET_FILE"_s));

    // A secret with no URL is most likely a misspelt URL setting: refused, not ignored.
    const auto orphan = parse({}, {{"TENANTRY_ALERT_WEBHOOK_SECRET", "env-secret-0123456789"}});
    ASSERT_FALSE(orphan.ok());
    EXPECT_TRUE(orphan.error().message.contains(u"TENANTRY_ALERT_WEBHOOK_URL"_s)) << orphan.error().message.toStdString();
    EXPECT_FALSE(orphan.error().message.contains(u"env-secret-0123456789"_s));
}

TEST(ServeOptions, AlertWebhookUrlIsValidated)
{
    for (const char *bad : {"ftp://alerts.example.com/hook", "https://user:pw@alerts.example.com/hook", "alerts.example.com",
                            "http:///hook"}) {
        const auto o = parse({u"--alert-webhook-url"_s, QString::fromLatin1(bad)},
                             {{"TENANTRY_ALERT_WEBHOOK_SECRET", "env-secret-0123456789"}});
        ASSERT_FALSE(o.ok()) << bad;
        EXPECT_EQ(o.error().code, u"invalid-option"_s);
        EXPECT_TRUE(o.error().message.contains(u"--alert-webhook-url (TENANTRY_ALERT_WEBHOOK_URL)"_s))
            << o.error().message.toStdString();
        EXPECT_FALSE(o.error().message.contains(u"pw@"_s));
    }
}

TEST(ServeOptions, AnomalyWarmupIsRangeChecked)
{
    auto o = parse({u"--anomaly-warmup"_s, u"3"_s});
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o->anomalyWarmup, 3);
    for (const char *bad : {"0", "-1", "many", "100001"}) {
        const auto r = parse({u"--anomaly-warmup"_s, QString::fromLatin1(bad)});
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_TRUE(r.error().message.contains(u"TENANTRY_ANOMALY_WARMUP"_s));
    }
}

TEST(ServeOptions, UsageFlushIntervalIsRangeChecked)
{
    EXPECT_EQ(parse({}).value().usageFlushIntervalSeconds, 60);
    EXPECT_EQ(parse({u"--usage-flush-interval"_s, u"5"_s}).value().usageFlushIntervalSeconds, 5);
    EXPECT_EQ(parse({}, {{"TENANTRY_USAGE_FLUSH_INTERVAL", "3600"}}).value().usageFlushIntervalSeconds, 3600);
    for (const char *bad : {"0", "3601", "-1", "1.5", "minute"}) {
        const auto o = parse({u"--usage-flush-interval"_s, QString::fromLatin1(bad)});
        ASSERT_FALSE(o.ok()) << bad;
        EXPECT_EQ(o.error().code, u"invalid-option"_s);
        EXPECT_TRUE(o.error().message.contains(u"TENANTRY_USAGE_FLUSH_INTERVAL"_s)) << o.error().message.toStdString();
    }
}
