// Quotas end to end through the real `tenantry serve`, on SQLite and on PostgreSQL: limits
// from plans and overrides refuse requests with 429 and RateLimit headers, changes apply
// without a restart (also on another server), counts survive a restart, storage and record
// limits refuse writes, alerts reach the catalog and the tenant's webhook, and no tenant can
// see or spend another's quota.
#include "core/notify/webhooksignature.h"
#include "tests/support/pgtestdb.h"
#include "tests/support/rawhttp.h"
#include "tests/support/serverprocess.h"
#include "tests/support/webhookreceiver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "quota-e2e-admin-token-0123456789";

class QuotaServeTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_args = QStringList{u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--identify"_s, u"path,header"_s};
        if (GetParam() == "postgres") {
            m_pg = PgTestDatabase::create();
            TENANTRY_REQUIRE_PG(m_pg);
            m_args << u"--database"_s << m_pg->url();
        }
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"TENANTRY_ADMIN_TOKEN"_s, QString::fromLatin1(kAdminToken));
    }

    std::unique_ptr<ServerProcess> startServer(const QStringList &extra = {})
    {
        QString error;
        auto server = ServerProcess::start(m_args + extra, m_env, &error);
        EXPECT_TRUE(server) << error.toStdString();
        return server;
    }

    RawResponse admin(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                      ServerProcess *server = nullptr)
    {
        return sendRequest((server ? server : m_server.get())->port(), method, path,
                           {{"Authorization", "Bearer " + kAdminToken}}, body);
    }

    QByteArray createTenant(const QString &slug)
    {
        const RawResponse r = admin("POST", "/admin/v1/tenants",
                                    QJsonDocument(QJsonObject{{u"slug"_s, slug}}).toJson());
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.json().value(u"api_key"_s).toString().toLatin1();
    }

    RawResponse setQuotas(const QByteArray &slug, const QByteArray &json, ServerProcess *server = nullptr)
    {
        return admin("PUT", "/admin/v1/tenants/" + slug + "/quotas", json, server);
    }

    RawResponse as(const QByteArray &slug, const QByteArray &key, const QByteArray &method = "GET",
                   const QByteArray &path = "/api/v1/me", const QByteArray &body = {}, ServerProcess *server = nullptr)
    {
        return sendRequest((server ? server : m_server.get())->port(), method, path,
                           {{"X-Tenant-ID", slug}, {"X-API-Key", key}}, body);
    }

    static QJsonObject usageOf(const QJsonObject &quotas, const QString &name)
    {
        for (const QJsonValue &u : quotas.value(u"usage"_s).toArray()) {
            if (u.toObject().value(u"name"_s).toString() == name)
                return u.toObject();
        }
        return {};
    }

    QTemporaryDir m_dir;
    QStringList m_args;
    QProcessEnvironment m_env;
    std::unique_ptr<PgTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_server;
};

