// The real `tenantry serve` with a short anomaly interval and an alert webhook: a tenant's
// burst of traffic reaches the operator's endpoint as a signed anomaly.detected webhook,
// and a tenant with steady traffic is never named. Also the start-up checks of the options.
#include "core/notify/webhooksignature.h"
#include "tests/support/rawhttp.h"
#include "tests/support/serverprocess.h"
#include "tests/support/webhookreceiver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "webhook-e2e-admin-token-0123456789";
const QByteArray kAlertSecret = "alert-signing-secret-0123456789abcdef";

class AnomalyWebhookTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"TENANTRY_ADMIN_TOKEN"_s, QString::fromLatin1(kAdminToken));
        m_env.remove(u"TENANTRY_ALERT_WEBHOOK_SECRET"_s);
        m_env.remove(u"TENANTRY_ALERT_WEBHOOK_URL"_s);
        m_secretFile = m_dir.filePath(u"alert-secret"_s);
        QFile f(m_secretFile);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(kAlertSecret + '\n');
    }

    QStringList baseArgs() const { return {u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--identify"_s, u"header"_s}; }

    RawResponse admin(const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
    {
        return sendRequest(m_server->port(), method, path, {{"Authorization", "Bearer " + kAdminToken}}, body);
    }

    QByteArray createTenant(const QByteArray &slug)
    {
        const RawResponse r = admin("POST", "/admin/v1/tenants", R"({"slug":")" + slug + R"("})");
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.json().value(u"api_key"_s).toString().toLatin1();
    }

    void hit(const QByteArray &slug, const QByteArray &key)
    {
        const RawResponse r = sendRequest(m_server->port(), "GET", "/api/v1/me", {{"X-Tenant-ID", slug}, {"X-API-Key", key}});
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
    }

    // Keeps the test's event loop (and so the receiver) running until half a second after the
    // last call: the pace of the steady traffic. A late step is not made up for with extra
    // requests, so a busy machine slows the traffic down instead of making it bursty.
    void pace()
    {
        if (!m_pace.isValid())
            m_pace.start();
        while (m_pace.elapsed() < 500) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            QThread::msleep(5);
        }
        m_pace.restart();
    }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_secretFile;
    std::unique_ptr<ServerProcess> m_server;
    QElapsedTimer m_pace;
};

QList<QJsonObject> anomaliesFor(const WebhookReceiver &receiver, const QString &slug)
{
    QList<QJsonObject> found;
    for (const auto &request : receiver.requests()) {
        const QJsonObject body = request.json();
        if (body.value(u"data"_s).toObject().value(u"slug"_s).toString() == slug)
            found.append(body);
    }
    return found;
}

} // namespace

