// Drives the real `tenantry serve` binary over HTTP, on SQLite and on PostgreSQL: every
// identification strategy, every identification error, admin and tenant authentication,
// size limits, shutdown, and that secrets stay out of the log.
#include "tests/support/jwtmint.h"
#include "tests/support/pgtestdb.h"
#include "tests/support/rawhttp.h"
#include "tests/support/serverprocess.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "e2e-admin-token-0123456789abcdef";
const QByteArray kHsSecret = "e2e-hs256-secret-that-is-long-enough-0123";
const QByteArray kBaseDomain = "api.example.test";

const RsaKeyPair &rsaKeys()
{
    static const RsaKeyPair keys = generateRsaKeyPair();
    return keys;
}

class ServeTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QFile pub(m_dir.filePath(u"rs.pub.pem"_s));
        ASSERT_TRUE(pub.open(QIODevice::WriteOnly));
        pub.write(rsaKeys().publicPem);
        pub.close();
        QFile keys(m_dir.filePath(u"jwt-keys.json"_s));
        ASSERT_TRUE(keys.open(QIODevice::WriteOnly));
        keys.write(QJsonDocument(QJsonObject{{u"keys"_s, QJsonArray{
            QJsonObject{{u"kid"_s, u"hs1"_s}, {u"alg"_s, u"HS256"_s}, {u"secret"_s, QString::fromLatin1(kHsSecret)}},
            QJsonObject{{u"kid"_s, u"rs1"_s}, {u"alg"_s, u"RS256"_s}, {u"public_key_file"_s, u"rs.pub.pem"_s}},
        }}}).toJson());
        keys.close();

        m_args = QStringList{u"--data-dir"_s, m_dir.filePath(u"data"_s)};
        if (GetParam() == "postgres") {
            m_pg = PgTestDatabase::create();
            TENANTRY_REQUIRE_PG(m_pg);
            m_args << u"--database"_s << m_pg->url();
        }
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"TENANTRY_ADMIN_TOKEN"_s, QString::fromLatin1(kAdminToken));
        m_env.insert(u"TENANTRY_BASE_DOMAIN"_s, QString::fromLatin1(kBaseDomain));
        startServer();
    }

    void startServer(const QStringList &extra = {})
    {
        QString error;
        m_server = ServerProcess::start(m_args + QStringList{
                                            u"--identify"_s, u"subdomain,path,header,jwt"_s,
                                            u"--jwt-keys"_s, m_dir.filePath(u"jwt-keys.json"_s),
                                            u"--jwt-issuer"_s, u"https://issuer.test"_s,
                                            u"--jwt-audience"_s, u"tenantry"_s,
                                            u"--max-body-bytes"_s, u"65536"_s,
                                            u"--max-header-bytes"_s, u"8192"_s} + extra,
                                        m_env, &error);
        ASSERT_TRUE(m_server) << error.toStdString();
    }

    RawResponse admin(const QByteArray &method, const QByteArray &path, const QJsonObject &body = {})
    {
        return sendRequest(m_server->port(), method, path, {{"Authorization", "Bearer " + kAdminToken}},
                           body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    }

    QString createTenant(const QString &slug)
    {
        const RawResponse r = admin("POST", "/admin/v1/tenants", {{u"slug"_s, slug}, {u"display_name"_s, slug.toUpper()}});
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.json().value(u"api_key"_s).toString();
    }

    RawResponse me(const RawHeaders &headers, const QByteArray &path = "/api/v1/me")
    {
        return sendRequest(m_server->port(), "GET", path, headers);
    }

    QByteArray jwt(const QJsonObject &claims, const QString &kid = u"hs1"_s)
    {
        QJsonObject payload{{u"iss"_s, u"https://issuer.test"_s}, {u"aud"_s, u"tenantry"_s}, {u"sub"_s, u"user-7"_s},
                            {u"exp"_s, QDateTime::currentSecsSinceEpoch() + 600}};
        for (auto it = claims.begin(); it != claims.end(); ++it)
            payload.insert(it.key(), it.value());
        if (kid == "rs1"_L1)
            return mintRs256(rsaKeys().privatePem, {{u"kid"_s, kid}}, payload);
        return mintHs256(kHsSecret, {{u"kid"_s, kid}}, payload);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<PgTestDatabase> m_pg;
    QStringList m_args;
    QProcessEnvironment m_env;
    std::unique_ptr<ServerProcess> m_server;
};

#define EXPECT_PROBLEM(response, wantStatus, wantCode)                                                \
    do {                                                                                               \
        const RawResponse &r_ = (response);                                                            \
        EXPECT_EQ(r_.status, wantStatus) << r_.body.toStdString();                                     \
        EXPECT_EQ(r_.header("Content-Type"), QByteArray("application/problem+json"));                 \
        EXPECT_EQ(r_.problemCode().toStdString(), wantCode) << r_.body.toStdString();                 \
        EXPECT_EQ(r_.json().value(u"status"_s).toInt(), wantStatus);                                   \
    } while (0)

TEST_P(ServeTest, HealthProbesNeedNoTenant)
{
    EXPECT_EQ(sendRequest(m_server->port(), "GET", "/healthz").status, 200);
    const RawResponse ready = sendRequest(m_server->port(), "GET", "/readyz");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(ready.json().value(u"status"_s).toString(), u"ready"_s);
    EXPECT_FALSE(ready.header("X-Request-Id").isEmpty());
}

TEST_P(ServeTest, AdminApiNeedsTheAdminToken)
{
    EXPECT_PROBLEM(sendRequest(m_server->port(), "GET", "/admin/v1/tenants"), 401, "admin-authentication-required");
    EXPECT_PROBLEM(sendRequest(m_server->port(), "GET", "/admin/v1/tenants", {{"Authorization", "Bearer wrong-token-wrong-token"}}),
                   401, "admin-authentication-required");
    const QString key = createTenant(u"acme"_s);
    // A tenant's API key is no admin token.
    EXPECT_PROBLEM(sendRequest(m_server->port(), "GET", "/admin/v1/tenants", {{"Authorization", "Bearer " + key.toLatin1()}}),
                   401, "admin-authentication-required");
    const RawResponse list = admin("GET", "/admin/v1/tenants");
    EXPECT_EQ(list.status, 200);
    EXPECT_EQ(list.json().value(u"total"_s).toInt(), 1);
}

TEST_P(ServeTest, AdminLifecycleAndValidation)
{
    const RawResponse created = admin("POST", "/admin/v1/tenants", {{u"slug"_s, u"Acme"_s}, {u"plan"_s, u"pro"_s},
                                                                    {u"locale"_s, u"zh_CN"_s}});
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    EXPECT_EQ(created.json().value(u"slug"_s).toString(), u"acme"_s);
    EXPECT_EQ(created.header("Location"), QByteArray("/admin/v1/tenants/acme"));
    EXPECT_TRUE(created.json().value(u"api_key"_s).toString().startsWith(u"tnt_"_s));

    EXPECT_PROBLEM(admin("POST", "/admin/v1/tenants", {{u"slug"_s, u"ACME"_s}}), 409, "slug-taken");
    EXPECT_PROBLEM(admin("POST", "/admin/v1/tenants", {{u"slug"_s, u"www"_s}}), 400, "reserved-slug");
    EXPECT_PROBLEM(admin("POST", "/admin/v1/tenants", {{u"slug"_s, u"bad_slug"_s}}), 400, "invalid-slug");
    const RawResponse unknown = admin("POST", "/admin/v1/tenants", {{u"slug"_s, u"x1"_s}, {u"colour"_s, u"red"_s}});
    EXPECT_PROBLEM(unknown, 400, "invalid-request");
    EXPECT_EQ(unknown.json().value(u"errors"_s).toArray().first().toObject().value(u"field"_s).toString(), u"/colour"_s);
    const RawResponse malformed = sendRequest(m_server->port(), "POST", "/admin/v1/tenants",
                                              {{"Authorization", "Bearer " + kAdminToken}}, "{\"slug\": \"x1\",}");
    EXPECT_PROBLEM(malformed, 400, "malformed-json");
    EXPECT_TRUE(malformed.json().value(u"detail"_s).toString().contains(u"offset"_s));

    const RawResponse patched = admin("PATCH", "/admin/v1/tenants/acme", {{u"display_name"_s, u"Acme Corp"_s},
                                                                          {u"time_zone"_s, u"Asia/Shanghai"_s}});
    EXPECT_EQ(patched.status, 200) << patched.body.toStdString();
    EXPECT_EQ(patched.json().value(u"time_zone"_s).toString(), u"Asia/Shanghai"_s);
    EXPECT_PROBLEM(admin("PATCH", "/admin/v1/tenants/acme", {{u"theme_color"_s, u"red"_s}}), 400, "invalid-config");

    EXPECT_EQ(admin("POST", "/admin/v1/tenants/acme/suspend").json().value(u"status"_s).toString(), u"suspended"_s);
    EXPECT_PROBLEM(admin("POST", "/admin/v1/tenants/acme/suspend"), 409, "illegal-transition");
    EXPECT_EQ(admin("POST", "/admin/v1/tenants/acme/activate").json().value(u"status"_s).toString(), u"active"_s);

    const RawResponse clone = admin("POST", "/admin/v1/tenants/acme/clone", {{u"slug"_s, u"acme-eu"_s}});
    ASSERT_EQ(clone.status, 201) << clone.body.toStdString();
    EXPECT_EQ(clone.json().value(u"plan"_s).toString(), u"pro"_s);
    EXPECT_EQ(clone.json().value(u"time_zone"_s).toString(), u"Asia/Shanghai"_s);

    EXPECT_EQ(admin("DELETE", "/admin/v1/tenants/acme-eu").json().value(u"status"_s).toString(), u"deleted"_s);
    EXPECT_PROBLEM(admin("POST", "/admin/v1/tenants/acme-eu/purge"), 409, "retention-not-elapsed");
    EXPECT_EQ(admin("POST", "/admin/v1/tenants/acme-eu/purge", {{u"force"_s, true}}).status, 200);
    EXPECT_PROBLEM(admin("GET", "/admin/v1/tenants/acme-eu"), 404, "tenant-not-found");

    EXPECT_PROBLEM(admin("GET", "/admin/v1/nothing"), 404, "route-not-found");
    const RawResponse wrongMethod = admin("PUT", "/admin/v1/tenants/acme/suspend");
    EXPECT_EQ(wrongMethod.status, 405);
    EXPECT_EQ(wrongMethod.header("Allow"), QByteArray("POST"));
}

TEST_P(ServeTest, AdminListPagesAndSearches)
{
    for (int i = 0; i < 7; ++i)
        createTenant(u"shop-%1"_s.arg(i));
    createTenant(u"bakery"_s);
    RawResponse page = admin("GET", "/admin/v1/tenants?limit=3&q=shop");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.json().value(u"total"_s).toInt(), 7);
    EXPECT_EQ(page.json().value(u"items"_s).toArray().size(), 3);
    const QString cursor = page.json().value(u"next_cursor"_s).toString();
    page = admin("GET", "/admin/v1/tenants?limit=3&q=shop&cursor=" + cursor.toLatin1());
    EXPECT_EQ(page.json().value(u"items"_s).toArray().first().toObject().value(u"slug"_s).toString(), u"shop-3"_s);
    EXPECT_PROBLEM(admin("GET", "/admin/v1/tenants?limit=0"), 400, "invalid-query");
    EXPECT_PROBLEM(admin("GET", "/admin/v1/tenants?status=sleeping"), 400, "invalid-query");
}

