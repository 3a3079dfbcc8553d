#include "core/notify/webhookdispatcher.h"

#include "core/notify/webhooksignature.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

// Per-attempt debug lines are off unless asked for (QT_LOGGING_RULES="tenantry.webhook.debug=true").
Q_LOGGING_CATEGORY(lcWebhook, "tenantry.webhook", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Tenantry::Notify {
namespace {

const char *const kTimedOut = "tenantryTimedOut";

QByteArray defaultUserAgent()
{
    const QString version = QCoreApplication::applicationVersion();
    return version.isEmpty() ? QByteArray("tenantry") : "Tenantry/" + version.toUtf8();
}

bool retryableStatus(int status)
{
    return status >= 500 || status == 408 || status == 429;
}

// Why an attempt failed, in words safe to log: QNetworkReply::errorString() can quote the
// whole URL, whose path or query may hold a token.
QString failureReason(int status, QNetworkReply::NetworkError error, bool timedOut)
{
    if (status != 0)
        return u"HTTP %1"_s.arg(status);
    if (timedOut)
        return u"no complete answer within the attempt timeout"_s;
    const char *name = QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(error);
    return name ? QString::fromLatin1(name) : u"network error %1"_s.arg(int(error));
}

QString seconds(std::chrono::milliseconds delay)
{
    return QString::number(double(delay.count()) / 1000.0, 'f', delay.count() < 10000 ? 3 : 0) + u" s"_s;
}

} // namespace

WebhookDispatcher::WebhookDispatcher(const Clock &clock, Timers &timers, WebhookPolicy policy, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timers(timers)
    , m_policy(std::move(policy))
    , m_userAgent(m_policy.userAgent.isEmpty() ? defaultUserAgent() : m_policy.userAgent)
    , m_network(new QNetworkAccessManager(this))
{
}

WebhookDispatcher::~WebhookDispatcher()
{
    // Replies finish synchronously when aborted; they must not call back into a half-destroyed object.
    for (QNetworkReply *reply : std::as_const(m_replies)) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
    }
    QMutexLocker lock(&m_mutex);
    if (!m_deliveries.empty()) {
        qCWarning(lcWebhook).noquote() << m_deliveries.size()
                                       << "webhook deliveries still pending were not sent: the sender stopped";
    }
}

Result<QString> WebhookDispatcher::enqueue(const WebhookTarget &target, const QString &eventType, const QJsonObject &data)
{
    auto valid = WebhookTarget::create(target.url.toString(QUrl::FullyEncoded), target.secret);
    if (!valid)
        return valid.error();
    if (eventType.isEmpty())
        return Error::invalid(u"webhook-event-type"_s, u"A webhook needs an event type such as anomaly.detected."_s);

    Delivery delivery;
    delivery.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    delivery.eventType = eventType;
    delivery.target = valid.value();
    delivery.destination = WebhookTarget::destination(delivery.target.url);
    delivery.body = QJsonDocument(QJsonObject{{u"id"_s, delivery.id},
                                              {u"type"_s, eventType},
                                              {u"created_at"_s, m_clock.now().toUTC().toString(Qt::ISODateWithMs)},
                                              {u"data"_s, data}})
                        .toJson(QJsonDocument::Compact);
    const QString id = delivery.id;

    QList<WebhookOutcome> dropped;
    {
        QMutexLocker lock(&m_mutex);
        m_deliveries.emplace(m_nextSeq++, std::move(delivery));
        // Full: the oldest that is not on the wire makes room (if all are, that is the new one).
        while (qsizetype(m_deliveries.size()) > qMax(m_policy.maxQueued, 0)) {
            auto oldest = std::find_if(m_deliveries.begin(), m_deliveries.end(),
                                       [](const auto &entry) { return entry.second.state != State::InFlight; });
            if (oldest == m_deliveries.end())
                break;
            const Delivery &d = oldest->second;
            dropped.append({d.id, d.eventType, false, d.attempts, 0,
                            Error::unavailable(u"webhook-dropped"_s,
                                               u"The webhook queue was full (%1 deliveries); this was the oldest waiting one."_s
                                                   .arg(m_policy.maxQueued))});
            ++m_counters.dropped;
            m_deliveries.erase(oldest);
        }
    }
    for (const WebhookOutcome &outcome : std::as_const(dropped)) {
        qCWarning(lcWebhook).noquote() << "dropped webhook" << outcome.eventType << outcome.deliveryId
                                       << "because the queue was full";
        // finished() is emitted on the dispatcher's thread, whichever thread enqueued.
        QMetaObject::invokeMethod(this, [this, outcome] { Q_EMIT finished(outcome); }, Qt::QueuedConnection);
    }
    if (!m_pumpQueued.exchange(true))
        QMetaObject::invokeMethod(this, &WebhookDispatcher::pump, Qt::QueuedConnection);
    return id;
}

WebhookCounters WebhookDispatcher::counters() const
{
    QMutexLocker lock(&m_mutex);
    WebhookCounters c = m_counters;
    c.pending = qint64(m_deliveries.size());
    c.inFlight = 0;
    for (int n : m_inFlightPerDestination)
        c.inFlight += n;
    return c;
}

void WebhookDispatcher::pump()
{
    m_pumpQueued.store(false);
    QList<Attempt> attempts;
    {
        QMutexLocker lock(&m_mutex);
        for (auto &[seq, d] : m_deliveries) {
            if (d.state != State::Ready)
                continue;
            int &busy = m_inFlightPerDestination[d.destination];
            if (busy >= qMax(m_policy.maxConcurrentPerDestination, 1))
                continue;
            ++busy;
            d.state = State::InFlight;
            ++d.attempts;
            ++m_counters.attempts;
            attempts.append({seq, d.id, d.eventType, d.target, d.destination, d.body, d.attempts});
        }
    }
    for (const Attempt &attempt : std::as_const(attempts))
        send(attempt);
}

void WebhookDispatcher::send(const Attempt &attempt)
{
    QNetworkRequest request(attempt.target.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader("Tenantry-Event", attempt.eventType.toUtf8());
    request.setRawHeader("Tenantry-Delivery", attempt.id.toLatin1());
    request.setRawHeader(WebhookSignature::headerName,
                         WebhookSignature::header(attempt.target.secret, m_clock.now().toSecsSinceEpoch(), attempt.body));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Receivers' cookies must not travel from one delivery to the next.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    QNetworkReply *reply = m_network->post(request, attempt.body);
    m_replies.insert(reply);
    // The receiver's answer is not used; reading it as it comes keeps a large one from piling up.
    connect(reply, &QIODevice::readyRead, this, [reply] { reply->skip(reply->bytesAvailable()); });
    connect(reply, &QNetworkReply::finished, this, [this, seq = attempt.seq, reply] { attemptFinished(seq, reply); });
    QTimer::singleShot(m_policy.attemptTimeout, reply, [reply] {
        reply->setProperty(kTimedOut, true);
        reply->abort();
    });
    qCDebug(lcWebhook).noquote() << "sending" << attempt.eventType << attempt.id << "to" << attempt.destination
                                 << "attempt" << attempt.number << "of" << m_policy.maxAttempts;
}

void WebhookDispatcher::attemptFinished(quint64 seq, QNetworkReply *reply)
{
    m_replies.remove(reply);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool timedOut = reply->property(kTimedOut).toBool();
    const QString reason = failureReason(status, reply->error(), timedOut);
    const bool success = status >= 200 && status < 300 && !timedOut;
    const bool retryable = !success && (status == 0 || retryableStatus(status));
    const auto retryAfter = WebhookPolicy::parseRetryAfter(reply->rawHeader("Retry-After"), m_clock.now());

    std::optional<WebhookOutcome> outcome;
    std::chrono::milliseconds delay{0};
    QString destination;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_deliveries.find(seq);
        if (it == m_deliveries.end())
            return; // cannot happen: deliveries in flight are never dropped
        Delivery &d = it->second;
        destination = d.destination;
        if (--m_inFlightPerDestination[d.destination] <= 0)
            m_inFlightPerDestination.remove(d.destination);
        if (success) {
            outcome = WebhookOutcome{d.id, d.eventType, true, d.attempts, status, {}};
            ++m_counters.delivered;
        } else if (!retryable) {
            outcome = WebhookOutcome{d.id, d.eventType, false, d.attempts, status,
                                     Error::unavailable(u"webhook-rejected"_s,
                                                        u"The receiver answered %1, which is not retried."_s.arg(reason))};
            ++m_counters.failed;
        } else if (d.attempts >= m_policy.maxAttempts) {
            outcome = WebhookOutcome{d.id, d.eventType, false, d.attempts, status,
                                     Error::unavailable(u"webhook-gave-up"_s,
                                                        u"Gave up after %1 attempts; the last failed with %2."_s
                                                            .arg(d.attempts)
                                                            .arg(reason))};
            ++m_counters.failed;
        } else {
            d.state = State::Waiting;
            delay = m_policy.retryDelay(d.attempts, QRandomGenerator::global()->generateDouble(), retryAfter);
            qCInfo(lcWebhook).noquote() << "webhook" << d.eventType << d.id << "to" << d.destination << "attempt"
                                        << d.attempts << "of" << m_policy.maxAttempts << "failed with" << reason
                                        << "- retrying in" << seconds(delay);
        }
        if (outcome)
            m_deliveries.erase(it);
    }

    if (outcome) {
        if (outcome->delivered) {
            qCInfo(lcWebhook).noquote() << "delivered webhook" << outcome->eventType << outcome->deliveryId << "to"
                                        << destination << "on attempt" << outcome->attempts;
        } else {
            qCWarning(lcWebhook).noquote() << "webhook" << outcome->eventType << outcome->deliveryId << "to"
                                           << destination << "failed:" << outcome->error.code << "-"
                                           << outcome->error.message;
        }
        Q_EMIT finished(*outcome);
    } else {
        m_timers.callAfter(delay, this, [this, seq] { retryDue(seq); });
    }
    pump(); // a slot for this destination is free again
}

void WebhookDispatcher::retryDue(quint64 seq)
{
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_deliveries.find(seq);
        if (it == m_deliveries.end() || it->second.state != State::Waiting)
            return; // dropped from a full queue meanwhile
        it->second.state = State::Ready;
    }
    pump();
}

} // namespace Tenantry::Notify
