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
                                     QStringList{u"--config"_s, u"/nonexistent/tenantry.ini"_s}}) {
        const auto o = parse(flags);
        ASSERT_FALSE(o.ok()) << flags.join(u' ').toStdString();
        EXPECT_EQ(o.error().code, u"invalid-option"_s);
    }
    const auto o = parse({u"--identify"_s, u"subdomain"_s});
    EXPECT_TRUE(o.error().message.contains(u"TENANTRY_BASE_DOMAIN"_s)) << o.error().message.toStdString();
}

TEST(ServeOptions, SecretsAreNotEchoed)
{
    const auto o = parse({u"--admin-token"_s, u"tiny-secret"_s});
    ASSERT_FALSE(o.ok());
    EXPECT_FALSE(o.error().message.contains(u"tiny-secret"_s));
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