TEST_P(ServeTest, EveryIdentificationStrategyFindsTheTenant)
{
    const QByteArray key = createTenant(u"acme"_s).toLatin1();
    const RawResponse byHeader = me({{"X-Tenant-ID", "acme"}, {"X-API-Key", key}});
    ASSERT_EQ(byHeader.status, 200) << byHeader.body.toStdString();
    EXPECT_EQ(byHeader.json().value(u"slug"_s).toString(), u"acme"_s);
    EXPECT_EQ(byHeader.json().value(u"identified_by"_s).toString(), u"header"_s);
    EXPECT_FALSE(byHeader.json().contains(u"id"_s)); // internal ids stay internal

    const RawResponse bySubdomain = me({{"Host", "acme." + kBaseDomain + ":443"}, {"X-API-Key", key}});
    EXPECT_EQ(bySubdomain.status, 200) << bySubdomain.body.toStdString();
    EXPECT_EQ(bySubdomain.json().value(u"identified_by"_s).toString(), u"subdomain"_s);

    const RawResponse byPath = me({{"X-API-Key", key}}, "/t/acme/api/v1/me");
    EXPECT_EQ(byPath.status, 200) << byPath.body.toStdString();
    EXPECT_EQ(byPath.json().value(u"identified_by"_s).toString(), u"path"_s);

    const RawResponse byHs = me({{"Authorization", "Bearer " + jwt({{u"tenant"_s, u"acme"_s}})}});
    EXPECT_EQ(byHs.status, 200) << byHs.body.toStdString();
    EXPECT_EQ(byHs.json().value(u"identified_by"_s).toString(), u"jwt"_s);
    EXPECT_EQ(byHs.json().value(u"principal"_s).toString(), u"jwt:user-7"_s);

    const RawResponse byRs = me({{"Authorization", "Bearer " + jwt({{u"tenant"_s, u"acme"_s}}, u"rs1"_s)}});
    EXPECT_EQ(byRs.status, 200) << byRs.body.toStdString();

    const RawResponse all = me({{"Host", "acme." + kBaseDomain}, {"X-Tenant-ID", "ACME"},
                                {"Authorization", "Bearer " + jwt({{u"tenant"_s, u"acme"_s}})}}, "/t/acme/api/v1/me");
    EXPECT_EQ(all.status, 200) << all.body.toStdString();
    EXPECT_EQ(all.json().value(u"identified_by"_s).toString(), u"subdomain+path+header+jwt"_s);
}

