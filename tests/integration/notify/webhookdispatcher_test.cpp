// WebhookDispatcher against a real HTTP receiver on a loopback port: what it sends, what
// it retries and how long it waits (retry delays run on ManualTimers, so no test waits for
// a back-off), what it gives up on, and how it behaves when flooded.
#include "core/notify/webhookdispatcher.h"
#include "core/notify/webhooksignature.h"
#include "tests/support/webhookreceiver.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>
#include <QTcpServer>
#include <QThread>

#include <gtest/gtest.h>

#include <memory>

using namespace Tenantry;
using namespace Tenantry::Notify;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QByteArray kSecret = "dispatcher-test-secret-0123456789";
const QJsonObject kData{{u"tenant_id"_s, u"t-1"_s}, {u"slug"_s, u"acme"_s}, {u"value"_s, 42}};

class WebhookDispatcherTest : public ::testing::Test
{
protected:
    // Milliseconds instead of minutes, no jitter, so delays can be compared exactly.
    static WebhookPolicy fastPolicy()
    {
        WebhookPolicy p;
        p.maxAttempts = 3;
        p.firstRetryDelay = 10ms;
        p.backoffFactor = 2.0;
        p.maxRetryDelay = 1s;
        p.jitter = 0;
        p.maxRetryAfter = 60s;
        p.attemptTimeout = 5s;
        return p;
    }

    void start(WebhookPolicy policy = fastPolicy())
    {
        m_dispatcher = std::make_unique<WebhookDispatcher>(m_clock, m_timers, policy);
        QObject::connect(m_dispatcher.get(), &WebhookDispatcher::finished,
                         [this](const WebhookOutcome &outcome) { m_outcomes.append(outcome); });
    }

    WebhookTarget target(const WebhookReceiver &receiver, const QString &path = u"/hook"_s)
    {
        return WebhookTarget::create(receiver.url(path), kSecret).value();
    }

    QString send(const WebhookTarget &to, const QJsonObject &data = kData)
    {
        auto id = m_dispatcher->enqueue(to, u"anomaly.detected"_s, data);
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message.toStdString());
        return id.ok() ? id.value() : QString();
    }

    bool outcomes(int n) { return waitUntil([&] { return m_outcomes.size() >= n; }); }
    // Waits until the dispatcher has asked for `n` retry delays so far.
    bool retriesAsked(size_t n) { return waitUntil([&] { return m_timers.requested().size() >= n; }); }
    // Fires retries as they are asked for until `n` deliveries have ended.
    bool runUntilOutcomes(int n)
    {
        return waitUntil([&] {
            m_timers.runAll();
            return m_outcomes.size() >= n;
        });
    }

    QDateTime m_start = QDateTime::fromString(u"2024-05-01T12:00:00Z"_s, Qt::ISODate);
    ManualClock m_clock{m_start};
    ManualTimers m_timers;
    WebhookReceiver m_receiver;
    QList<WebhookOutcome> m_outcomes;
    std::unique_ptr<WebhookDispatcher> m_dispatcher; // last: destroyed before what it uses
};

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

