// RedisConnection's failure handling against a server that accepts connections and never
// answers (a listening socket nobody reads): timeouts, the back-off, no password in errors.
#include "core/storage/redisconnection.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QThread>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Qt::StringLiterals;

namespace {

class SilentServerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Without an event loop the server never accepts: the kernel completes the TCP
        // handshake from its backlog and what we send is never read or answered.
        ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
        url.host = u"127.0.0.1"_s;
        url.port = silent.serverPort();
        url.password = u"hunter2"_s; // so connecting sends AUTH and waits for a reply
    }

    QTcpServer silent;
    RedisUrl url;
};

} // namespace

TEST_F(SilentServerTest, ANoReplyTimesOutAndLaterCallsFailFastUntilTheBackOffEnds)
{
    RedisConnection connection(url, {200, 100, 500});
    QElapsedTimer timer;
    timer.start();
    const Status first = connection.ensureConnected();
    const qint64 firstMs = timer.elapsed();
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().kind, ErrorKind::Unavailable);
    EXPECT_EQ(first.error().code, u"redis-unavailable"_s);
    const std::string message = first.error().message.toStdString();
    EXPECT_TRUE(first.error().message.contains(url.location())) << message;
    EXPECT_TRUE(first.error().message.contains(u"100 ms"_s)) << message;
    EXPECT_FALSE(first.error().message.contains(u"hunter2"_s));
    EXPECT_GE(firstMs, 90);
    EXPECT_FALSE(connection.isConnected());

    // Within the back-off: no new attempt, the same error at once.
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        const Result<RedisReply> r = connection.command({QByteArrayLiteral("PING")});
        EXPECT_LT(timer.elapsed(), 20) << i;
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().message, first.error().message);
    }

    // After it: one real attempt again, which waits for its timeout.
    QThread::msleep(520);
    timer.restart();
    EXPECT_FALSE(connection.ensureConnected().ok());
    EXPECT_GE(timer.elapsed(), 90);
}

TEST(RedisConnection, ARefusedConnectionNamesHostAndPort)
{
    RedisUrl url;
    url.host = u"127.0.0.1"_s;
    url.port = 1;
    RedisConnection connection(url);
    const Result<RedisReply> r = connection.command({QByteArrayLiteral("PING")});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, u"redis-unavailable"_s);
    EXPECT_TRUE(r.error().message.contains(u"127.0.0.1:1/0"_s)) << r.error().message.toStdString();
}