TEST_P(QuotaServeTest, ADailyQuotaAnswers429WithHeadersAndLeavesOtherTenantsAlone)
{
    m_server = startServer();
    ASSERT_TRUE(m_server);
    const QByteArray acme = createTenant(u"acme"_s);
    const QByteArray globex = createTenant(u"globex"_s);
    const RawResponse set = setQuotas("acme", R"({"api_calls_per_day": 5})");
    ASSERT_EQ(set.status, 200) << set.body.toStdString();
    EXPECT_EQ(set.json().value(u"effective"_s).toObject().value(u"api_calls_per_day"_s).toInt(), 5);

    for (int i = 0; i < 5; ++i) {
        const RawResponse r = as("acme", acme);
        ASSERT_EQ(r.status, 200) << r.body.toStdString();
        EXPECT_EQ(r.header("RateLimit-Limit"), "5");
        EXPECT_EQ(r.header("RateLimit-Remaining"), QByteArray::number(4 - i));
        EXPECT_GT(r.header("RateLimit-Reset").toLongLong(), 0);
    }
    const RawResponse refused = as("acme", acme);
    EXPECT_EQ(refused.status, 429) << refused.body.toStdString();
    EXPECT_EQ(refused.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(refused.problemCode(), u"quota-exceeded"_s);
    EXPECT_EQ(refused.header("RateLimit-Remaining"), "0");
    EXPECT_EQ(refused.header("Retry-After"), refused.header("RateLimit-Reset"));
    EXPECT_GT(refused.header("Retry-After").toInt(), 0);
    // The same tenant through the path strategy is the same quota.
    EXPECT_EQ(sendRequest(m_server->port(), "GET", "/t/acme/api/v1/me", {{"X-API-Key", acme}}).status, 429);

    // Another tenant is not touched, and a caller with the wrong key spends nothing of acme's.
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(as("globex", globex).status, 200);
    EXPECT_EQ(as("acme", globex).status, 401);
    const QJsonObject acmeQuotas = admin("GET", "/admin/v1/tenants/acme/quotas").json();
    EXPECT_EQ(usageOf(acmeQuotas, u"api_calls_per_day"_s).value(u"used"_s).toInt(), 5);
    const QJsonObject globexQuotas = admin("GET", "/admin/v1/tenants/globex/quotas").json();
    EXPECT_EQ(usageOf(globexQuotas, u"api_calls_per_day"_s).value(u"used"_s).toInt(), 10);
    EXPECT_EQ(usageOf(globexQuotas, u"api_calls_per_day"_s).value(u"limit"_s).toInt(), 10000); // the free plan

    // Lifting the override applies at once.
    ASSERT_EQ(setQuotas("acme", R"({"api_calls_per_day": null})").status, 200);
    EXPECT_EQ(as("acme", acme).status, 200);
}

TEST_P(QuotaServeTest, RateLimitAndRouteCostsAndRulesAreEnforced)
{
    m_server = startServer();
    ASSERT_TRUE(m_server);
    const QByteArray key = createTenant(u"acme"_s);
    ASSERT_EQ(setQuotas("acme", R"({"rate_per_second": 0.01, "burst": 3})").status, 200);
    EXPECT_EQ(as("acme", key).status, 200);
    EXPECT_EQ(as("acme", key).status, 200);
    EXPECT_EQ(as("acme", key).status, 200);
    const RawResponse limited = as("acme", key);
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.problemCode(), u"rate-limited"_s);
    EXPECT_GE(limited.header("Retry-After").toInt(), 99);
    EXPECT_EQ(limited.header("RateLimit-Limit"), "3");

    // Raising the rate forgives what the old one held against the tenant. The day has 3 calls.
    ASSERT_EQ(setQuotas("acme", R"({"api_calls_per_day": 15,
        "costs": [{"method": "POST", "route": "/api/v1/entities", "cost": 4}],
        "rules": [{"name": "me", "method": "GET", "route": "/api/v1/me", "window": "hour", "limit": 2},
                  {"name": "two-notes", "metric": "records", "entity": "notes", "limit": 2}]})")
                  .status,
              200);
    EXPECT_EQ(as("acme", key).status, 200);
    EXPECT_EQ(as("acme", key).status, 200);
    const RawResponse rule = as("acme", key);
    EXPECT_EQ(rule.status, 429);
    EXPECT_TRUE(rule.json().value(u"detail"_s).toString().contains(u"'me'"_s)) << rule.body.toStdString();

    const QByteArray entity = R"({"name": "notes", "fields": [{"name": "text", "type": "string"}]})";
    const RawResponse created = as("acme", key, "POST", "/api/v1/entities", entity); // costs 4: 9 of 15
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    EXPECT_EQ(created.header("RateLimit-Remaining"), "6");
    EXPECT_EQ(as("acme", key, "POST", "/api/v1/entities/notes/records", R"({"text": "a"})").status, 201);
    EXPECT_EQ(as("acme", key, "POST", "/api/v1/entities/notes/records", R"({"text": "b"})").status, 201);
    const RawResponse third = as("acme", key, "POST", "/api/v1/entities/notes/records", R"({"text": "c"})");
    EXPECT_EQ(third.status, 403) << third.body.toStdString();
    EXPECT_EQ(third.problemCode(), u"record-quota-exceeded"_s);
    // A refused create is still a call: the day is at 12 of 15, where a cost-4 request does
    // not fit and a cost-1 one does.
    EXPECT_EQ(as("acme", key, "POST", "/api/v1/entities", entity).status, 429);
    EXPECT_EQ(as("acme", key, "GET", "/api/v1/entities").status, 200);
}

