// Quotas shared through the real Redis by two real `tenantry serve` processes: together they
// admit exactly the limit, and when Redis goes away mid-test each server does what
// --quota-redis-failure says, loudly, and returns to the shared counts once Redis is back.
#include "tests/support/pgtestdb.h"
#include "tests/support/rawhttp.h"
#include "tests/support/serverprocess.h"
#include "tests/support/webhookreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "quota-redis-admin-token-0123456789";

class QuotaRedisServeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_redis = qEnvironmentVariable("TENANTRY_TEST_REDIS_URL");
        m_ctl = qEnvironmentVariable("TENANTRY_TEST_REDIS_CTL");
        if (m_redis.isEmpty() || m_ctl.isEmpty()) {
            if (servicesRequired())
                FAIL() << "TENANTRY_TEST_REDIS_URL and TENANTRY_TEST_REDIS_CTL are required";
            GTEST_SKIP() << "Redis not configured (set TENANTRY_TEST_REDIS_URL)";
        }
        ASSERT_TRUE(m_dir.isValid());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"TENANTRY_ADMIN_TOKEN"_s, QString::fromLatin1(kAdminToken));
    }

    void TearDown() override
    {
        // Whatever happened, later tests need Redis running.
        redisCtl(u"start"_s);
    }

    static int redisCtl(const QString &action)
    {
        const QString ctl = qEnvironmentVariable("TENANTRY_TEST_REDIS_CTL");
        return ctl.isEmpty() ? 0 : QProcess::execute(ctl, {action});
    }

    std::unique_ptr<ServerProcess> start(const QString &failure)
    {
        QString error;
        auto server = ServerProcess::start({u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--identify"_s, u"header"_s,
                                            u"--redis"_s, m_redis, u"--quota-redis-failure"_s, failure},
                                           m_env, &error);
        EXPECT_TRUE(server) << error.toStdString();
        return server;
    }

    RawResponse admin(ServerProcess &server, const QByteArray &method, const QByteArray &path, const QByteArray &body)
    {
        return sendRequest(server.port(), method, path, {{"Authorization", "Bearer " + kAdminToken}}, body);
    }

    static RawResponse call(ServerProcess &server, const QByteArray &slug, const QByteArray &key)
    {
        return sendRequest(server.port(), "GET", "/api/v1/me", {{"X-Tenant-ID", slug}, {"X-API-Key", key}});
    }

    QByteArray createTenant(ServerProcess &server, const QString &slug, const QByteArray &quotas)
    {
        const RawResponse r = admin(server, "POST", "/admin/v1/tenants", QJsonDocument(QJsonObject{{u"slug"_s, slug}}).toJson());
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        EXPECT_EQ(admin(server, "PUT", "/admin/v1/tenants/" + slug.toLatin1() + "/quotas", quotas).status, 200);
        return r.json().value(u"api_key"_s).toString().toLatin1();
    }

    QString m_redis;
    QString m_ctl;
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
};

TEST_F(QuotaRedisServeTest, TwoServersAdmitExactlyTheLimitTogether)
{
    auto a = start(u"closed"_s);
    auto b = start(u"closed"_s);
    ASSERT_TRUE(a && b);
    const QString slug = u"shared-%1"_s.arg(QDateTime::currentMSecsSinceEpoch()); // fresh keys in a reused Redis
    const QByteArray key = createTenant(*a, slug, R"({"api_calls_per_day": 50, "rate_per_second": null, "burst": null})");
    // Both servers must know the tenant (b loads it on its directory refresh).
    ASSERT_TRUE(waitUntil([&] { return call(*b, slug.toLatin1(), key).status != 404; }, 10000));

    std::atomic<int> admitted{0}, refused{0}, other{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            ServerProcess &server = t % 2 ? *a : *b;
            for (int i = 0; i < 30; ++i) {
                const int status = call(server, slug.toLatin1(), key).status;
                (status == 200 ? admitted : status == 429 ? refused : other)++;
            }
        });
    }
    for (auto &th : threads)
        th.join();
    // One request was spent checking that b knows the tenant.
    EXPECT_EQ(admitted.load(), 49);
    EXPECT_EQ(refused.load(), 71);
    EXPECT_EQ(other.load(), 0);
    const RawResponse refusedA = call(*a, slug.toLatin1(), key);
    EXPECT_EQ(refusedA.status, 429);
    EXPECT_EQ(refusedA.problemCode(), u"quota-exceeded"_s);
    EXPECT_TRUE(refusedA.json().value(u"detail"_s).toString().contains(u"daily API call quota"_s)) << refusedA.body.toStdString();
    EXPECT_EQ(refusedA.header("RateLimit-Limit"), "50");
    EXPECT_EQ(refusedA.header("RateLimit-Remaining"), "0");
    EXPECT_EQ(call(*b, slug.toLatin1(), key).status, 429);
}

