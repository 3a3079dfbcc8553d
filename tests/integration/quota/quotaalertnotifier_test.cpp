// QuotaAlertNotifier end to end below the request path: a real catalog (SQLite and
// PostgreSQL), a real WebhookDispatcher and a real HTTP receiver on a loopback port.
#include "core/quota/quotaalertnotifier.h"

#include "core/notify/webhookdispatcher.h"
#include "core/notify/webhooksignature.h"
#include "tests/integration/quota/quotaalertfixture.h"
#include "tests/support/webhookreceiver.h"

#include <QJsonDocument>
#include <QSet>

using namespace Tenantry;
using namespace Tenantry::Quota;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kSecret = u"quota-alert-test-secret-0123456789"_s;

class QuotaAlertNotifierTest : public QuotaAlertFixture
{
protected:
    void SetUp() override
    {
        QuotaAlertFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_dispatcher = std::make_unique<Notify::WebhookDispatcher>(m_clock, m_timers);
        QObject::connect(m_dispatcher.get(), &Notify::WebhookDispatcher::finished,
                         [this](const Notify::WebhookOutcome &outcome) { m_outcomes.append(outcome); });
        m_notifier = std::make_unique<QuotaAlertNotifier>(m_queue, *m_repository, *m_dispatcher, m_clock);
        ASSERT_TRUE(m_repository->setWebhook(u"t-a"_s, m_receiver.url(), kSecret).ok());
    }

    void TearDown() override
    {
        m_notifier.reset();
        m_dispatcher.reset();
        QuotaAlertFixture::TearDown();
    }

    void mustFlush(QuotaAlertNotifier &notifier)
    {
        const Status flushed = notifier.flush();
        EXPECT_TRUE(flushed.ok()) << (flushed.ok() ? "" : flushed.error().message.toStdString());
    }
    void mustFlush() { mustFlush(*m_notifier); }

    bool delivered(int n)
    {
        return waitUntil([&] { return m_outcomes.size() >= n && m_dispatcher->counters().pending == 0; });
    }

    ManualTimers m_timers;
    WebhookReceiver m_receiver;
    std::unique_ptr<Notify::WebhookDispatcher> m_dispatcher;
    QList<Notify::WebhookOutcome> m_outcomes;
    QuotaAlertQueue m_queue;
    std::unique_ptr<QuotaAlertNotifier> m_notifier;
};

TEST_P(QuotaAlertNotifierTest, ACrossedThresholdArrivesOnceAndSigned)
{
    ASSERT_EQ(m_queue.offer(alert(u"t-a"_s, 80)), 1);
    mustFlush();
    ASSERT_TRUE(delivered(1));
    ASSERT_EQ(m_receiver.requests().size(), 1);
    const WebhookReceiver::Request &r = m_receiver.requests().first();
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.header("Tenantry-Event"), "quota.threshold");
    EXPECT_EQ(r.header("Content-Type"), "application/json");
    const Status signature = Notify::WebhookSignature::verify(r.header("Tenantry-Signature"), r.body, kSecret.toUtf8(),
                                                              m_clock.now());
    EXPECT_TRUE(signature.ok()) << (signature.ok() ? "" : signature.error().code.toStdString());
    EXPECT_EQ(Notify::WebhookSignature::verify(r.header("Tenantry-Signature"), r.body, "another-secret-0123456789",
                                               m_clock.now()).error().code,
              u"signature-mismatch"_s);

    const QJsonObject body = r.json();
    EXPECT_EQ(body.value("type"_L1).toString(), u"quota.threshold"_s);
    EXPECT_EQ(body.value("id"_L1).toString().toLatin1(), r.header("Tenantry-Delivery"));
    const QJsonObject data = body.value("data"_L1).toObject();
    EXPECT_EQ(data, (QJsonObject{
                        {u"tenant_id"_s, u"t-a"_s},
                        {u"dimension"_s, u"api_calls_per_day"_s},
                        {u"threshold"_s, 80},
                        {u"used"_s, 800},
                        {u"limit"_s, 1000},
                        {u"window_start"_s, u"2026-03-01T00:00:00.000Z"_s},
                        {u"window_end"_s, u"2026-03-02T00:00:00.000Z"_s},
                        {u"at"_s, u"2026-03-01T12:00:00.000Z"_s},
                    }));

    // The same crossing again: the queue stays quiet, and so does a later flush.
    EXPECT_EQ(m_queue.offer(alert(u"t-a"_s, 80, 3)), 0);
    mustFlush();
    EXPECT_EQ(m_dispatcher->counters().pending, 0);
    EXPECT_EQ(m_receiver.requests().size(), 1);
    EXPECT_EQ(m_notifier->counters().recorded, 1);
    EXPECT_EQ(m_notifier->counters().enqueued, 1);
}

