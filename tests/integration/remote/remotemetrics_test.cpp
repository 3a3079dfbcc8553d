// The Monitoring page's feed over a real server: interval figures from the admin API's
// running totals, each tenant's figures its own, a server that goes away, and next() never
// waiting for the network.
#include "core/base/clock.h"
#include "core/remote/remotemetrics.h"
#include "tests/integration/remote/remoteserverfixture.h"
#include "tests/support/rawhttp.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;
using Observe::MetricsSample;
using Observe::TenantRate;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds kPollDeadline{30000};

struct TestTenant {
    QString id;
    QByteArray slug;
    QByteArray apiKey;
};

class RemoteMetricsTest : public RemoteServerTest
{
protected:
    TestTenant createTenant(const QString &slug)
    {
        auto created = client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, slug}});
        EXPECT_TRUE(created) << created.error().message.toStdString();
        if (!created)
            return {};
        return {created->value(u"id"_s).toString(), slug.toUtf8(), created->value(u"api_key"_s).toString().toUtf8()};
    }

    // `count` requests of `tenant`'s own; with `withKeyOf` they carry another tenant's key
    // and are refused (401), which counts as the tenant's client errors.
    void serve(const TestTenant &tenant, int count, const TestTenant *withKeyOf = nullptr)
    {
        const int expected = withKeyOf ? 401 : 200;
        for (int i = 0; i < count; ++i) {
            const RawResponse r = sendRequest(server().port(), "GET", "/api/v1/me",
                                              {{"X-Tenant-ID", tenant.slug},
                                               {"X-API-Key", withKeyOf ? withKeyOf->apiKey : tenant.apiKey}});
            ASSERT_EQ(r.status, expected) << r.body.toStdString();
        }
    }

    // The first poll, which only takes the baseline.
    void startFeed(Remote::RemoteMetrics &feed)
    {
        auto first = feed.next();
        ASSERT_TRUE(first);
        EXPECT_FALSE(first.value().has_value());
        ASSERT_TRUE(feed.waitForPoll(kPollDeadline));
    }

    // A second later: what the server did since the previous read(), or since startFeed().
    // A poll's result comes with the next call, so: take the result of the poll that ended
    // the previous read, poll now, take that, and start the next baseline poll.
    std::optional<MetricsSample> read(Remote::RemoteMetrics &feed)
    {
        clock.advanceSeconds(1);
        auto previous = feed.next();
        EXPECT_TRUE(previous) << previous.error().message.toStdString();
        EXPECT_TRUE(feed.waitForPoll(kPollDeadline));
        auto now = feed.next();
        EXPECT_TRUE(feed.waitForPoll(kPollDeadline));
        if (!now) {
            ADD_FAILURE() << now.error().message.toStdString();
            return std::nullopt;
        }
        return now.value();
    }

    static const TenantRate *topEntry(const MetricsSample &s, const QString &tenantId)
    {
        for (const TenantRate &r : s.top) {
            if (r.tenantId == tenantId)
                return &r;
        }
        return nullptr;
    }

    ManualClock clock{QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC)};
};

TEST_F(RemoteMetricsTest, SamplesShowEachIntervalsTrafficPerTenant)
{
    const TestTenant acme = createTenant(u"acme"_s);
    const TestTenant globex = createTenant(u"globex"_s);
    Remote::RemoteMetrics feed(client(), clock);
    feed.setSelectedTenant(acme.id);
    startFeed(feed);

    serve(acme, 6);
    serve(acme, 2, &globex);
    serve(globex, 3);
    const std::optional<MetricsSample> s = read(feed);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->at, clock.now());
    EXPECT_EQ(s->interval, milliseconds(1000));
    // The server's totals count the feed's own admin requests too: at most two a poll.
    EXPECT_GE(s->requests, 11);
    EXPECT_LE(s->requests, 11 + 4);
    EXPECT_DOUBLE_EQ(s->requestsPerSecond, double(s->requests));
    EXPECT_GE(s->clientErrors, 2);
    EXPECT_GT(s->p50.count(), 0);
    EXPECT_GE(s->p99, s->p50);
    EXPECT_EQ(s->tenantsSeen, 2);
    EXPECT_EQ(s->tenantsActive, 2);

    ASSERT_EQ(s->top.size(), 2);
    EXPECT_EQ(s->top[0].tenantId, acme.id);
    EXPECT_EQ(s->top[1].tenantId, globex.id);
    EXPECT_EQ(s->top[0].requests, 8);
    EXPECT_EQ(s->top[0].clientErrors, 2);
    EXPECT_DOUBLE_EQ(s->top[0].requestsPerSecond, 8.0);
    EXPECT_DOUBLE_EQ(s->top[0].errorRate(), 0.25);
    EXPECT_EQ(s->top[0].requestsTotal, 8);
    EXPECT_TRUE(s->top[0].p95.has_value());
    EXPECT_EQ(s->top[1].requests, 3);
    EXPECT_EQ(s->top[1].clientErrors, 0);

    ASSERT_TRUE(s->selected);
    EXPECT_EQ(s->selected->tenantId, acme.id);
    EXPECT_EQ(s->selected->requests, 8);
    EXPECT_EQ(s->selected->clientErrors, 2);
    EXPECT_EQ(feed.slugOf(acme.id), u"acme"_s);
    EXPECT_EQ(feed.tenantIds().size(), 2);

    // A quiet second for the tenants, then one in which only globex works.
    const std::optional<MetricsSample> quiet = read(feed);
    ASSERT_TRUE(quiet);
    EXPECT_TRUE(quiet->top.isEmpty());
    EXPECT_EQ(quiet->tenantsActive, 0);
    ASSERT_TRUE(quiet->selected);
    EXPECT_EQ(quiet->selected->requests, 0);
    EXPECT_EQ(quiet->selected->requestsTotal, 8);
    EXPECT_FALSE(quiet->selected->p95.has_value());

    serve(globex, 5);
    const std::optional<MetricsSample> later = read(feed);
    ASSERT_TRUE(later);
    ASSERT_EQ(later->top.size(), 1);
    EXPECT_EQ(later->top[0].tenantId, globex.id);
    EXPECT_EQ(later->top[0].requests, 5);
    EXPECT_EQ(later->top[0].requestsTotal, 8);
    ASSERT_TRUE(later->selected);
    EXPECT_EQ(later->selected->requests, 0);
}

