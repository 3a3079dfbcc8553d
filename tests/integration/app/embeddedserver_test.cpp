#include "app/embeddedserver.h"
#include "app/runtime.h"
#include "core/observe/requestmetrics.h"
#include "tests/support/rawhttp.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace Tenantry;

namespace {

// The console's embedded server on a fresh embedded catalog, answering real HTTP requests
// on its own thread while this (the "GUI") thread makes them.
class EmbeddedServerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_options.common.dataDir = m_dir.path();
        m_options.port = 0;
        m_options.strategies = {u"path"_s, u"header"_s};
        auto rt = App::Runtime::open(m_options.common);
        ASSERT_TRUE(rt.ok()) << rt.error().message.toStdString();
        m_runtime = std::move(rt).value();
    }

    quint16 portOf(const App::EmbeddedServer &server) { return quint16(QUrl(server.url()).port()); }

    QTemporaryDir m_dir;
    Http::ServeOptions m_options;
    std::unique_ptr<App::Runtime> m_runtime;
};

TEST_F(EmbeddedServerTest, StartsServesCountsAndStops)
{
    App::EmbeddedServer server(*m_runtime, m_options, true);
    QList<bool> changed;
    QObject::connect(&server, &Widgets::ServerControl::runningChanged, [&changed](bool running) { changed.append(running); });
    EXPECT_FALSE(server.isRunning());
    EXPECT_EQ(server.metrics(), nullptr);

    ASSERT_TRUE(server.start().ok());
    ASSERT_TRUE(server.isRunning());
    EXPECT_EQ(changed, QList<bool>{true});
    EXPECT_TRUE(server.url().startsWith(u"http://127.0.0.1:"_s)) << server.url().toStdString();
    const QByteArray token = server.adminToken();
    EXPECT_GE(token.size(), 32) << "a token is generated when none is configured";

    const auto health = Testing::sendRequest(portOf(server), "GET", "/healthz");
    EXPECT_EQ(health.status, 200);
    const auto created = Testing::sendRequest(portOf(server), "POST", "/admin/v1/tenants",
                                              {{"Authorization", "Bearer " + token}}, R"({"slug": "acme"})");
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const QByteArray key = created.json().value(u"api_key"_s).toString().toLatin1();
    const auto me = Testing::sendRequest(portOf(server), "GET", "/api/v1/me",
                                         {{"X-Tenant-ID", "acme"}, {"X-API-Key", key}});
    EXPECT_EQ(me.status, 200);

    // The console's Monitoring page reads the numbers the server records.
    const QString tenantId = created.json().value(u"id"_s).toString();
    ASSERT_NE(server.metrics(), nullptr);
    EXPECT_EQ(server.metrics()->forTenant(tenantId).requests, 1);
    EXPECT_EQ(server.slugOf(tenantId), u"acme"_s);

    const quint16 port = portOf(server);
    server.stop();
    EXPECT_FALSE(server.isRunning());
    EXPECT_EQ(changed, (QList<bool>{true, false}));
    EXPECT_EQ(Testing::sendRequest(port, "GET", "/healthz", {}, {}, 2000).status, 0) << "nothing listens any more";
}

TEST_F(EmbeddedServerTest, RestartsOnAFreshThreadAndStillReachesTheCatalog)
{
    App::EmbeddedServer server(*m_runtime, m_options, true);
    // Each start runs on a new thread; the catalog must not hand it a finished thread's connection.
    for (int round = 0; round < 5; ++round) {
        ASSERT_TRUE(server.start().ok()) << round;
        const auto created = Testing::sendRequest(portOf(server), "POST", "/admin/v1/tenants",
                                                  {{"Authorization", "Bearer " + server.adminToken()}},
                                                  u"{\"slug\": \"tenant-%1\"}"_s.arg(round).toUtf8());
        EXPECT_EQ(created.status, 201) << round << ": " << created.body.toStdString();
        server.stop();
    }
    EXPECT_EQ(m_runtime->tenants().list({}).value().items.size(), 5);
}

TEST_F(EmbeddedServerTest, ATakenPortIsAClearErrorWhenConfiguredAndAvoidedWhenNot)
{
    QTcpServer squatter;
    ASSERT_TRUE(squatter.listen(QHostAddress::LocalHost, 0));
    m_options.port = squatter.serverPort();

    App::EmbeddedServer configured(*m_runtime, m_options, true);
    const Status refused = configured.start();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, u"listen-failed"_s);
    EXPECT_FALSE(configured.isRunning());

    App::EmbeddedServer defaulted(*m_runtime, m_options, false);
    ASSERT_TRUE(defaulted.start().ok());
    EXPECT_NE(portOf(defaulted), squatter.serverPort());
    EXPECT_EQ(Testing::sendRequest(portOf(defaulted), "GET", "/healthz").status, 200);
}

} // namespace