TEST_P(QuotaServeTest, CountsSurviveARestartAndChangesReachAnotherServer)
{
    m_server = startServer();
    ASSERT_TRUE(m_server);
    const QByteArray key = createTenant(u"acme"_s);
    ASSERT_EQ(setQuotas("acme", R"({"api_calls_per_day": 5})").status, 200);
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(as("acme", key).status, 200);
    EXPECT_EQ(m_server->stop(), 0);

    m_server = startServer();
    ASSERT_TRUE(m_server);
    EXPECT_EQ(as("acme", key).status, 200);
    EXPECT_EQ(as("acme", key).status, 200);
    EXPECT_EQ(as("acme", key).status, 429) << m_server->output().toStdString();

    // Two servers on the same catalog start from the saved counts, and one picks up an
    // operator's change made through the other within its refresh. (Refused requests take
    // nothing from the rate.)
    EXPECT_EQ(m_server->stop(), 0);
    auto other = startServer();
    ASSERT_TRUE(other);
    m_server = startServer();
    ASSERT_TRUE(m_server);
    EXPECT_EQ(as("acme", key, "GET", "/api/v1/me", {}, other.get()).status, 429);
    ASSERT_EQ(setQuotas("acme", R"({"api_calls_per_day": 1000000})").status, 200);
    EXPECT_TRUE(waitUntil([&] { return as("acme", key, "GET", "/api/v1/me", {}, other.get()).status == 200; }, 10000))
        << other->output().toStdString();
}

TEST_P(QuotaServeTest, StorageOverQuotaRefusesWritesAndServesReads)
{
    m_server = startServer({u"--usage-flush-interval"_s, u"1"_s, u"--storage-sample-interval"_s, u"1"_s});
    ASSERT_TRUE(m_server);
    const QByteArray key = createTenant(u"acme"_s);
    // No rate limit: the test writes as fast as it can until the measurement arrives.
    ASSERT_EQ(setQuotas("acme", R"({"storage_bytes": 100, "rate_per_second": null, "burst": null})").status, 200);
    ASSERT_EQ(as("acme", key, "POST", "/api/v1/entities",
                 R"({"name": "notes", "fields": [{"name": "text", "type": "string"}]})")
                  .status,
              201);
    const QByteArray big = QJsonDocument(QJsonObject{{u"text"_s, QString(400, u'x')}}).toJson();
    ASSERT_EQ(as("acme", key, "POST", "/api/v1/entities/notes/records", big).status, 201);
    // Refused once a measurement shows the tenant at its limit (a usage flush away).
    ASSERT_TRUE(waitUntil([&] { return as("acme", key, "POST", "/api/v1/entities/notes/records", big).status == 403; },
                          10000))
        << m_server->output().toStdString();
    const RawResponse refused = as("acme", key, "POST", "/api/v1/entities/notes/records", big);
    EXPECT_EQ(refused.problemCode(), u"storage-quota-exceeded"_s);
    EXPECT_EQ(as("acme", key, "GET", "/api/v1/entities/notes/records").status, 200);
    const QJsonObject quotas = admin("GET", "/admin/v1/tenants/acme/quotas").json();
    EXPECT_GE(usageOf(quotas, u"storage_bytes"_s).value(u"used"_s).toInt(), 100);
}

TEST_P(QuotaServeTest, ThresholdAlertsAreRecordedOnceAndSignedToTheTenantsWebhook)
{
    WebhookReceiver receiver;
    m_server = startServer({u"--quota-flush-interval"_s, u"1"_s});
    ASSERT_TRUE(m_server);
    const QByteArray key = createTenant(u"acme"_s);
    const QByteArray other = createTenant(u"globex"_s);
    const QByteArray secret = "acme-webhook-secret-0123456789";
    const RawResponse hook = admin("PUT", "/admin/v1/tenants/acme/webhook",
                                   QJsonDocument(QJsonObject{{u"url"_s, receiver.url(u"/quota"_s)},
                                                             {u"secret"_s, QString::fromLatin1(secret)}})
                                       .toJson());
    ASSERT_EQ(hook.status, 200) << hook.body.toStdString();
    ASSERT_EQ(setQuotas("acme", R"({"api_calls_per_day": 10})").status, 200);
    ASSERT_EQ(setQuotas("globex", R"({"api_calls_per_day": 10})").status, 200);
    for (int i = 0; i < 12; ++i)
        as("acme", key);
    for (int i = 0; i < 5; ++i)
        as("globex", other); // 50 %: no alert

    ASSERT_TRUE(waitUntil([&] { return receiver.requests().size() >= 4; }, 15000)) << m_server->output().toStdString();
    waitUntil([] { return false; }, 1500); // no more than the four should come
    ASSERT_EQ(receiver.requests().size(), 4);
    QList<int> thresholds;
    for (const auto &request : receiver.requests()) {
        EXPECT_EQ(request.header("Tenantry-Event"), "quota.threshold");
        EXPECT_TRUE(Notify::WebhookSignature::verify(request.header("Tenantry-Signature"), request.body, secret,
                                                     QDateTime::currentDateTimeUtc())
                        .ok());
        const QJsonObject data = request.json().value(u"data"_s).toObject();
        EXPECT_EQ(data.value(u"dimension"_s).toString(), u"api_calls_per_day"_s);
        thresholds.append(data.value(u"threshold"_s).toInt());
    }
    std::sort(thresholds.begin(), thresholds.end());
    EXPECT_EQ(thresholds, (QList<int>{80, 90, 95, 100}));

    const QJsonObject alerts = admin("GET", "/admin/v1/tenants/acme/quota-alerts").json();
    EXPECT_EQ(alerts.value(u"alerts"_s).toArray().size(), 4) << QJsonDocument(alerts).toJson().toStdString();
    EXPECT_EQ(admin("GET", "/admin/v1/tenants/globex/quota-alerts").json().value(u"alerts"_s).toArray().size(), 0);
    // A tenant reads its own alerts only, whatever it asks for.
    const RawResponse own = as("globex", other, "GET", "/api/v1/quota-alerts?tenant=acme");
    EXPECT_EQ(own.status, 200);
    EXPECT_EQ(own.json().value(u"alerts"_s).toArray().size(), 0) << own.body.toStdString();
}