TEST_F(QuotaRedisServeTest, RedisGoingAwayFailsClosedOrOpenAsConfiguredAndRecovers)
{
    auto closed = start(u"closed"_s);
    auto open = start(u"open"_s);
    ASSERT_TRUE(closed && open);
    const QString slug = u"fail-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    const QByteArray key = createTenant(*closed, slug, R"({"api_calls_per_day": 1000})");
    ASSERT_TRUE(waitUntil([&] { return call(*open, slug.toLatin1(), key).status == 200; }, 10000));
    ASSERT_EQ(call(*closed, slug.toLatin1(), key).status, 200);

    ASSERT_EQ(redisCtl(u"stop"_s), 0);
    const RawResponse refused = call(*closed, slug.toLatin1(), key);
    EXPECT_EQ(refused.status, 503) << refused.body.toStdString();
    EXPECT_EQ(refused.problemCode(), u"quota-store-unavailable"_s);
    EXPECT_EQ(refused.header("Retry-After"), "1");
    EXPECT_EQ(call(*open, slug.toLatin1(), key).status, 200);
    // Both say so loudly.
    EXPECT_TRUE(waitUntil([&] { return closed->output().contains(u"fail closed"_s); }, 5000)) << closed->output().toStdString();
    EXPECT_TRUE(waitUntil([&] { return open->output().contains(u"fail open"_s); }, 5000)) << open->output().toStdString();

    ASSERT_EQ(redisCtl(u"start"_s), 0);
    // Each server tries to reconnect at most every half second: past that, from both of
    // them, every call below reaches the restarted Redis (a call inside the back-off would
    // be admitted on the server's own counters and not show in the shared count).
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    // Back on the shared counts.
    EXPECT_TRUE(waitUntil([&] { return call(*closed, slug.toLatin1(), key).status == 200; }, 10000))
        << closed->output().toStdString();
    EXPECT_EQ(call(*closed, slug.toLatin1(), key).status, 200);
    EXPECT_EQ(call(*open, slug.toLatin1(), key).status, 200);
    // The restarted Redis (no persistence here) counts from zero: the three admits since,
    // from both servers. What the open server admitted meanwhile stayed in its own counters.
    const RawResponse quotas = admin(*closed, "GET", "/admin/v1/tenants/" + slug.toLatin1() + "/quotas", {});
    ASSERT_EQ(quotas.status, 200);
    const QJsonArray usage = quotas.json().value(u"usage"_s).toArray();
    ASSERT_FALSE(usage.isEmpty());
    EXPECT_EQ(usage.first().toObject().value(u"name"_s).toString(), u"api_calls_per_day"_s);
    EXPECT_EQ(usage.first().toObject().value(u"used"_s).toInt(), 3) << quotas.body.toStdString();
}

TEST_F(QuotaRedisServeTest, AnUnreachableRedisAtStartIsAClearError)
{
    const CliResult r = runCli({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s),
                                u"--redis"_s, u"redis://127.0.0.1:1/0"_s},
                               m_env);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains("127.0.0.1:1")) << r.err.toStdString();
    const CliResult bad = runCli({u"serve"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--redis"_s, u"http://x"_s},
                                 m_env);
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_TRUE(bad.err.contains("redis")) << bad.err.toStdString();
}

} // namespace