TEST_F(RemoteMetricsTest, TheSelectedTenantsFiguresAreItsOwnEvenOutsideTheReport)
{
    const TestTenant acme = createTenant(u"acme"_s);
    const TestTenant globex = createTenant(u"globex"_s);
    // A report of one tenant, so acme is soon read through its own route.
    Remote::RemoteMetrics feed(client(), clock, 10, 1);
    serve(acme, 3);
    startFeed(feed); // reports acme, and so its slug
    feed.setSelectedTenant(acme.id);

    serve(globex, 20, &acme); // refused, all of them: globex's client errors
    const std::optional<MetricsSample> first = read(feed);
    ASSERT_TRUE(first);
    ASSERT_TRUE(first->selected);
    EXPECT_EQ(first->selected->tenantId, acme.id);
    EXPECT_EQ(first->selected->requests, 0);
    EXPECT_EQ(first->selected->clientErrors, 0);
    EXPECT_EQ(first->selected->requestsTotal, 3);
    EXPECT_EQ(topEntry(*first, acme.id), nullptr);
    // Globex just entered a full report: nothing says what it had served before.
    EXPECT_EQ(topEntry(*first, globex.id), nullptr);

    serve(acme, 2);
    serve(globex, 4, &acme);
    const std::optional<MetricsSample> second = read(feed);
    ASSERT_TRUE(second);
    ASSERT_TRUE(second->selected);
    EXPECT_EQ(second->selected->requests, 2);
    EXPECT_EQ(second->selected->clientErrors, 0);
    EXPECT_EQ(second->selected->requestsTotal, 5);
    const TenantRate *busiest = topEntry(*second, globex.id);
    ASSERT_NE(busiest, nullptr);
    EXPECT_EQ(busiest->requests, 4);
    EXPECT_EQ(busiest->clientErrors, 4);
    EXPECT_EQ(second->top.first().tenantId, globex.id);
}

TEST_F(RemoteMetricsTest, AServerThatGoesAwayIsAnErrorNotZeros)
{
    const TestTenant acme = createTenant(u"acme"_s);
    Remote::RemoteMetrics feed(client(), clock);
    startFeed(feed);
    serve(acme, 2);
    ASSERT_TRUE(read(feed));

    ASSERT_EQ(server().stop(), 0);
    clock.advanceSeconds(1);
    auto beforeStop = feed.next(); // the poll read() left running, answered before the stop
    ASSERT_TRUE(beforeStop);
    ASSERT_TRUE(feed.waitForPoll(kPollDeadline));
    for (int i = 0; i < 2; ++i) {
        auto gone = feed.next();
        ASSERT_FALSE(gone);
        EXPECT_EQ(gone.error().kind, ErrorKind::Unavailable);
        EXPECT_TRUE(gone.error().code == u"server-unreachable"_s || gone.error().code == u"server-timeout"_s)
            << gone.error().code.toStdString();
        EXPECT_FALSE(gone.error().message.isEmpty());
        ASSERT_TRUE(feed.waitForPoll(kPollDeadline));
    }
}

// A server that takes a request and never answers it: the poll stays outstanding for as long
// as the test wants.
TEST(RemoteMetricsStalledServerTest, NextReturnsAtOnceWhileAPollWaitsForTheServer)
{
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    Remote::AdminClient stalled({QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())), "token",
                                 std::chrono::minutes(5)});
    ManualClock clock(QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC));
    Remote::RemoteMetrics feed(stalled, clock);

    auto started = feed.next();
    ASSERT_TRUE(started);
    EXPECT_FALSE(started.value().has_value());
    ASSERT_TRUE(silent.waitForNewConnection(int(kPollDeadline.count())));
    QTcpSocket *connection = silent.nextPendingConnection();
    ASSERT_NE(connection, nullptr);
    QByteArray request;
    while (!request.contains("\r\n\r\n") && connection->waitForReadyRead(int(kPollDeadline.count())))
        request += connection->readAll();
    ASSERT_TRUE(request.startsWith("GET /admin/v1/metrics?top=")) << request.toStdString();

    // The poll is under way and stays so until this test lets the request fail.
    for (int i = 0; i < 3; ++i) {
        auto pending = feed.next();
        ASSERT_TRUE(pending);
        EXPECT_FALSE(pending.value().has_value());
        clock.advanceSeconds(1);
    }
    EXPECT_FALSE(feed.waitForPoll(milliseconds(0)));

    silent.close(); // a retry of the request is refused
    connection->abort();
    ASSERT_TRUE(feed.waitForPoll(kPollDeadline));
    auto failed = feed.next();
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().kind, ErrorKind::Unavailable);
    ASSERT_TRUE(feed.waitForPoll(kPollDeadline));
}

} // namespace