TEST_P(QuotaServeTest, ATenantSeesOnlyItsOwnQuotas)
{
    m_server = startServer();
    ASSERT_TRUE(m_server);
    const QByteArray acme = createTenant(u"acme"_s);
    const QByteArray globex = createTenant(u"globex"_s);
    ASSERT_EQ(setQuotas("acme", R"({"api_calls_per_day": 77})").status, 200);
    const RawResponse own = as("acme", acme, "GET", "/api/v1/quotas");
    ASSERT_EQ(own.status, 200) << own.body.toStdString();
    EXPECT_EQ(own.json().value(u"limits"_s).toObject().value(u"api_calls_per_day"_s).toInt(), 77);
    EXPECT_FALSE(own.json().contains(u"overrides"_s));
    const RawResponse theirs = as("globex", globex, "GET", "/api/v1/quotas?tenant=acme");
    EXPECT_EQ(theirs.json().value(u"limits"_s).toObject().value(u"api_calls_per_day"_s).toInt(), 10000);
    // Forged tenant signals with globex's key are refused, never answered with acme's quotas.
    EXPECT_EQ(as("acme", globex, "GET", "/api/v1/quotas").status, 401);
    EXPECT_EQ(sendRequest(m_server->port(), "GET", "/t/acme/api/v1/quotas",
                          {{"X-Tenant-ID", "globex"}, {"X-API-Key", globex}})
                  .status,
              400);
    // Tenants cannot reach the admin routes.
    EXPECT_EQ(sendRequest(m_server->port(), "GET", "/admin/v1/tenants/acme/quotas", {{"X-API-Key", acme}}).status, 401);
    EXPECT_EQ(sendRequest(m_server->port(), "PUT", "/admin/v1/tenants/acme/quotas",
                          {{"Authorization", "Bearer " + acme}}, R"({"api_calls_per_day": null})")
                  .status,
              401);
}