TEST_P(ServeTest, IdentificationErrorsHaveStableTypes)
{
    const QByteArray acmeKey = createTenant(u"acme"_s).toLatin1();
    const QByteArray globexKey = createTenant(u"globex"_s).toLatin1();
    EXPECT_PROBLEM(me({{"X-API-Key", acmeKey}}), 400, "tenant-required");
    EXPECT_PROBLEM(me({{"Host", "acme." + kBaseDomain}, {"X-Tenant-ID", "globex"}, {"X-API-Key", acmeKey}}), 400,
                   "tenant-ambiguous");
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "globex"}, {"X-API-Key", acmeKey}}, "/t/acme/api/v1/me"), 400, "tenant-ambiguous");
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "globex"}, {"Authorization", "Bearer " + jwt({{u"tenant"_s, u"acme"_s}})}}), 400,
                   "tenant-ambiguous");
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "nobody"}, {"X-API-Key", acmeKey}}), 404, "tenant-not-found");

    ASSERT_EQ(admin("POST", "/admin/v1/tenants/globex/suspend").status, 200);
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "globex"}, {"X-API-Key", globexKey}}), 403, "tenant-suspended");
    ASSERT_EQ(admin("POST", "/admin/v1/tenants/globex/delete").status, 200);
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "globex"}, {"X-API-Key", globexKey}}), 410, "tenant-deleted");
    ASSERT_EQ(admin("POST", "/admin/v1/tenants/globex/restore").status, 200);
    ASSERT_EQ(admin("POST", "/admin/v1/tenants/globex/activate").status, 200);
    EXPECT_EQ(me({{"X-Tenant-ID", "globex"}, {"X-API-Key", globexKey}}).status, 200);
}