TEST_F(WebhookDispatcherTest, DeliversASignedEventWithEveryHeader)
{
    start();
    const QString id = send(target(m_receiver, u"/hook?channel=ops"_s));
    ASSERT_TRUE(outcomes(1));
    const WebhookOutcome &outcome = m_outcomes.first();
    EXPECT_TRUE(outcome.delivered);
    EXPECT_EQ(outcome.deliveryId, id);
    EXPECT_EQ(outcome.eventType, u"anomaly.detected"_s);
    EXPECT_EQ(outcome.attempts, 1);
    EXPECT_EQ(outcome.httpStatus, 200);

    ASSERT_EQ(m_receiver.requests().size(), 1);
    const auto &request = m_receiver.requests().first();
    EXPECT_EQ(request.method, QByteArray("POST"));
    EXPECT_EQ(request.target, QByteArray("/hook?channel=ops"));
    EXPECT_EQ(request.header("Content-Type"), QByteArray("application/json"));
    EXPECT_EQ(request.header("User-Agent"), QByteArray("tenantry")); // no application version in tests
    EXPECT_EQ(request.header("Tenantry-Event"), QByteArray("anomaly.detected"));
    EXPECT_EQ(request.header("Tenantry-Delivery"), id.toLatin1());
    EXPECT_TRUE(request.header("Cookie").isEmpty());
    const QByteArray signature = request.header("Tenantry-Signature");
    EXPECT_TRUE(signature.startsWith(QByteArray("t=" + QByteArray::number(m_start.toSecsSinceEpoch()) + ",v1="))) << signature.toStdString();
    EXPECT_TRUE(WebhookSignature::verify(signature, request.body, kSecret, m_clock.now()).ok());

    const QJsonObject body = request.json();
    EXPECT_EQ(body.value(u"id"_s).toString(), id);
    EXPECT_EQ(body.value(u"type"_s).toString(), u"anomaly.detected"_s);
    EXPECT_EQ(body.value(u"created_at"_s).toString(), u"2024-05-01T12:00:00.000Z"_s);
    EXPECT_EQ(body.value(u"data"_s).toObject(), kData);
    EXPECT_EQ(body.keys().size(), 4);

    const WebhookCounters c = m_dispatcher->counters();
    EXPECT_EQ(c.delivered, 1);
    EXPECT_EQ(c.attempts, 1);
    EXPECT_EQ(c.failed, 0);
    EXPECT_EQ(c.pending, 0);
    EXPECT_EQ(c.inFlight, 0);
    EXPECT_TRUE(m_timers.requested().empty());
}

TEST_F(WebhookDispatcherTest, UserAgentCanBeSet)
{
    WebhookPolicy policy = fastPolicy();
    policy.userAgent = "Tenantry/9.9.9";
    start(policy);
    send(target(m_receiver));
    ASSERT_TRUE(outcomes(1));
    EXPECT_EQ(m_receiver.requests().first().header("User-Agent"), QByteArray("Tenantry/9.9.9"));
}

TEST_F(WebhookDispatcherTest, RetriesAServerErrorWithTheSameDeliveryIdAndAFreshSignature)
{
    start();
    m_receiver.script({WebhookReceiver::Reply::answer(500)});
    const QString id = send(target(m_receiver));
    ASSERT_TRUE(retriesAsked(1));
    EXPECT_EQ(m_timers.requested(), (std::vector<std::chrono::milliseconds>{10ms}));
    EXPECT_TRUE(m_outcomes.isEmpty());
    EXPECT_EQ(m_dispatcher->counters().pending, 1);

    m_clock.advanceSeconds(30); // the retry is signed with its own time
    ASSERT_TRUE(runUntilOutcomes(1));
    EXPECT_TRUE(m_outcomes.first().delivered);
    EXPECT_EQ(m_outcomes.first().attempts, 2);

    ASSERT_EQ(m_receiver.requests().size(), 2);
    const auto &first = m_receiver.requests().at(0);
    const auto &second = m_receiver.requests().at(1);
    EXPECT_EQ(first.header("Tenantry-Delivery"), id.toLatin1());
    EXPECT_EQ(second.header("Tenantry-Delivery"), id.toLatin1());
    EXPECT_EQ(first.body, second.body);
    const QByteArray t1 = "t=" + QByteArray::number(m_start.toSecsSinceEpoch()) + ",";
    const QByteArray t2 = "t=" + QByteArray::number(m_start.toSecsSinceEpoch() + 30) + ",";
    EXPECT_TRUE(first.header("Tenantry-Signature").startsWith(t1));
    EXPECT_TRUE(second.header("Tenantry-Signature").startsWith(t2));
    EXPECT_TRUE(WebhookSignature::verify(second.header("Tenantry-Signature"), second.body, kSecret, m_clock.now()).ok());
    EXPECT_EQ(m_dispatcher->counters().attempts, 2);
    EXPECT_EQ(m_dispatcher->counters().delivered, 1);
}

TEST_F(WebhookDispatcherTest, RetriesTimeoutsOverloadAndEveryServerError)
{
    start();
    for (int status : {408, 429, 500, 502, 503, 504}) {
        m_outcomes.clear();
        m_receiver.script({WebhookReceiver::Reply::answer(status)});
        send(target(m_receiver));
        ASSERT_TRUE(runUntilOutcomes(1)) << status;
        EXPECT_TRUE(m_outcomes.first().delivered) << status;
        EXPECT_EQ(m_outcomes.first().attempts, 2) << status;
    }
    EXPECT_EQ(m_receiver.requests().size(), 12);
}