TEST_P(QuotaAlertNotifierTest, ADuplicateFromASecondProcessIsNotSentAgain)
{
    OtherProcess other = otherProcess();
    ASSERT_TRUE(other.repository);
    QuotaAlertQueue otherQueue;
    Notify::WebhookDispatcher otherDispatcher(m_clock, m_timers);
    QuotaAlertNotifier otherNotifier(otherQueue, *other.repository, otherDispatcher, m_clock);

    m_queue.offer(alert(u"t-a"_s, 90)); // 80 and 90
    mustFlush();
    ASSERT_TRUE(delivered(2));

    // The other server saw the same requests cross 80 and 90 %, then 95 %.
    otherQueue.offer(alert(u"t-a"_s, 95, 1));
    mustFlush(otherNotifier);
    EXPECT_EQ(otherNotifier.counters().duplicates, 2);
    EXPECT_EQ(otherNotifier.counters().recorded, 1);
    EXPECT_EQ(otherNotifier.counters().enqueued, 1);
    ASSERT_TRUE(waitUntil([&] { return m_receiver.requests().size() >= 3 && otherDispatcher.counters().pending == 0; }));
    EXPECT_EQ(otherDispatcher.counters().attempts, 1);
    QList<int> thresholds;
    for (const WebhookReceiver::Request &r : m_receiver.requests())
        thresholds.append(r.json().value("data"_L1).toObject().value("threshold"_L1).toInt());
    std::sort(thresholds.begin(), thresholds.end());
    EXPECT_EQ(thresholds, (QList<int>{80, 90, 95}));
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM quota_alerts"_s), 3);
}

TEST_P(QuotaAlertNotifierTest, ATenantWithoutAWebhookIsRecordedButNotSent)
{
    m_queue.offer(alert(u"t-b"_s, 100));
    mustFlush();
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM quota_alerts WHERE tenant_id = 't-b'"_s), 4);
    EXPECT_EQ(m_notifier->counters().withoutWebhook, 4);
    EXPECT_EQ(m_notifier->counters().enqueued, 0);
    EXPECT_EQ(m_dispatcher->counters().pending, 0);
    EXPECT_EQ(m_dispatcher->counters().attempts, 0);
    EXPECT_TRUE(m_receiver.requests().isEmpty());
}

TEST_P(QuotaAlertNotifierTest, ACatalogFailureHoldsTheAlertsForTheNextFlush)
{
    m_queue.offer(alert(u"t-a"_s, 80));
    QSqlDatabase db = m_catalog->connection().value();
    ASSERT_TRUE(QSqlQuery(db).exec(u"ALTER TABLE quota_alerts RENAME TO quota_alerts_away"_s));
    const Status failed = m_notifier->flush();
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, u"database-error"_s);
    EXPECT_EQ(m_notifier->held(), 1);
    EXPECT_EQ(m_queue.size(), 0);
    EXPECT_EQ(m_dispatcher->counters().pending, 0);

    // Still failing, with a new alert arriving meanwhile: both are held.
    m_queue.offer(alert(u"t-a"_s, 90, 1));
    EXPECT_FALSE(m_notifier->flush().ok());
    EXPECT_EQ(m_notifier->held(), 2);

    ASSERT_TRUE(QSqlQuery(db).exec(u"ALTER TABLE quota_alerts_away RENAME TO quota_alerts"_s));
    mustFlush();
    EXPECT_EQ(m_notifier->held(), 0);
    ASSERT_TRUE(delivered(2));
    EXPECT_EQ(m_receiver.requests().size(), 2);
    EXPECT_EQ(m_notifier->counters().failedFlushes, 2);
}

TEST_P(QuotaAlertNotifierTest, HeldAlertsAreBounded)
{
    QuotaAlertNotifier small(m_queue, *m_repository, *m_dispatcher, m_clock, 2);
    m_queue.offer(alert(u"t-b"_s, 100)); // four levels
    QSqlDatabase db = m_catalog->connection().value();
    ASSERT_TRUE(QSqlQuery(db).exec(u"ALTER TABLE quota_alerts RENAME TO quota_alerts_away"_s));
    EXPECT_FALSE(small.flush().ok());
    EXPECT_EQ(small.held(), 2);
    EXPECT_EQ(small.counters().dropped, 2);
    ASSERT_TRUE(QSqlQuery(db).exec(u"ALTER TABLE quota_alerts_away RENAME TO quota_alerts"_s));
    mustFlush(small);
    // The oldest (lowest) levels were kept.
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM quota_alerts WHERE threshold IN (80, 90)"_s), 2);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM quota_alerts"_s), 2);
}

TEST_P(QuotaAlertNotifierTest, NothingToDoTouchesNothing)
{
    mustFlush();
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM quota_alerts"_s), 0);
    EXPECT_EQ(scalar(u"SELECT value FROM catalog_state WHERE name = 'quota_alerts_last_id'"_s), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, QuotaAlertNotifierTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