TEST_P(ServeTest, HostileSignalsAreRefused)
{
    const QByteArray key = createTenant(u"acme"_s).toLatin1();
    createTenant(u"globex"_s);
    EXPECT_PROBLEM(me({{"X-API-Key", key}}, "/t/../admin/v1/tenants"), 400, "invalid-path");
    EXPECT_PROBLEM(me({{"X-API-Key", key}}, "/t/%2e%2e/api/v1/me"), 400, "invalid-path");
    EXPECT_PROBLEM(me({{"X-API-Key", key}}, "/t/ACME%2Fglobex/api/v1/me"), 400, "invalid-tenant-identifier");
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "acme"}, {"X-Tenant-ID", "acme"}, {"X-API-Key", key}}), 400,
                   "invalid-tenant-identifier");
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "acme,globex"}, {"X-API-Key", key}}), 400, "invalid-tenant-identifier");
    EXPECT_PROBLEM(me({{"Host", "globex.acme." + kBaseDomain}, {"X-API-Key", key}}), 400, "invalid-tenant-identifier");
    // A host outside the base domain names nobody; the header still decides.
    EXPECT_EQ(me({{"Host", "acme.evil.test"}, {"X-Tenant-ID", "acme"}, {"X-API-Key", key}}).status, 200);
}

TEST_P(ServeTest, CredentialsOfOneTenantNeverOpenAnother)
{
    const QByteArray acmeKey = createTenant(u"acme"_s).toLatin1();
    createTenant(u"globex"_s);
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "globex"}}), 401, "authentication-required");
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "globex"}, {"X-API-Key", acmeKey}}), 401, "invalid-api-key");
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "globex"}, {"X-API-Key", "tnt_notakey"}}), 401, "invalid-api-key");
    // A valid JWT for acme cannot be combined with another tenant's path.
    EXPECT_PROBLEM(me({{"Authorization", "Bearer " + jwt({{u"tenant"_s, u"acme"_s}})}}, "/t/globex/api/v1/me"), 400,
                   "tenant-ambiguous");

    // Revoked keys stop working at once.
    const RawResponse issued = admin("POST", "/admin/v1/tenants/acme/api-keys", {{u"name"_s, u"ci"_s}});
    ASSERT_EQ(issued.status, 201);
    const QByteArray second = issued.json().value(u"api_key"_s).toString().toLatin1();
    EXPECT_EQ(me({{"X-Tenant-ID", "acme"}, {"X-API-Key", second}}).status, 200);
    const RawResponse listed = admin("GET", "/admin/v1/tenants/acme/api-keys");
    EXPECT_FALSE(listed.body.contains(second));
    EXPECT_FALSE(listed.body.contains(acmeKey));
    EXPECT_EQ(listed.json().value(u"items"_s).toArray().size(), 2);
    const QByteArray id = issued.json().value(u"id"_s).toString().toLatin1();
    EXPECT_PROBLEM(admin("DELETE", "/admin/v1/tenants/globex/api-keys/" + id), 404, "api-key-not-found");
    EXPECT_EQ(admin("DELETE", "/admin/v1/tenants/acme/api-keys/" + id).status, 204);
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "acme"}, {"X-API-Key", second}}), 401, "invalid-api-key");
}

TEST_P(ServeTest, ForgedAndStaleTokensAreRejected)
{
    createTenant(u"acme"_s);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject valid{{u"tenant"_s, u"acme"_s}};
    const QByteArray none = assemble(R"({"alg":"none","kid":"hs1"})",
                                     QJsonDocument(QJsonObject{{u"tenant"_s, u"acme"_s}, {u"exp"_s, now + 600}}).toJson(QJsonDocument::Compact), {});
    const QByteArray expired = jwt({{u"tenant"_s, u"acme"_s}, {u"exp"_s, now - 3600}});
    const QByteArray wrongAudience = jwt({{u"tenant"_s, u"acme"_s}, {u"aud"_s, u"someone-else"_s}});
    const QByteArray wrongIssuer = jwt({{u"tenant"_s, u"acme"_s}, {u"iss"_s, u"https://evil.test"_s}});
    const QByteArray notYet = jwt({{u"tenant"_s, u"acme"_s}, {u"nbf"_s, now + 3600}});
    const QByteArray unknownKid = jwt(valid, u"nope"_s);
    // HS/RS confusion: an HS256 token "signed" with the RS256 public key under the RS kid.
    const QByteArray confused = mintHs256(rsaKeys().publicPem, {{u"kid"_s, u"rs1"_s}, {u"alg"_s, u"HS256"_s}},
                                          {{u"tenant"_s, u"acme"_s}, {u"exp"_s, now + 600}, {u"iss"_s, u"https://issuer.test"_s},
                                           {u"aud"_s, u"tenantry"_s}});
    const QByteArray forged = mintHs256(QByteArray(40, 'z'), {{u"kid"_s, u"hs1"_s}},
                                        {{u"tenant"_s, u"acme"_s}, {u"exp"_s, now + 600}});
    for (const QByteArray &token : {none, expired, wrongAudience, wrongIssuer, notYet, unknownKid, confused, forged})
        EXPECT_PROBLEM(me({{"Authorization", "Bearer " + token}}), 401, "invalid-token");
}