TEST_F(WebhookDispatcherTest, HonoursRetryAfterInSecondsAndAsADateWithinTheCap)
{
    start(); // maxRetryAfter 60 s
    const QByteArray inTwoMinutes = m_start.addSecs(120).toString(Qt::RFC2822Date).toLatin1();
    m_receiver.script({WebhookReceiver::Reply::answer(429, {{"Retry-After", "7"}}),
                       WebhookReceiver::Reply::answer(503, {{"Retry-After", inTwoMinutes}})});
    send(target(m_receiver));
    ASSERT_TRUE(runUntilOutcomes(1));
    EXPECT_TRUE(m_outcomes.first().delivered);
    EXPECT_EQ(m_outcomes.first().attempts, 3);
    // 7 s asked for beats the 10 ms back-off; 2 minutes asked for is cut to the 60 s cap.
    EXPECT_EQ(m_timers.requested(), (std::vector<std::chrono::milliseconds>{7s, 60s}));
}

TEST_F(WebhookDispatcherTest, ClientErrorsAndRedirectsAreFinal)
{
    start();
    for (const auto &reply : {WebhookReceiver::Reply::answer(400), WebhookReceiver::Reply::answer(401),
                              WebhookReceiver::Reply::answer(404), WebhookReceiver::Reply::answer(410),
                              WebhookReceiver::Reply::answer(302, {{"Location", m_receiver.url(u"/elsewhere"_s).toLatin1()}}),
                              WebhookReceiver::Reply::answer(307, {{"Location", m_receiver.url(u"/elsewhere"_s).toLatin1()}})}) {
        m_outcomes.clear();
        m_receiver.script({reply});
        send(target(m_receiver));
        ASSERT_TRUE(outcomes(1)) << reply.status;
        const WebhookOutcome &outcome = m_outcomes.first();
        EXPECT_FALSE(outcome.delivered) << reply.status;
        EXPECT_EQ(outcome.attempts, 1) << reply.status;
        EXPECT_EQ(outcome.httpStatus, reply.status);
        EXPECT_EQ(outcome.error.code, u"webhook-rejected"_s) << reply.status;
        EXPECT_TRUE(outcome.error.message.contains(QString::number(reply.status))) << outcome.error.message.toStdString();
    }
    EXPECT_TRUE(m_timers.requested().empty());
    ASSERT_EQ(m_receiver.requests().size(), 6); // the redirects were not followed
    for (const auto &request : m_receiver.requests())
        EXPECT_EQ(request.target, QByteArray("/hook"));
    EXPECT_EQ(m_dispatcher->counters().failed, 6);
    EXPECT_EQ(m_dispatcher->counters().pending, 0);
}

TEST_F(WebhookDispatcherTest, AnUnreachableReceiverIsRetriedThenGivenUp)
{
    start(); // 3 attempts
    const quint16 port = closedPort();
    send(WebhookTarget::create(u"http://127.0.0.1:%1/hook"_s.arg(port), kSecret).value());
    ASSERT_TRUE(runUntilOutcomes(1));
    const WebhookOutcome &outcome = m_outcomes.first();
    EXPECT_FALSE(outcome.delivered);
    EXPECT_EQ(outcome.attempts, 3);
    EXPECT_EQ(outcome.httpStatus, 0);
    EXPECT_EQ(outcome.error.code, u"webhook-gave-up"_s);
    EXPECT_TRUE(outcome.error.message.contains(u"ConnectionRefused"_s)) << outcome.error.message.toStdString();
    EXPECT_EQ(m_timers.requested(), (std::vector<std::chrono::milliseconds>{10ms, 20ms}));
    const WebhookCounters c = m_dispatcher->counters();
    EXPECT_EQ(c.failed, 1);
    EXPECT_EQ(c.attempts, 3);
    EXPECT_EQ(c.pending, 0);
}