TEST_P(QuotaServeTest, BadQuotaInputIsRefusedAndChangesNothing)
{
    m_server = startServer();
    ASSERT_TRUE(m_server);
    createTenant(u"acme"_s);
    ASSERT_EQ(setQuotas("acme", R"({"api_calls_per_day": 5})").status, 200);
    for (const QByteArray &body : QList<QByteArray>{
             R"({"api_calls_per_day": 0})", R"({"api_calls_per_day": -1})", R"({"api_calls_per_day": 1e40})",
             R"({"api_calls_per_day": "many"})", R"({"burst": 10})", R"({"rate_per_second": -3})",
             R"({"storage_bytes": 0.5})", R"({"unknown": 1})", R"({"rules": "x"})",
             R"({"rules": [{"name": "r", "window": "fortnight", "limit": 5}]})", R"([1, 2])", R"({"api_calls_per_day":)",
             R"({"costs": [{"route": "no-slash", "cost": 2}]})"}) {
        const RawResponse r = setQuotas("acme", body);
        EXPECT_EQ(r.status, 400) << body.toStdString() << " -> " << r.body.toStdString();
        EXPECT_EQ(r.header("Content-Type"), "application/problem+json");
    }
    const RawResponse many = setQuotas("acme", R"({"api_calls_per_day": 0, "max_concurrent": -2, "extra": true})");
    EXPECT_EQ(many.problemCode(), u"invalid-quota-limits"_s);
    EXPECT_EQ(many.json().value(u"errors"_s).toArray().size(), 3) << many.body.toStdString();
    // Nothing changed.
    const QJsonObject quotas = admin("GET", "/admin/v1/tenants/acme/quotas").json();
    EXPECT_EQ(quotas.value(u"overrides"_s).toObject(), QJsonObject({{u"api_calls_per_day"_s, 5}}));
    EXPECT_EQ(setQuotas("nobody", R"({"api_calls_per_day": 5})").status, 404);

    // Plans: bad names and limits are refused, good ones stored and listed.
    EXPECT_EQ(admin("PUT", "/admin/v1/plans/Bad%20Name", R"({"display_name": "x", "limits": {}})").problemCode(),
              u"invalid-plan-name"_s);
    EXPECT_EQ(admin("PUT", "/admin/v1/plans/team", R"({"display_name": "Team", "limits": {"max_concurrent": 0}})").status,
              400);
    EXPECT_EQ(admin("PUT", "/admin/v1/plans/team", R"({"limits": {}})").status, 400);
    const RawResponse team = admin("PUT", "/admin/v1/plans/team",
                                   R"({"display_name": "Team", "limits": {"api_calls_per_day": 50000}})");
    ASSERT_EQ(team.status, 200) << team.body.toStdString();
    const QJsonArray plans = admin("GET", "/admin/v1/plans").json().value(u"items"_s).toArray();
    QStringList names;
    for (const QJsonValue &p : plans)
        names.append(p.toObject().value(u"name"_s).toString());
    EXPECT_EQ(names, (QStringList{u"basic"_s, u"enterprise"_s, u"free"_s, u"pro"_s, u"team"_s}));
    EXPECT_EQ(admin("GET", "/admin/v1/plans/nope").status, 404);
}

TEST_P(QuotaServeTest, TheCliShowsSavedUsageAndItsChangesReachTheRunningServer)
{
    m_server = startServer({u"--quota-flush-interval"_s, u"1"_s});
    ASSERT_TRUE(m_server);
    const QByteArray key = createTenant(u"acme"_s);
    QStringList common = m_args.mid(0, m_args.indexOf(u"--identify"_s));
    if (m_pg)
        common << u"--database"_s << m_pg->url();
    const CliResult set = runCli(QStringList{u"quotas"_s, u"set"_s, u"acme"_s, u"{\"api_calls_per_day\": 4}"_s} + common, m_env);
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    int admitted = 0; // every admitted call counts, also those before the server saw the change
    EXPECT_TRUE(waitUntil(
        [&] {
            const RawResponse r = as("acme", key);
            admitted += r.status == 200 ? 1 : 0;
            return r.header("RateLimit-Limit") == "4";
        },
        10000));
    // The server saves its counters every second; the CLI reads what was saved.
    ASSERT_TRUE(waitUntil(
        [&] {
            const CliResult shown = runCli(QStringList{u"quotas"_s, u"show"_s, u"acme"_s, u"--json"_s} + common, m_env);
            const QJsonObject o = QJsonDocument::fromJson(shown.out).object();
            return usageOf(o, u"api_calls_per_day"_s).value(u"used"_s).toInt() == admitted;
        },
        10000));
    const CliResult table = runCli(QStringList{u"quotas"_s, u"list"_s} + common, m_env);
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_TRUE(table.out.contains("api_calls_per_day")) << table.out.toStdString();
    EXPECT_TRUE(table.out.contains(QByteArray(QByteArray::number(admitted * 25) + ".0%"))) << table.out.toStdString();

    const CliResult bad = runCli(QStringList{u"quotas"_s, u"set"_s, u"acme"_s, u"{\"api_calls_per_day\": -1}"_s} + common, m_env);
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains("invalid-quota-limits")) << bad.err.toStdString();
    EXPECT_EQ(runCli(QStringList{u"quotas"_s, u"set"_s, u"acme"_s, u"not json"_s} + common, m_env).exitCode, 1);
    EXPECT_EQ(runCli(QStringList{u"quotas"_s, u"set"_s, u"acme"_s} + common, m_env).exitCode, 2);
    EXPECT_EQ(runCli(QStringList{u"quotas"_s, u"show"_s, u"nobody"_s} + common, m_env).exitCode, 1);
    EXPECT_EQ(as("acme", key).header("RateLimit-Limit"), "4"); // the bad ones changed nothing
}

INSTANTIATE_TEST_SUITE_P(Backends, QuotaServeTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto &info) { return info.param; });

} // namespace
