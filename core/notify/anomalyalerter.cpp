#include "core/notify/anomalyalerter.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Notify {

AnomalyAlerter::AnomalyAlerter(WebhookSender &sender, WebhookTarget target, int intervalSeconds, const Clock &clock)
    : m_sender(sender)
    , m_target(std::move(target))
    , m_intervalSeconds(intervalSeconds)
    , m_clock(clock)
{
}

Result<QString> AnomalyAlerter::alert(const Observe::Anomaly &anomaly, const QString &slug)
{
    return m_sender.enqueue(m_target, QString::fromLatin1(eventType), data(anomaly, slug, m_intervalSeconds, m_clock.now()));
}

QJsonObject AnomalyAlerter::data(const Observe::Anomaly &anomaly, const QString &slug, int intervalSeconds,
                                 const QDateTime &detectedAt)
{
    return {
        {u"tenant_id"_s, anomaly.tenantId},
        {u"slug"_s, slug},
        {u"signal"_s, anomaly.signal},
        {u"value"_s, anomaly.value},
        {u"expected"_s, anomaly.expected},
        {u"score"_s, anomaly.score},
        {u"interval_seconds"_s, intervalSeconds},
        {u"detected_at"_s, detectedAt.toUTC().toString(Qt::ISODateWithMs)},
    };
}

} // namespace Tenantry::Notify