TEST_P(ServeTest, OversizedRequestsAreRefusedBeforeBuffering)
{
    createTenant(u"acme"_s);
    // Body over --max-body-bytes (64 KiB), announced by Content-Length.
    const QByteArray big(70 * 1024, 'x');
    const RawResponse tooBig = sendRequest(m_server->port(), "POST", "/admin/v1/tenants",
                                           {{"Authorization", "Bearer " + kAdminToken}}, big);
    EXPECT_EQ(tooBig.status, 413) << tooBig.body.toStdString();
    EXPECT_EQ(tooBig.problemCode(), u"payload-too-large"_s);
    // Headers over --max-header-bytes (8 KiB).
    const RawResponse tooLong = me({{"X-Tenant-ID", "acme"}, {"X-Padding", QByteArray(10 * 1024, 'p')}});
    EXPECT_EQ(tooLong.status, 431);
    EXPECT_EQ(tooLong.problemCode(), u"request-header-fields-too-large"_s);
    // The server still serves normal requests afterwards.
    EXPECT_EQ(sendRequest(m_server->port(), "GET", "/healthz").status, 200);
}

TEST_P(ServeTest, AHugeUploadDoesNotGrowTheServer)
{
    const qint64 before = m_server->memoryKiB("VmRSS");
    ASSERT_GT(before, 0);
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, m_server->port());
    ASSERT_TRUE(socket.waitForConnected(5000));
    const qint64 total = 200LL * 1024 * 1024;
    socket.write("POST /admin/v1/tenants HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + kAdminToken
                 + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(total) + "\r\n\r\n");
    const QByteArray chunk(64 * 1024, 'a');
    qint64 sent = 0;
    QByteArray reply;
    while (sent < total && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.write(chunk) < 0)
            break;
        sent += chunk.size();
        socket.waitForBytesWritten(1000);
        if (socket.bytesAvailable() || socket.waitForReadyRead(0))
            reply += socket.readAll();
    }
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(2000))
        reply += socket.readAll();
    reply += socket.readAll();
    EXPECT_TRUE(reply.startsWith("HTTP/1.1 413")) << reply.left(200).toStdString();
    const qint64 peak = m_server->memoryKiB("VmHWM");
    std::printf("[ memory ] server RSS before %lld KiB, peak %lld KiB, client sent %lld MiB before the server closed\n",
                before, peak, sent / (1024 * 1024));
    EXPECT_LT(peak - before, 16 * 1024) << "the server grew by more than 16 MiB";
    EXPECT_EQ(sendRequest(m_server->port(), "GET", "/healthz").status, 200);
}

TEST_P(ServeTest, CliChangesReachTheRunningServer)
{
    const QByteArray key = createTenant(u"acme"_s).toLatin1();
    QStringList args = QStringList{u"tenants"_s, u"suspend"_s, u"acme"_s} + m_args;
    const CliResult suspended = runCli(args);
    ASSERT_EQ(suspended.exitCode, 0) << suspended.err.toStdString();
    EXPECT_TRUE(suspended.out.contains("suspended"));
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    while (timer.elapsed() < 10000) {
        status = me({{"X-Tenant-ID", "acme"}, {"X-API-Key", key}}).status;
        if (status == 403)
            break;
        QThread::msleep(200); // waiting for another process, not for a time window
    }
    EXPECT_EQ(status, 403);

    const CliResult created = runCli(QStringList{u"tenants"_s, u"create"_s, u"initech"_s, u"--json"_s} + m_args);
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    const QString cliKey = QJsonDocument::fromJson(created.out).object().value(u"api_key"_s).toString();
    ASSERT_FALSE(cliKey.isEmpty());
    const CliResult bad = runCli(QStringList{u"tenants"_s, u"create"_s, u"bad_slug"_s} + m_args);
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains("invalid-slug")) << bad.err.toStdString();
    const CliResult list = runCli(QStringList{u"tenants"_s, u"list"_s} + m_args);
    EXPECT_TRUE(list.out.contains("initech"));
    EXPECT_EQ(runCli(QStringList{u"tenants"_s, u"frobnicate"_s}).exitCode, 2);
}

TEST_P(ServeTest, ShutsDownGracefullyAndKeepsSecretsOutOfTheLog)
{
    const QString key = createTenant(u"acme"_s);
    me({{"X-Tenant-ID", "acme"}, {"X-API-Key", key.toLatin1()}, {"Authorization", "Bearer " + jwt({{u"tenant"_s, u"acme"_s}})}});
    EXPECT_EQ(m_server->stop(), 0);
    const QString log = m_server->output();
    EXPECT_TRUE(log.contains(u"stopped"_s)) << log.toStdString();
    EXPECT_FALSE(log.contains(QString::fromLatin1(kAdminToken)));
    EXPECT_FALSE(log.contains(key));
    EXPECT_FALSE(log.contains(QString::fromLatin1(kHsSecret)));
    if (m_pg) {
        EXPECT_FALSE(log.contains(u"tenantry:tenantry@"_s));
    }
}

QJsonArray auditItems(const RawResponse &r)
{
    return r.json().value(u"items"_s).toArray();
}

