// SharedQuotaStore against the real Redis scripts/test.sh starts (TENANTRY_TEST_REDIS_URL):
// exact limits, all or nothing, GCRA identical to RateLimiter, leases, many processes'
// worth of connections, expiries on every key, and Redis going away and coming back.
#include "core/quota/ratelimiter.h"
#include "core/quota/sharedquotastore.h"
#include "core/storage/redisconnection.h"
#include "tests/support/pgtestdb.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>
#include <vector>

using namespace Tenantry;
using namespace Tenantry::Quota;
using namespace Tenantry::Storage;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kHourMs = 3'600'000;

std::string text(const Error &error)
{
    return QString(error.code + u": "_s + error.message).toStdString();
}

// Restarts Redis when it goes out of scope, even when the test failed half-way: the
// other tests need it.
class RedisStartGuard
{
public:
    explicit RedisStartGuard(QString ctl) : m_ctl(std::move(ctl)) {}
    ~RedisStartGuard() { QProcess::execute(m_ctl, {u"start"_s}); }

private:
    QString m_ctl;
};

class SharedQuotaStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString text = qEnvironmentVariable("TENANTRY_TEST_REDIS_URL");
        if (text.isEmpty()) {
            if (Testing::servicesRequired())
                FAIL() << "TENANTRY_TEST_REDIS_URL is required but missing";
            GTEST_SKIP() << "Redis not configured (set TENANTRY_TEST_REDIS_URL)";
        }
        Result<RedisUrl> parsed = RedisUrl::parse(text);
        ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
        url = parsed.value();
        // A prefix of its own per test: tests never see each other's keys.
        options.keyPrefix = "tenantry-test:"
            + QByteArray::number(QRandomGenerator::system()->generate64(), 16) + ':';
        // A loaded CI machine may stall Redis past the 200 ms default; the tests that
        // count exactly must not see that as an error.
        options.commandTimeoutMs = 2000;
        admin = std::make_unique<RedisConnection>(url, RedisConnectionOptions{200, 2000, 500});
        store = connectStore();
        ASSERT_TRUE(store);
        // Real wall time: window keys expire by Redis' clock (PEXPIREAT), so windows must
        // end in the real future. Everything else moves by the injected nowMs only.
        nowMs = QDateTime::currentMSecsSinceEpoch();
        dayEndMs = nowMs + 5 * kHourMs;
        monthEndMs = nowMs + 300 * kHourMs;
    }

    void TearDown() override
    {
        if (!admin)
            return;
        const QList<QByteArray> keys = keysUnderPrefix();
        if (!keys.isEmpty())
            (void)admin->command(QList<QByteArray>{QByteArrayLiteral("DEL")} + keys);
    }

    std::unique_ptr<SharedQuotaStore> connectStore()
    {
        Result<std::unique_ptr<SharedQuotaStore>> connected =
            SharedQuotaStore::connect(url, options);
        EXPECT_TRUE(connected.ok()) << text(connected.error());
        return connected ? std::move(connected).value() : nullptr;
    }

    SharedAdmitResult admit(const SharedAdmitRequest &request, SharedQuotaStore *on = nullptr)
    {
        Result<SharedAdmitResult> r = (on ? on : store.get())->admit(request);
        EXPECT_TRUE(r.ok()) << text(r.error());
        return r ? std::move(r).value() : SharedAdmitResult{};
    }

    SharedAdmitRequest request(qint64 at, QList<WindowCheck> windows = {}) const
    {
        SharedAdmitRequest r;
        r.tenantId = tenant;
        r.nowMs = at;
        r.windows = std::move(windows);
        return r;
    }

    WindowCheck day(qint64 limit, qint64 index = 20'000) const
    {
        return {QByteArrayLiteral("day"), index, dayEndMs, limit};
    }
    WindowCheck month(qint64 limit, qint64 index = 680) const
    {
        return {QByteArrayLiteral("month"), index, monthEndMs, limit};
    }

    QList<QByteArray> keysUnderPrefix()
    {
        QList<QByteArray> keys;
        QByteArray cursor = "0";
        do {
            Result<RedisReply> page = admin->command({QByteArrayLiteral("SCAN"), cursor,
                                                      QByteArrayLiteral("MATCH"),
                                                      options.keyPrefix + '*',
                                                      QByteArrayLiteral("COUNT"),
                                                      QByteArrayLiteral("1000")});
            if (!page || page->size() != 2)
                break;
            cursor = page->at(0).text();
            const RedisReply found = page->at(1);
            for (qsizetype i = 0; i < found.size(); ++i)
                keys.append(found.at(i).text());
        } while (cursor != "0");
        return keys;
    }

    RedisUrl url;
    SharedQuotaStore::Options options;
    std::unique_ptr<RedisConnection> admin; // raw commands for checks behind the store's back
    std::unique_ptr<SharedQuotaStore> store;
    QString tenant = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s;
    qint64 nowMs = 0;
    qint64 dayEndMs = 0;
    qint64 monthEndMs = 0;
};

} // namespace