TEST_F(AnomalyWebhookTest, ABurstIsSentSignedToTheAlertEndpointAndASteadyTenantIsNot)
{
    WebhookReceiver receiver;
    QString error;
    m_server = ServerProcess::start(baseArgs() + QStringList{u"--anomaly-interval"_s, u"1"_s, u"--anomaly-warmup"_s, u"3"_s,
                                                             u"--alert-webhook-url"_s, receiver.url(u"/hook"_s),
                                                             u"--alert-webhook-secret-file"_s, m_secretFile},
                                    m_env, &error);
    ASSERT_TRUE(m_server) << error.toStdString();
    const QByteArray acmeKey = createTenant("acme");
    const QByteArray globexKey = createTenant("globex");
    const QString acmeId = admin("GET", "/admin/v1/tenants/acme").json().value(u"id"_s).toString();
    ASSERT_FALSE(acmeId.isEmpty());

    // Steady traffic for both: two requests a second each, long enough for the warm-up
    // (the first sample only records a baseline, then 3 samples).
    for (int tick = 0; tick < 14; ++tick) {
        hit("acme", acmeKey);
        hit("globex", globexKey);
        pace();
    }
    ASSERT_TRUE(receiver.requests().isEmpty()) << receiver.requests().first().body.toStdString();

    // A burst from acme, while globex stays steady.
    for (int i = 0; i < 60; ++i)
        hit("acme", acmeKey);
    QElapsedTimer waited;
    waited.start();
    while (anomaliesFor(receiver, u"acme"_s).isEmpty() && waited.elapsed() < 15000) {
        hit("globex", globexKey);
        pace();
    }
    // A few more steady intervals for globex, to see that it stays quiet.
    for (int i = 0; i < 6; ++i) {
        hit("globex", globexKey);
        pace();
    }
    EXPECT_EQ(m_server->stop(), 0);

    const QList<QJsonObject> acme = anomaliesFor(receiver, u"acme"_s);
    ASSERT_FALSE(acme.isEmpty()) << m_server->output().toStdString();
    EXPECT_TRUE(anomaliesFor(receiver, u"globex"_s).isEmpty());

    const auto &request = receiver.requests().first();
    EXPECT_EQ(request.method, QByteArray("POST"));
    EXPECT_EQ(request.target, QByteArray("/hook"));
    EXPECT_EQ(request.header("Tenantry-Event"), QByteArray("anomaly.detected"));
    EXPECT_TRUE(request.header("User-Agent").startsWith("Tenantry/0.")) << request.header("User-Agent").toStdString();
    const QJsonObject body = request.json();
    EXPECT_EQ(request.header("Tenantry-Delivery"), body.value(u"id"_s).toString().toLatin1());
    EXPECT_TRUE(Notify::WebhookSignature::verify(request.header("Tenantry-Signature"), request.body, kAlertSecret,
                                                 QDateTime::currentDateTimeUtc())
                    .ok())
        << request.header("Tenantry-Signature").toStdString();
    EXPECT_FALSE(Notify::WebhookSignature::verify(request.header("Tenantry-Signature"), request.body,
                                                  "some-other-secret-0123456789", QDateTime::currentDateTimeUtc())
                     .ok());
    EXPECT_EQ(body.value(u"type"_s).toString(), u"anomaly.detected"_s);
    const QJsonObject data = body.value(u"data"_s).toObject();
    EXPECT_EQ(data.value(u"tenant_id"_s).toString(), acmeId);
    EXPECT_EQ(data.value(u"slug"_s).toString(), u"acme"_s);
    EXPECT_EQ(data.value(u"signal"_s).toString(), u"request_rate"_s);
    EXPECT_GE(data.value(u"value"_s).toDouble(), 10.0); // the smallest rise ever flagged
    EXPECT_LT(data.value(u"expected"_s).toDouble(), 10.0);
    EXPECT_GT(data.value(u"score"_s).toDouble(), 6.0);
    EXPECT_EQ(data.value(u"interval_seconds"_s).toInt(), 1);
    EXPECT_TRUE(QDateTime::fromString(data.value(u"detected_at"_s).toString(), Qt::ISODateWithMs).isValid());

    const QString log = m_server->output();
    EXPECT_TRUE(log.contains(u"anomaly alerts go to the webhook at http://127.0.0.1:%1"_s.arg(receiver.port())))
        << log.toStdString();
    EXPECT_FALSE(log.contains(QString::fromLatin1(kAlertSecret)));
}

TEST_F(AnomalyWebhookTest, StartUpRefusesAnAlertUrlWithoutAGoodSecret)
{
    const QStringList url{u"--alert-webhook-url"_s, u"https://alerts.example.com/hook"_s};
    const CliResult missing = runCli(QStringList{u"serve"_s} + baseArgs() + url, m_env);
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains("TENANTRY_ALERT_WEBHOOK_SECRET")) << missing.err.toStdString();

    QProcessEnvironment shortSecret = m_env;
    shortSecret.insert(u"TENANTRY_ALERT_WEBHOOK_SECRET"_s, u"tiny-secret"_s);
    const CliResult tooShort = runCli(QStringList{u"serve"_s} + baseArgs() + url, shortSecret);
    EXPECT_EQ(tooShort.exitCode, 1);
    EXPECT_TRUE(tooShort.err.contains("at least 16 bytes")) << tooShort.err.toStdString();
    EXPECT_FALSE(tooShort.err.contains("tiny-secret"));

    const CliResult badUrl = runCli(QStringList{u"serve"_s} + baseArgs()
                                        + QStringList{u"--alert-webhook-url"_s, u"ftp://alerts.example.com/hook"_s,
                                                      u"--alert-webhook-secret-file"_s, m_secretFile},
                                    m_env);
    EXPECT_EQ(badUrl.exitCode, 1);
    EXPECT_TRUE(badUrl.err.contains("TENANTRY_ALERT_WEBHOOK_URL")) << badUrl.err.toStdString();
    EXPECT_TRUE(badUrl.err.contains("http://")) << badUrl.err.toStdString();

    const CliResult badWarmup = runCli(QStringList{u"serve"_s} + baseArgs() + QStringList{u"--anomaly-warmup"_s, u"0"_s}, m_env);
    EXPECT_EQ(badWarmup.exitCode, 1);
    EXPECT_TRUE(badWarmup.err.contains("TENANTRY_ANOMALY_WARMUP")) << badWarmup.err.toStdString();
}