TEST_P(ServeTest, AdminChangesAreAuditedWithRequestAndSource)
{
    const RawResponse created = admin("POST", "/admin/v1/tenants", {{u"slug"_s, u"acme"_s}});
    ASSERT_EQ(created.status, 201);
    const RawResponse suspended = admin("POST", "/admin/v1/tenants/acme/suspend");
    ASSERT_EQ(suspended.status, 200);
    const RawResponse trail = admin("GET", "/admin/v1/audit?tenant=acme");
    ASSERT_EQ(trail.status, 200) << trail.body.toStdString();
    const QJsonArray items = auditItems(trail);
    ASSERT_EQ(items.size(), 2);
    const QJsonObject suspend = items.at(1).toObject();
    EXPECT_EQ(suspend.value(u"action"_s).toString(), u"tenant.suspend"_s);
    EXPECT_EQ(suspend.value(u"actor"_s).toString(), u"admin"_s);
    EXPECT_EQ(suspend.value(u"source"_s).toString(), u"127.0.0.1"_s);
    EXPECT_EQ(suspend.value(u"request_id"_s).toString().toLatin1(), suspended.header("X-Request-Id"));
    EXPECT_EQ(suspend.value(u"before"_s).toObject().value(u"status"_s).toString(), u"active"_s);
    EXPECT_EQ(suspend.value(u"after"_s).toObject().value(u"status"_s).toString(), u"suspended"_s);
    EXPECT_FALSE(trail.body.contains(created.json().value(u"api_key"_s).toString().toLatin1()));

    const RawResponse verified = admin("GET", "/admin/v1/audit/verify");
    EXPECT_EQ(verified.status, 200);
    EXPECT_TRUE(verified.json().value(u"intact"_s).toBool()) << verified.body.toStdString();
    EXPECT_EQ(verified.json().value(u"checked"_s).toInt(), 2);

    const RawResponse csv = admin("GET", "/admin/v1/audit/export?format=csv&tenant=acme");
    EXPECT_EQ(csv.status, 200);
    EXPECT_TRUE(csv.header("Content-Type").startsWith("text/csv"));
    EXPECT_EQ(csv.body.count('\n'), 3) << csv.body.toStdString(); // header + 2 entries
    EXPECT_PROBLEM(admin("GET", "/admin/v1/audit/export?format=xml"), 400, "invalid-query");
    EXPECT_PROBLEM(admin("GET", "/admin/v1/audit?from=yesterday"), 400, "invalid-query");
    EXPECT_PROBLEM(admin("GET", "/admin/v1/audit?tenant=nobody"), 404, "tenant-not-found");
}

TEST_P(ServeTest, AuditPagesAndExportsNewestFirst)
{
    createTenant(u"acme"_s);
    ASSERT_EQ(admin("POST", "/admin/v1/tenants/acme/suspend").status, 200);
    ASSERT_EQ(admin("POST", "/admin/v1/tenants/acme/activate").status, 200);
    const auto seqsOf = [](const QJsonArray &items) {
        QList<qint64> out;
        for (const QJsonValue &item : items)
            out.append(item.toObject().value(u"seq"_s).toInteger());
        return out;
    };
    EXPECT_EQ(seqsOf(auditItems(admin("GET", "/admin/v1/audit?order=oldest"))), (QList<qint64>{1, 2, 3}));
    const RawResponse newest = admin("GET", "/admin/v1/audit?order=newest&limit=2");
    ASSERT_EQ(newest.status, 200) << newest.body.toStdString();
    EXPECT_EQ(seqsOf(auditItems(newest)), (QList<qint64>{3, 2}));
    EXPECT_EQ(newest.json().value(u"next_cursor"_s).toString(), u"2"_s);
    // The cursor continues to older entries.
    const RawResponse older = admin("GET", "/admin/v1/audit?order=newest&limit=2&cursor=2");
    EXPECT_EQ(seqsOf(auditItems(older)), QList<qint64>{1});
    EXPECT_TRUE(older.json().value(u"next_cursor"_s).isNull());

    const RawResponse exported = admin("GET", "/admin/v1/audit/export?format=jsonl&order=newest&limit=2");
    ASSERT_EQ(exported.status, 200) << exported.body.toStdString();
    EXPECT_EQ(exported.header("X-Next-Cursor"), QByteArray("2"));
    QList<qint64> exportedSeqs;
    for (const QByteArray &line : exported.body.trimmed().split('\n'))
        exportedSeqs.append(QJsonDocument::fromJson(line).object().value(u"seq"_s).toInteger());
    EXPECT_EQ(exportedSeqs, (QList<qint64>{3, 2}));
    EXPECT_PROBLEM(admin("GET", "/admin/v1/audit?order=sideways"), 400, "invalid-query");
}

TEST_P(ServeTest, FailedAuthenticationsReachTheTrail)
{
    createTenant(u"acme"_s);
    const RawResponse refused = me({{"X-Tenant-ID", "acme"}, {"X-API-Key", "tnt_wrong"}});
    ASSERT_EQ(refused.status, 401);
    EXPECT_EQ(sendRequest(m_server->port(), "GET", "/admin/v1/tenants", {{"Authorization", "Bearer not-the-token"}}).status, 401);
    // Written in batches off the request path: wait for the next flush.
    QElapsedTimer timer;
    timer.start();
    QJsonArray failures;
    while (timer.elapsed() < 10000 && failures.size() < 2) {
        failures = auditItems(admin("GET", "/admin/v1/audit?action=auth.failure"));
        QThread::msleep(200);
    }
    ASSERT_EQ(failures.size(), 2);
    const QJsonObject tenantFailure = failures.at(0).toObject();
    EXPECT_EQ(tenantFailure.value(u"actor"_s).toString(), u"unauthenticated"_s);
    EXPECT_EQ(tenantFailure.value(u"after"_s).toObject().value(u"reason"_s).toString(), u"invalid-api-key"_s);
    EXPECT_EQ(tenantFailure.value(u"request_id"_s).toString().toLatin1(), refused.header("X-Request-Id"));
    EXPECT_FALSE(tenantFailure.value(u"tenant_id"_s).toString().isEmpty());
    EXPECT_TRUE(failures.at(1).toObject().value(u"tenant_id"_s).isNull());
}

