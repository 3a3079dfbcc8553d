#pragma once

#include "core/base/clock.h"
#include "core/notify/webhooksender.h"
#include "core/observe/anomalydetector.h"

namespace Tenantry::Notify {

// Turns each anomaly the server detects into an "anomaly.detected" webhook to the
// operator's alert endpoint, with data
//   {tenant_id, slug, signal, value, expected, score, interval_seconds, detected_at}.
// Thread-safe as far as the sender is (WebhookDispatcher is).
class AnomalyAlerter
{
public:
    static constexpr const char *eventType = "anomaly.detected";

    // `sender` and `clock` are borrowed and must outlive the alerter.
    AnomalyAlerter(WebhookSender &sender, WebhookTarget target, int intervalSeconds, const Clock &clock);

    // Queues the webhook for `anomaly` of the tenant now called `slug`; returns the delivery id.
    Result<QString> alert(const Observe::Anomaly &anomaly, const QString &slug);

    // The event's "data" object; detected_at is ISO 8601 UTC with milliseconds.
    static QJsonObject data(const Observe::Anomaly &anomaly, const QString &slug, int intervalSeconds,
                            const QDateTime &detectedAt);

private:
    WebhookSender &m_sender;
    const WebhookTarget m_target;
    const int m_intervalSeconds;
    const Clock &m_clock;
};

} // namespace Tenantry::Notify
