#include "core/notify/anomalyalerter.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Notify;
using namespace Qt::StringLiterals;

namespace {

// Records what would be sent instead of sending it.
class RecordingSender final : public WebhookSender
{
public:
    struct Sent {
        WebhookTarget target;
        QString eventType;
        QJsonObject data;
    };
    Result<QString> enqueue(const WebhookTarget &target, const QString &eventType, const QJsonObject &data) override
    {
        sent.append({target, eventType, data});
        return u"delivery-%1"_s.arg(sent.size());
    }
    QList<Sent> sent;
};

const WebhookTarget kTarget{QUrl(u"https://ops.example.com/alerts"_s), "ops-secret-0123456789"};

} // namespace

TEST(AnomalyAlerter, SendsOneAnomalyDetectedEventPerAnomaly)
{
    RecordingSender sender;
    ManualClock clock(QDateTime::fromString(u"2024-05-01T12:00:00.250Z"_s, Qt::ISODateWithMs));
    AnomalyAlerter alerter(sender, kTarget, 60, clock);

    const Observe::Anomaly acme{u"id-acme"_s, u"request_rate"_s, 900, 20.5, 42.25};
    const Observe::Anomaly globex{u"id-globex"_s, u"auth_failures"_s, 50, 1, 12};
    const auto first = alerter.alert(acme, u"acme"_s);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first.value(), u"delivery-1"_s);
    clock.advanceSeconds(60);
    ASSERT_TRUE(alerter.alert(globex, u"globex"_s).ok());

    ASSERT_EQ(sender.sent.size(), 2);
    const auto &sent = sender.sent.first();
    EXPECT_EQ(sent.eventType, u"anomaly.detected"_s);
    EXPECT_EQ(sent.target.url, kTarget.url);
    EXPECT_EQ(sent.target.secret, kTarget.secret);
    EXPECT_EQ(sent.data, (QJsonObject{{u"tenant_id"_s, u"id-acme"_s},
                                      {u"slug"_s, u"acme"_s},
                                      {u"signal"_s, u"request_rate"_s},
                                      {u"value"_s, 900.0},
                                      {u"expected"_s, 20.5},
                                      {u"score"_s, 42.25},
                                      {u"interval_seconds"_s, 60},
                                      {u"detected_at"_s, u"2024-05-01T12:00:00.250Z"_s}}));
    // Each event names its own tenant only.
    const QJsonObject second = sender.sent.at(1).data;
    EXPECT_EQ(second.value(u"tenant_id"_s).toString(), u"id-globex"_s);
    EXPECT_EQ(second.value(u"slug"_s).toString(), u"globex"_s);
    EXPECT_EQ(second.value(u"detected_at"_s).toString(), u"2024-05-01T12:01:00.250Z"_s);
    EXPECT_FALSE(QJsonDocument(second).toJson().contains("acme"));
}