TEST_P(ServeTest, ATenantReadsItsOwnTrailAndNothingElse)
{
    const QByteArray acmeKey = createTenant(u"acme"_s).toLatin1();
    createTenant(u"globex"_s);
    ASSERT_EQ(admin("POST", "/admin/v1/tenants/globex/suspend").status, 200);
    ASSERT_EQ(admin("POST", "/admin/v1/tenants/globex/activate").status, 200);
    const QString globexId = admin("GET", "/admin/v1/tenants/globex").json().value(u"id"_s).toString();
    const QString acmeId = admin("GET", "/admin/v1/tenants/acme").json().value(u"id"_s).toString();

    for (const QByteArray &query : QList<QByteArray>{QByteArray(""), "?tenant_id=" + globexId.toLatin1(), QByteArray("?tenant=globex"),
                                    QByteArray("?action=tenant.*&limit=1000")}) {
        const RawResponse own = me({{"X-Tenant-ID", "acme"}, {"X-API-Key", acmeKey}}, "/api/v1/audit" + query);
        ASSERT_EQ(own.status, 200) << own.body.toStdString();
        const QJsonArray items = auditItems(own);
        EXPECT_EQ(items.size(), 1) << query.toStdString();
        for (const QJsonValue &item : items)
            EXPECT_EQ(item.toObject().value(u"tenant_id"_s).toString(), acmeId) << query.toStdString();
        EXPECT_FALSE(own.body.contains(globexId.toLatin1()));
    }
    // And the admin trail is not reachable with a tenant key.
    EXPECT_PROBLEM(sendRequest(m_server->port(), "GET", "/admin/v1/audit", {{"X-API-Key", acmeKey}}), 401,
                   "admin-authentication-required");
}

TEST_P(ServeTest, TamperingIsNamedByTheVerifyCommand)
{
    createTenant(u"acme"_s);
    createTenant(u"globex"_s);
    ASSERT_EQ(admin("POST", "/admin/v1/tenants/acme/suspend").status, 200);
    const CliResult intact = runCli(QStringList{u"audit"_s, u"verify"_s} + m_args);
    EXPECT_EQ(intact.exitCode, 0) << intact.err.toStdString();
    EXPECT_TRUE(intact.out.contains("3 entries")) << intact.out.toStdString();

    // Rewrite entry 2 behind Tenantry's back, straight in the database.
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db;
        if (m_pg) {
            const QUrl url(m_pg->url());
            db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_dir.filePath(u"data/catalog.db"_s));
        }
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);

    const CliResult broken = runCli(QStringList{u"audit"_s, u"verify"_s} + m_args);
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_TRUE(broken.err.contains("entry 2 (altered)")) << broken.err.toStdString();
    const RawResponse report = admin("GET", "/admin/v1/audit/verify");
    EXPECT_FALSE(report.json().value(u"intact"_s).toBool());
    EXPECT_EQ(report.json().value(u"first_bad_seq"_s).toInt(), 2);
}