TEST_F(WebhookDispatcherTest, AReceiverThatNeverAnswersTimesOutAndIsRetried)
{
    WebhookPolicy policy = fastPolicy();
    policy.attemptTimeout = 300ms;
    start(policy);
    m_receiver.script({WebhookReceiver::Reply::hang()});
    const QString id = send(target(m_receiver));
    ASSERT_TRUE(retriesAsked(1)); // after the attempt timeout
    EXPECT_EQ(m_receiver.requests().size(), 1);
    ASSERT_TRUE(runUntilOutcomes(1));
    EXPECT_TRUE(m_outcomes.first().delivered);
    EXPECT_EQ(m_outcomes.first().attempts, 2);
    ASSERT_EQ(m_receiver.requests().size(), 2);
    EXPECT_EQ(m_receiver.requests().at(1).header("Tenantry-Delivery"), id.toLatin1());
}

TEST_F(WebhookDispatcherTest, AConnectionClosedWithoutAnAnswerIsSentAgain)
{
    start();
    m_receiver.script({WebhookReceiver::Reply::close()});
    const QString id = send(target(m_receiver));
    ASSERT_TRUE(runUntilOutcomes(1));
    EXPECT_TRUE(m_outcomes.first().delivered);
    // Qt's HTTP stack itself resends once when a fresh connection drops before any answer,
    // so this may take one attempt of ours or two; either way the receiver sees the same id.
    EXPECT_LE(m_outcomes.first().attempts, 2);
    ASSERT_EQ(m_receiver.requests().size(), 2);
    for (const auto &request : m_receiver.requests())
        EXPECT_EQ(request.header("Tenantry-Delivery"), id.toLatin1());
}

TEST_F(WebhookDispatcherTest, AFullQueueDropsTheOldest)
{
    WebhookPolicy policy = fastPolicy();
    policy.maxQueued = 3;
    start(policy);
    QStringList ids;
    for (int n = 0; n < 5; ++n)
        ids << send(target(m_receiver), {{u"n"_s, n}});
    // Nothing has been sent yet: enqueue only queues.
    WebhookCounters c = m_dispatcher->counters();
    EXPECT_EQ(c.dropped, 2);
    EXPECT_EQ(c.pending, 3);
    EXPECT_EQ(c.attempts, 0);

    ASSERT_TRUE(outcomes(5));
    QSet<QString> dropped;
    for (const WebhookOutcome &o : std::as_const(m_outcomes)) {
        if (!o.delivered) {
            EXPECT_EQ(o.error.code, u"webhook-dropped"_s);
            EXPECT_EQ(o.attempts, 0);
            dropped.insert(o.deliveryId);
        }
    }
    EXPECT_EQ(dropped, (QSet<QString>{ids.at(0), ids.at(1)}));
    QSet<int> received;
    for (const auto &request : m_receiver.requests())
        received.insert(request.json().value(u"data"_s).toObject().value(u"n"_s).toInt());
    EXPECT_EQ(received, (QSet<int>{2, 3, 4}));
    c = m_dispatcher->counters();
    EXPECT_EQ(c.delivered, 3);
    EXPECT_EQ(c.dropped, 2);
    EXPECT_EQ(c.pending, 0);
}

TEST_F(WebhookDispatcherTest, EnqueueNeverWaitsForTheDispatchersThread)
{
    WebhookPolicy policy = fastPolicy();
    policy.maxQueued = 40;
    start(policy);
    // The dispatcher lives on this thread, which is blocked in wait() below; enqueue must
    // not need it. If it did, the worker would never finish and wait() would time out.
    const WebhookTarget to = target(m_receiver);
    QStringList ids;
    QMutex idsMutex;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        for (int n = 0; n < 400; ++n) {
            auto id = m_dispatcher->enqueue(to, u"anomaly.detected"_s, {{u"n"_s, n}});
            QMutexLocker lock(&idsMutex);
            ids << (id.ok() ? id.value() : QString());
        }
    }));
    worker->start();
    ASSERT_TRUE(worker->wait(QDeadlineTimer(30000)));
    EXPECT_EQ(m_receiver.requests().size(), 0);
    EXPECT_EQ(m_dispatcher->counters().pending, 40);
    EXPECT_EQ(m_dispatcher->counters().dropped, 360);
    EXPECT_EQ(QSet<QString>(ids.begin(), ids.end()).size(), 400);

    ASSERT_TRUE(outcomes(400));
    EXPECT_EQ(m_dispatcher->counters().delivered, 40);
    EXPECT_EQ(m_receiver.requests().size(), 40);
    QSet<int> received;
    for (const auto &request : m_receiver.requests())
        received.insert(request.json().value(u"data"_s).toObject().value(u"n"_s).toInt());
    EXPECT_EQ(*std::min_element(received.begin(), received.end()), 360); // the newest 40 were kept
}

