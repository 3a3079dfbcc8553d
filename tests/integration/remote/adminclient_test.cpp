// The admin client against a real server: answers, the server's own errors carried over
// as Errors, an unreachable server, concurrent callers and a streamed download.
#include "tests/integration/remote/remoteserverfixture.h"

#include <QJsonArray>
#include <QTcpServer>

#include <atomic>
#include <thread>
#include <vector>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class AdminClientTest : public RemoteServerTest
{
};

TEST_F(AdminClientTest, ReadsAndWritesJson)
{
    auto created = client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, u"acme"_s}});
    ASSERT_TRUE(created) << created.error().message.toStdString();
    EXPECT_EQ(created->value(u"slug"_s).toString(), u"acme"_s);

    auto listed = client().getJson(u"/admin/v1/tenants"_s, QUrlQuery(u"q=acm"_s));
    ASSERT_TRUE(listed) << listed.error().message.toStdString();
    EXPECT_EQ(listed->value(u"total"_s).toInt(), 1);
    EXPECT_EQ(listed->value(u"items"_s).toArray().first().toObject().value(u"slug"_s).toString(), u"acme"_s);
}

TEST_F(AdminClientTest, TheServersErrorsComeBackAsErrors)
{
    auto missing = client().getJson(u"/admin/v1/tenants/nobody"_s);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(missing.error().code, u"tenant-not-found"_s);
    EXPECT_FALSE(missing.error().message.isEmpty());

    auto invalid = client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, u"No Spaces!"_s}});
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().kind, ErrorKind::Invalid);
    EXPECT_FALSE(invalid.error().code.isEmpty());

    Remote::AdminClient wrongToken(endpoint("not-the-admin-token-at-all"));
    auto refused = wrongToken.getJson(u"/admin/v1/tenants"_s);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::Unauthenticated);
}

TEST_F(AdminClientTest, AServerThatIsNotThereIsUnavailable)
{
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now

    Remote::AdminClient client({QUrl(u"http://127.0.0.1:%1"_s.arg(port)), kAdminToken});
    auto answer = client.getJson(u"/admin/v1/tenants"_s);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, ErrorKind::Unavailable);
    EXPECT_EQ(answer.error().code, u"server-unreachable"_s);
}

TEST_F(AdminClientTest, ServesCallersOnManyThreadsAtOnce)
{
    std::atomic<int> answered = 0;
    std::vector<std::thread> callers;
    for (int t = 0; t < 4; ++t) {
        callers.emplace_back([&] {
            for (int i = 0; i < 10; ++i) {
                if (client().getJson(u"/admin/v1/tenants"_s))
                    ++answered;
            }
        });
    }
    for (std::thread &caller : callers)
        caller.join();
    EXPECT_EQ(answered.load(), 40);
}

TEST_F(AdminClientTest, StreamsADownloadIntoASink)
{
    for (const QString &slug : {u"one"_s, u"two"_s, u"three"_s})
        ASSERT_TRUE(client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, slug}}));
    QByteArray received;
    auto reply = client().send("GET", u"/admin/v1/audit/export"_s, QUrlQuery(u"format=jsonl"_s), {}, {},
                               [&received](const QByteArray &chunk) {
                                   received.append(chunk);
                                   return true;
                               });
    ASSERT_TRUE(reply) << reply.error().message.toStdString();
    EXPECT_TRUE(reply->body.isEmpty());
    EXPECT_GE(received.count('\n'), 3);
    EXPECT_TRUE(received.contains("\"three\"") || received.contains("three"));

    auto refused = client().send("GET", u"/admin/v1/audit/export"_s, QUrlQuery(u"format=jsonl"_s), {}, {},
                                 [](const QByteArray &) { return false; });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, u"sink-failed"_s);
}

} // namespace