TEST_P(ServeTest, MetricsCountEachTenantAndStayPrivate)
{
    const QByteArray acmeKey = createTenant(u"acme"_s).toLatin1();
    const QByteArray globexKey = createTenant(u"globex"_s).toLatin1();
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(me({{"X-Tenant-ID", "acme"}, {"X-API-Key", acmeKey}}).status, 200);
    ASSERT_EQ(me({{"X-Tenant-ID", "acme"}, {"X-API-Key", globexKey}}).status, 401);
    ASSERT_EQ(me({{"X-Tenant-ID", "globex"}, {"X-API-Key", globexKey}}).status, 200);

    EXPECT_PROBLEM(sendRequest(m_server->port(), "GET", "/metrics"), 401, "admin-authentication-required");
    EXPECT_PROBLEM(sendRequest(m_server->port(), "GET", "/metrics", {{"X-API-Key", acmeKey}}), 401,
                   "admin-authentication-required");
    const RawResponse prometheus = admin("GET", "/metrics");
    ASSERT_EQ(prometheus.status, 200);
    EXPECT_TRUE(prometheus.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    EXPECT_TRUE(prometheus.body.contains("tenantry_tenant_requests_total{tenant=\"acme\"} 4\n")) << prometheus.body.toStdString();
    EXPECT_TRUE(prometheus.body.contains("tenantry_tenant_client_errors_total{tenant=\"acme\"} 1\n"));
    EXPECT_TRUE(prometheus.body.contains("tenantry_tenant_requests_total{tenant=\"globex\"} 1\n"));

    // A tenant sees its own numbers, whatever it asks for.
    const RawResponse own = me({{"X-Tenant-ID", "globex"}, {"X-API-Key", globexKey}}, "/api/v1/metrics?tenant=acme");
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(own.json().value(u"requests"_s).toInt(), 1);
    const RawResponse one = admin("GET", "/admin/v1/tenants/acme/metrics");
    EXPECT_EQ(one.json().value(u"requests"_s).toInt(), 4);
    EXPECT_EQ(one.json().value(u"client_errors"_s).toInt(), 1);
    EXPECT_GT(one.json().value(u"latency_ms"_s).toObject().value(u"p99"_s).toDouble(), 0.0);
    const RawResponse busiest = admin("GET", "/admin/v1/metrics?top=1");
    EXPECT_EQ(busiest.json().value(u"busiest"_s).toArray().first().toObject().value(u"slug"_s).toString(), u"acme"_s);
    EXPECT_PROBLEM(admin("GET", "/admin/v1/metrics?top=-1"), 400, "invalid-query");

    // The latency histograms, for clients that diff two answers: one count per bucket (the
    // last open-ended), adding up to the requests, and the buckets' bounds once per answer.
    const auto bucketsTotal = [](const QJsonObject &o, qsizetype expectedSize) {
        const QJsonArray counts = o.value(u"latency_buckets"_s).toArray();
        EXPECT_EQ(counts.size(), expectedSize);
        qint64 sum = 0;
        for (const QJsonValue &n : counts)
            sum += n.toInteger();
        return sum;
    };
    const QJsonArray bounds = busiest.json().value(u"latency_bucket_bounds_us"_s).toArray();
    ASSERT_GE(bounds.size(), 2);
    for (qsizetype i = 1; i < bounds.size(); ++i)
        EXPECT_LT(bounds.at(i - 1).toInteger(), bounds.at(i).toInteger());
    const QJsonObject acmeEntry = busiest.json().value(u"busiest"_s).toArray().first().toObject();
    EXPECT_EQ(bucketsTotal(acmeEntry, bounds.size() + 1), 4);
    const QJsonObject total = busiest.json().value(u"total"_s).toObject();
    EXPECT_EQ(bucketsTotal(total, bounds.size() + 1), total.value(u"requests"_s).toInteger());
    EXPECT_EQ(one.json().value(u"latency_bucket_bounds_us"_s).toArray(), bounds);
    EXPECT_EQ(bucketsTotal(one.json(), bounds.size() + 1), 4);
    // Existing fields stay as they were.
    EXPECT_EQ(acmeEntry.value(u"requests"_s).toInt(), 4);
    EXPECT_TRUE(acmeEntry.value(u"latency_ms"_s).isObject());
}

TEST_P(ServeTest, EachTenantReadsOnlyItsOwnRequestLog)
{
    const QByteArray acmeKey = createTenant(u"acme"_s).toLatin1();
    const QByteArray globexKey = createTenant(u"globex"_s).toLatin1();
    ASSERT_EQ(me({{"X-Tenant-ID", "acme"}, {"X-API-Key", acmeKey}}).status, 200);
    ASSERT_EQ(me({{"X-Tenant-ID", "globex"}, {"X-API-Key", globexKey}}, "/api/v1/me?marker=globex-only").status, 200);
    // Written in batches: wait for the next flush.
    QElapsedTimer timer;
    timer.start();
    QJsonArray lines;
    while (timer.elapsed() < 10000 && lines.isEmpty()) {
        QThread::msleep(200);
        lines = me({{"X-Tenant-ID", "acme"}, {"X-API-Key", acmeKey}}, "/api/v1/logs?kind=request").json().value(u"items"_s).toArray();
    }
    ASSERT_FALSE(lines.isEmpty());
    const QJsonObject first = lines.first().toObject();
    EXPECT_EQ(first.value(u"path"_s).toString(), u"/api/v1/me"_s);
    EXPECT_EQ(first.value(u"status"_s).toInt(), 200);
    EXPECT_EQ(first.value(u"method"_s).toString(), u"GET"_s);
    const RawResponse own = me({{"X-Tenant-ID", "acme"}, {"X-API-Key", acmeKey}}, "/api/v1/logs?limit=1000");
    EXPECT_FALSE(own.body.contains("globex")) << own.body.toStdString();
    EXPECT_FALSE(own.body.contains(acmeKey)); // credentials are never logged
    EXPECT_PROBLEM(me({{"X-Tenant-ID", "acme"}, {"X-API-Key", acmeKey}}, "/api/v1/logs?kind=secrets"), 400, "invalid-query");
    const RawResponse adminView = admin("GET", "/admin/v1/tenants/globex/logs");
    EXPECT_EQ(adminView.status, 200);
    EXPECT_PROBLEM(admin("GET", "/admin/v1/tenants/nobody/logs"), 404, "tenant-not-found");
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto &info) { return info.param; });

TEST(ServeCommand, RunsWithoutADisplayAndExplainsBadOptions)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    const CliResult help = runCli({u"serve"_s, u"--help"_s}, env);
    EXPECT_EQ(help.exitCode, 0);
    for (const char *variable : {"TENANTRY_LISTEN", "TENANTRY_DATA_DIR", "TENANTRY_DATABASE_URL", "TENANTRY_ADMIN_TOKEN",
                                 "TENANTRY_BASE_DOMAIN", "TENANTRY_JWT_KEYS", "TENANTRY_MAX_BODY_BYTES"})
        EXPECT_TRUE(help.out.contains(variable)) << variable;
    const CliResult bad = runCli({u"serve"_s, u"--listen"_s, u"nowhere"_s}, env);
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains("TENANTRY_LISTEN")) << bad.err.toStdString();
}

} // namespace