TEST_F(WebhookDispatcherTest, LimitsAttemptsInFlightPerDestination)
{
    WebhookPolicy policy = fastPolicy();
    policy.maxConcurrentPerDestination = 2;
    start(policy);
    QList<WebhookReceiver::Reply> hangs(5, WebhookReceiver::Reply::hang());
    m_receiver.script(hangs);
    for (int n = 0; n < 5; ++n)
        send(target(m_receiver), {{u"n"_s, n}});
    ASSERT_TRUE(waitUntil([&] { return m_receiver.held() == 2; }));
    WebhookCounters c = m_dispatcher->counters();
    EXPECT_EQ(c.inFlight, 2);
    EXPECT_EQ(c.pending, 5);

    // Another destination is not held up by the busy one.
    WebhookReceiver other;
    send(target(other));
    ASSERT_TRUE(outcomes(1));
    EXPECT_EQ(other.requests().size(), 1);

    // Answer what is held, round after round: the next ones only go out as slots free up.
    while (m_outcomes.size() < 6) {
        ASSERT_TRUE(waitUntil([&] { return m_receiver.held() > 0 || m_outcomes.size() == 6; }));
        m_receiver.releaseHeld(200);
    }
    EXPECT_EQ(m_receiver.maxHeld(), 2);
    EXPECT_EQ(m_dispatcher->counters().delivered, 6);
}

TEST_F(WebhookDispatcherTest, RefusesTargetsThatCouldNeverBeDelivered)
{
    start();
    EXPECT_EQ(m_dispatcher->enqueue({}, u"anomaly.detected"_s, kData).error().code, u"webhook-url-invalid"_s);
    EXPECT_EQ(m_dispatcher->enqueue({QUrl(u"ftp://x.example/h"_s), kSecret}, u"anomaly.detected"_s, kData).error().code,
              u"webhook-url-scheme"_s);
    EXPECT_EQ(m_dispatcher->enqueue({QUrl(m_receiver.url()), "short"}, u"anomaly.detected"_s, kData).error().code,
              u"webhook-secret-too-short"_s);
    EXPECT_EQ(m_dispatcher->enqueue(target(m_receiver), QString(), kData).error().code, u"webhook-event-type"_s);
    EXPECT_EQ(m_dispatcher->counters().pending, 0);
}

namespace {
QMutex g_logMutex;
QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&g_logMutex);
    g_log << QString::fromLatin1(context.category) + u": "_s + message;
}
} // namespace

TEST_F(WebhookDispatcherTest, LogsNameTheDestinationButNeverTheSecretOrPath)
{
    QLoggingCategory::setFilterRules(u"tenantry.webhook.debug=true"_s);
    g_log.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureLog);
    start();
    m_receiver.script({WebhookReceiver::Reply::answer(500), WebhookReceiver::Reply::answer(400)});
    const auto to = WebhookTarget::create(m_receiver.url(u"/hooks/T0KEN-in-path?key=query-secret"_s), kSecret).value();
    send(to);
    const bool done = runUntilOutcomes(1);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    ASSERT_TRUE(done);

    const QString log = g_log.join(u'\n');
    EXPECT_TRUE(log.contains(u"tenantry.webhook"_s)) << log.toStdString();
    EXPECT_TRUE(log.contains(u"http://127.0.0.1:%1"_s.arg(m_receiver.port()))) << log.toStdString();
    EXPECT_TRUE(log.contains(u"HTTP 500"_s)) << log.toStdString();
    EXPECT_TRUE(log.contains(u"webhook-rejected"_s)) << log.toStdString();
    EXPECT_FALSE(log.contains(QString::fromLatin1(kSecret)));
    EXPECT_FALSE(log.contains(u"T0KEN"_s));
    EXPECT_FALSE(log.contains(u"query-secret"_s));
}