TEST_F(SharedQuotaStoreTest, AWindowAdmitsExactlyItsLimitThenRefusesUntilItsEnd)
{
    for (qint64 i = 1; i <= 3; ++i) {
        const SharedAdmitResult r = admit(request(nowMs, {day(3)}));
        ASSERT_TRUE(r.admitted) << i;
        EXPECT_TRUE(r.refusedBy.isEmpty());
        EXPECT_EQ(r.windowUsed, QList<qint64>{i});
        EXPECT_TRUE(r.leaseId.isEmpty());
    }
    const SharedAdmitResult refused = admit(request(nowMs + 1234, {day(3)}));
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.refusedBy, QByteArrayLiteral("day"));
    EXPECT_EQ(refused.retryAfterMs, dayEndMs - (nowMs + 1234));
    EXPECT_EQ(refused.windowUsed, QList<qint64>{3});

    // The next window is another key: a fresh count.
    const SharedAdmitResult next = admit(request(nowMs, {day(3, 20'001)}));
    EXPECT_TRUE(next.admitted);
    EXPECT_EQ(next.windowUsed, QList<qint64>{1});

    // A cost takes several units and must fit whole.
    SharedAdmitRequest costly = request(nowMs, {day(3, 20'001)});
    costly.cost = 3;
    EXPECT_FALSE(admit(costly).admitted);
    costly.cost = 2;
    EXPECT_EQ(admit(costly).windowUsed, QList<qint64>{3});
}

TEST_F(SharedQuotaStoreTest, WhenOneCheckRefusesNothingIsTaken)
{
    ASSERT_TRUE(admit(request(nowMs, {day(10), month(2)})).admitted);
    ASSERT_TRUE(admit(request(nowMs, {day(10), month(2)})).admitted);
    const SharedAdmitResult refused = admit(request(nowMs, {day(10), month(2)}));
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.refusedBy, QByteArrayLiteral("month"));
    EXPECT_EQ(refused.retryAfterMs, monthEndMs - nowMs);
    EXPECT_EQ(refused.windowUsed, (QList<qint64>{2, 2}));
    Result<QList<qint64>> used = store->used(tenant, {day(10), month(2)});
    ASSERT_TRUE(used.ok()) << text(used.error());
    EXPECT_EQ(used.value(), (QList<qint64>{2, 2}));

    // A refusing rate takes no window units either, a refusing in-flight limit no rate.
    SharedAdmitRequest limited = request(nowMs, {day(10)});
    limited.rate = RateCheck{1.0, 1};
    ASSERT_TRUE(admit(limited).admitted);
    const SharedAdmitResult byRate = admit(limited);
    EXPECT_EQ(byRate.refusedBy, QByteArrayLiteral("rate"));
    EXPECT_EQ(byRate.retryAfterMs, 1000);
    EXPECT_EQ(store->used(tenant, {day(10)}).value(), QList<qint64>{3});

    SharedAdmitRequest busy = request(nowMs + 10'000, {day(10)});
    busy.rate = RateCheck{1.0, 5};
    busy.concurrency = ConcurrencyCheck{1, 60'000};
    const SharedAdmitResult holder = admit(busy);
    ASSERT_TRUE(holder.admitted);
    EXPECT_EQ(holder.rateRemaining, 4);
    const SharedAdmitResult byConcurrency = admit(busy);
    EXPECT_EQ(byConcurrency.refusedBy, QByteArrayLiteral("concurrency"));
    EXPECT_EQ(byConcurrency.retryAfterMs, 1000);
    EXPECT_EQ(byConcurrency.rateRemaining, 4); // the rate was looked at, not taken
    EXPECT_EQ(byConcurrency.windowUsed, QList<qint64>{4});
    EXPECT_EQ(store->used(tenant, {day(10)}).value(), QList<qint64>{4});
}

TEST_F(SharedQuotaStoreTest, RateIsABurstThenTheRate)
{
    SharedAdmitRequest r = request(nowMs);
    r.rate = RateCheck{10.0, 5};
    for (int i = 0; i < 5; ++i) {
        const SharedAdmitResult d = admit(r);
        ASSERT_TRUE(d.admitted) << i;
        EXPECT_EQ(d.rateRemaining, 4 - i);
        EXPECT_EQ(d.rateResetMs, (i + 1) * 100);
    }
    const SharedAdmitResult refused = admit(r);
    EXPECT_FALSE(refused.admitted);
    EXPECT_EQ(refused.refusedBy, QByteArrayLiteral("rate"));
    EXPECT_EQ(refused.retryAfterMs, 100);
    EXPECT_EQ(refused.rateResetMs, 500);

    r.nowMs = nowMs + 99;
    EXPECT_FALSE(admit(r).admitted);
    r.nowMs = nowMs + 100;
    EXPECT_TRUE(admit(r).admitted);
    EXPECT_FALSE(admit(r).admitted);
    r.nowMs = nowMs + 10'000; // long idle: a full burst again, never more
    for (int i = 0; i < 5; ++i)
        EXPECT_TRUE(admit(r).admitted) << i;
    EXPECT_FALSE(admit(r).admitted);
}

TEST_F(SharedQuotaStoreTest, RateNeverPassesMoreThanBurstPlusRateTimesAnyInterval)
{
    // Attempts every 7 ms for 12 s at 10/s with a burst of 10: a fixed window would let 20
    // through around a boundary; GCRA allows at most 10 + 10 * t in any interval of t s.
    const qint64 rate = 10, burst = 10;
    SharedAdmitRequest r = request(nowMs);
    r.rate = RateCheck{double(rate), burst};
    std::vector<qint64> admitted;
    for (qint64 t = 0; t <= 12'000; t += 7) {
        r.nowMs = nowMs + t;
        if (admit(r).admitted)
            admitted.push_back(t);
    }
    ASSERT_GE(admitted.size(), size_t(burst + rate * 11));
    for (size_t i = 0; i < admitted.size(); ++i) {
        for (size_t j = i; j < admitted.size(); ++j) {
            const qint64 lengthMs = admitted[j] - admitted[i];
            const qint64 count = qint64(j - i + 1);
            ASSERT_LE(count * 1000, burst * 1000 + rate * lengthMs)
                << count << " passed within " << lengthMs << " ms";
        }
    }
}

TEST_F(SharedQuotaStoreTest, RateDecidesExactlyAsTheInProcessRateLimiter)
{
    // The same maths in Lua and C++: replay one random sequence through both.
    std::mt19937 random(7);
    std::uniform_int_distribution<int> step(0, 40), cost(1, 4);
    const double ratePerSecond = 33.3;
    const qint64 burst = 6;
    RateLimiter local;
    SharedAdmitRequest r = request(nowMs);
    r.rate = RateCheck{ratePerSecond, burst};
    qint64 at = nowMs;
    for (int i = 0; i < 400; ++i) {
        at += step(random);
        r.nowMs = at;
        r.cost = i % 97 == 0 ? burst + 1 : cost(random); // now and then one that never fits
        const RateDecision expected = local.admit(at * 1000, r.cost, ratePerSecond, burst);
        const SharedAdmitResult got = admit(r);
        ASSERT_EQ(got.admitted, expected.admitted) << i;
        EXPECT_EQ(got.rateRemaining, expected.remaining) << i;
        EXPECT_EQ(got.rateResetMs, (expected.resetUs + 999) / 1000) << i;
        if (!expected.admitted) {
            EXPECT_EQ(got.retryAfterMs, (expected.retryAfterUs + 999) / 1000) << i;
        }
    }
}

TEST_F(SharedQuotaStoreTest, ConcurrencyLeasesAreReleasedOrExpire)
{
    SharedAdmitRequest r = request(nowMs);
    r.concurrency = ConcurrencyCheck{2, 60'000};
    const SharedAdmitResult first = admit(r);
    const SharedAdmitResult second = admit(r);
    ASSERT_TRUE(first.admitted);
    ASSERT_TRUE(second.admitted);
    EXPECT_EQ(first.leaseId.size(), 32);
    EXPECT_NE(first.leaseId, second.leaseId);
    const SharedAdmitResult third = admit(r);
    EXPECT_FALSE(third.admitted);
    EXPECT_EQ(third.refusedBy, QByteArrayLiteral("concurrency"));
    EXPECT_EQ(third.retryAfterMs, 1000);
    EXPECT_TRUE(third.leaseId.isEmpty());

    store->release(tenant, first.leaseId);
    store->release(tenant, first.leaseId); // twice is harmless
    const SharedAdmitResult again = admit(r);
    ASSERT_TRUE(again.admitted);
    EXPECT_FALSE(admit(r).admitted);

    // A process that died holding leases: they free themselves once their time is up.
    r.nowMs = nowMs + 60'000;
    EXPECT_TRUE(admit(r).admitted);
    EXPECT_TRUE(admit(r).admitted);
    EXPECT_FALSE(admit(r).admitted);
}

TEST_F(SharedQuotaStoreTest, ManyConnectionsAtOnceAdmitExactlyTheLimit)
{
    // Eight threads, each with its own store as separate processes would have.
    constexpr int kThreads = 8;
    constexpr int kAttemptsPerThread = 250;
    constexpr qint64 kLimit = 500;
    std::vector<std::unique_ptr<SharedQuotaStore>> stores;
    for (int i = 0; i < kThreads; ++i) {
        stores.push_back(connectStore());
        ASSERT_TRUE(stores.back());
    }
    std::atomic<int> admitted{0}, failed{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            while (!go.load())
                std::this_thread::yield();
            for (int i = 0; i < kAttemptsPerThread; ++i) {
                const Result<SharedAdmitResult> r =
                    stores[size_t(t)]->admit(request(nowMs, {day(kLimit), month(kLimit * 10)}));
                if (!r)
                    failed.fetch_add(1);
                else if (r->admitted)
                    admitted.fetch_add(1);
            }
        });
    }
    go.store(true);
    for (std::thread &thread : threads)
        thread.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(admitted.load(), kLimit);
    EXPECT_EQ(store->used(tenant, {day(kLimit), month(kLimit * 10)}).value(),
              (QList<qint64>{kLimit, kLimit}));
}

TEST_F(SharedQuotaStoreTest, EveryKeyWrittenHasAnExpiry)
{
    SharedAdmitRequest all = request(nowMs, {day(100), month(1000),
                                             {QByteArrayLiteral("rule:exports"), 7, dayEndMs, 5}});
    all.rate = RateCheck{2.0, 3};
    all.concurrency = ConcurrencyCheck{3, 30'000};
    QByteArray lease;
    for (int i = 0; i < 6; ++i) {
        const SharedAdmitResult r = admit(all);
        if (r.admitted)
            lease = r.leaseId;
    }
    store->release(tenant, lease);
    SharedAdmitRequest otherTenant = all;
    otherTenant.tenantId = u"0b9d6c1e-1111-4a4a-9b9b-123456789abc"_s;
    otherTenant.concurrency = ConcurrencyCheck{3, 90'000}; // longer lease: the set lives longer
    ASSERT_TRUE(admit(otherTenant).admitted);
    ASSERT_TRUE(store->add(tenant, day(100, 19'999), 42).ok());
    ASSERT_TRUE(store->add(tenant, {QByteArrayLiteral("rule:seeded"), 3, dayEndMs, 1}, 9).ok());

    const QList<QByteArray> keys = keysUnderPrefix();
    EXPECT_EQ(keys.size(), 12) << "3 windows, a rate and an in-flight set per tenant, 2 seeded";
    for (const QByteArray &key : keys) {
        Result<RedisReply> ttl = admin->command({QByteArrayLiteral("PTTL"), key});
        ASSERT_TRUE(ttl.ok()) << text(ttl.error());
        EXPECT_GT(ttl->integer(), 0) << key.toStdString();
    }
    const QByteArray otherInFlight =
        options.keyPrefix + "q:" + otherTenant.tenantId.toUtf8() + ":inflight";
    Result<RedisReply> inflight = admin->command({QByteArrayLiteral("PTTL"), otherInFlight});
    EXPECT_GT(inflight->integer(), 60'000);
}

TEST_F(SharedQuotaStoreTest, UsedAndAddShareTheCounters)
{
    Result<QList<qint64>> none = store->used(tenant, {day(5), month(5)});
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none.value(), (QList<qint64>{0, 0}));
    ASSERT_TRUE(store->add(tenant, day(5), 4).ok());
    EXPECT_EQ(store->used(tenant, {day(5), month(5)}).value(), (QList<qint64>{4, 0}));
    EXPECT_TRUE(admit(request(nowMs, {day(5)})).admitted);
    EXPECT_FALSE(admit(request(nowMs, {day(5)})).admitted);
    // add() does not check the limit: seeding may exceed it.
    ASSERT_TRUE(store->add(tenant, day(5), 10).ok());
    EXPECT_EQ(store->used(tenant, {day(5)}).value(), QList<qint64>{15});

    const Status zero = store->add(tenant, day(5), 0);
    EXPECT_EQ(zero.error().code, u"invalid-quota-request"_s);
}

TEST_F(SharedQuotaStoreTest, MalformedRequestsAreRefusedBeforeRedis)
{
    SharedAdmitRequest r = request(nowMs, {day(5)});
    r.cost = 0;
    EXPECT_EQ(store->admit(r).error().code, u"invalid-quota-request"_s);
    r = request(nowMs, {day(0)});
    EXPECT_EQ(store->admit(r).error().kind, ErrorKind::Invalid);
    r = request(nowMs, {{QByteArray(), 1, dayEndMs, 5}});
    EXPECT_EQ(store->admit(r).error().kind, ErrorKind::Invalid);
    r = request(nowMs);
    r.tenantId = u"a:day"_s; // would reach into another tenant's keys
    EXPECT_EQ(store->admit(r).error().kind, ErrorKind::Invalid);
    r = request(nowMs);
    r.rate = RateCheck{0.0, 1};
    EXPECT_EQ(store->admit(r).error().kind, ErrorKind::Invalid);
    r.rate = RateCheck{1.0, 0};
    EXPECT_EQ(store->admit(r).error().kind, ErrorKind::Invalid);
    r = request(nowMs);
    r.concurrency = ConcurrencyCheck{0, 1000};
    EXPECT_EQ(store->admit(r).error().kind, ErrorKind::Invalid);
    EXPECT_TRUE(keysUnderPrefix().isEmpty());
}

TEST_F(SharedQuotaStoreTest, ForgottenScriptsAreLoadedAgain)
{
    ASSERT_TRUE(admit(request(nowMs, {day(5)})).admitted);
    ASSERT_TRUE(admin->command({QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("FLUSH")}).ok());
    const SharedAdmitResult r = admit(request(nowMs, {day(5)}));
    EXPECT_TRUE(r.admitted);
    EXPECT_EQ(r.windowUsed, QList<qint64>{2});
    ASSERT_TRUE(admin->command({QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("FLUSH")}).ok());
    EXPECT_TRUE(store->add(tenant, day(5), 1).ok());
}

TEST_F(SharedQuotaStoreTest, CommandsAreBinarySafe)
{
    const QByteArray key = options.keyPrefix + QByteArray("bin\0ary", 7);
    const QByteArray value("a\0b\r\nc", 6);
    Result<RedisReply> set = admin->command({QByteArrayLiteral("SET"), key, value,
                                             QByteArrayLiteral("PX"), QByteArrayLiteral("60000")});
    ASSERT_TRUE(set.ok()) << text(set.error());
    EXPECT_EQ(set->type(), RedisReply::Type::Status);
    Result<RedisReply> get = admin->command({QByteArrayLiteral("GET"), key});
    ASSERT_TRUE(get.ok());
    EXPECT_EQ(get->type(), RedisReply::Type::String);
    EXPECT_EQ(get->text(), value);
    Result<RedisReply> wrong = admin->command({QByteArrayLiteral("INCR"), key});
    ASSERT_TRUE(wrong.ok()) << "an error reply is not an I/O error";
    EXPECT_TRUE(wrong->isError());
    EXPECT_TRUE(admin->isConnected());
}

TEST_F(SharedQuotaStoreTest, DescribeNamesTheServerButNoPassword)
{
    EXPECT_EQ(store->describe(), u"Redis "_s + url.location());
    EXPECT_FALSE(store->describe().contains(u"redis://"_s));
}

TEST_F(SharedQuotaStoreTest, ConnectFailsWhenRedisIsNotThere)
{
    RedisUrl nowhere = url;
    nowhere.port = 1; // nothing listens on tcpmux
    nowhere.password = u"hunter2"_s;
    const Result<std::unique_ptr<SharedQuotaStore>> r = SharedQuotaStore::connect(nowhere, options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Unavailable);
    EXPECT_EQ(r.error().code, u"redis-unavailable"_s);
    EXPECT_TRUE(r.error().message.contains(nowhere.host + u":1"_s)) << text(r.error());
    EXPECT_FALSE(r.error().message.contains(u"hunter2"_s));
}

TEST_F(SharedQuotaStoreTest, RedisGoingAwayFailsFastAndComingBackWorksAgain)
{
    const QString ctl = qEnvironmentVariable("TENANTRY_TEST_REDIS_CTL");
    if (ctl.isEmpty()) {
        if (Testing::servicesRequired())
            FAIL() << "TENANTRY_TEST_REDIS_CTL is required but missing";
        GTEST_SKIP() << "no TENANTRY_TEST_REDIS_CTL to stop and start Redis with";
    }
    ASSERT_TRUE(admit(request(nowMs, {day(100)})).admitted);
    const RedisStartGuard restart(ctl);
    ASSERT_EQ(QProcess::execute(ctl, {u"stop"_s}), 0);

    QElapsedTimer total;
    total.start();
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer one;
        one.start();
        const Result<SharedAdmitResult> r = store->admit(request(nowMs, {day(100)}));
        const qint64 tookMs = one.elapsed();
        ASSERT_FALSE(r.ok()) << i;
        EXPECT_EQ(r.error().kind, ErrorKind::Unavailable);
        EXPECT_EQ(r.error().code, u"redis-unavailable"_s);
        EXPECT_TRUE(r.error().message.contains(url.location())) << text(r.error());
        EXPECT_LT(tookMs, 250) << "call " << i;
        QThread::msleep(30); // spread the calls over the back-off interval and past it
    }
    EXPECT_LT(total.elapsed(), 20 * (30 + 250));
    EXPECT_FALSE(store->used(tenant, {day(100)}).ok());
    store->release(tenant, "0123456789abcdef0123456789abcdef"); // logged, no crash

    ASSERT_EQ(QProcess::execute(ctl, {u"start"_s}), 0);
    // Redis came back empty, without our scripts: the store reconnects after its back-off
    // and loads them again (NOSCRIPT).
    Result<SharedAdmitResult> back = store->admit(request(nowMs, {day(100)}));
    for (int i = 0; i < 50 && !back.ok(); ++i) {
        QThread::msleep(50);
        back = store->admit(request(nowMs, {day(100)}));
    }
    ASSERT_TRUE(back.ok()) << text(back.error());
    EXPECT_TRUE(back->admitted);
    EXPECT_EQ(back->windowUsed, QList<qint64>{1}); // nothing was saved ("save" is off)
}
