#pragma once

#include "core/base/clock.h"
#include "core/base/timers.h"
#include "core/notify/webhookpolicy.h"
#include "core/notify/webhooksender.h"

#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <atomic>
#include <map>

class QNetworkAccessManager;
class QNetworkReply;

Q_DECLARE_LOGGING_CATEGORY(lcWebhook)

namespace Tenantry::Notify {

// Figures for /metrics-style reporting, since the dispatcher was created.
struct WebhookCounters {
    qint64 delivered = 0; // deliveries a receiver accepted with a 2xx status
    qint64 failed = 0;    // deliveries given up: a final status, or the last attempt failed
    qint64 dropped = 0;   // deliveries pushed out of a full queue before they were sent
    qint64 attempts = 0;  // HTTP attempts started, retries included
    qint64 pending = 0;   // deliveries held now: waiting, waiting to retry or in flight
    qint64 inFlight = 0;  // attempts on the wire now
};

// How one delivery ended, reported once per delivery by WebhookDispatcher::finished.
struct WebhookOutcome {
    QString deliveryId;
    QString eventType;
    bool delivered = false;
    int attempts = 0;   // 0 when dropped before the first
    int httpStatus = 0; // of the last attempt; 0 when it got no response
    // When not delivered, kind Unavailable:
    //   webhook-rejected  the receiver answered a status that is not retried (3xx, most 4xx)
    //   webhook-gave-up   the last allowed attempt failed too
    //   webhook-dropped   the queue was full and this was its oldest waiting delivery
    Error error;
};

// The real WebhookSender: POSTs signed JSON events with QNetworkAccessManager and retries
// with back-off (see WebhookPolicy). Every delivery's body is
//   {"id": "<delivery id>", "type": "<event type>", "created_at": "<ISO 8601 UTC>", "data": {...}}
// with headers Content-Type: application/json, User-Agent, Tenantry-Event, Tenantry-Delivery
// (the same on every retry, so receivers can drop duplicates) and Tenantry-Signature (see
// WebhookSignature), signed again with each attempt's time.
//
// Retried: connection errors, timeouts, 5xx, 408 and 429 (waiting at least as long as a
// Retry-After asks, within WebhookPolicy::maxRetryAfter). Final at once: 3xx (redirects are
// not followed, so a signed body never goes somewhere unexpected) and every other 4xx.
//
// The dispatcher works on the thread whose event loop it lives on; enqueue() may be called
// from any thread, only takes a short lock, and never waits for the network. Deliveries are
// held in memory only: those still pending when the dispatcher is destroyed are lost (and
// logged). Logs go to the `tenantry.webhook` category and name destinations as
// scheme://host:port only — never a path, query or secret.
class WebhookDispatcher final : public QObject, public WebhookSender
{
    Q_OBJECT

public:
    // `clock` dates payloads and signatures and `timers` times the retries; both are
    // borrowed and must outlive the dispatcher.
    WebhookDispatcher(const Clock &clock, Timers &timers, WebhookPolicy policy = {}, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    // Errors as WebhookTarget::create, or `webhook-event-type` for an empty type.
    Result<QString> enqueue(const WebhookTarget &target, const QString &eventType, const QJsonObject &data) override;

    WebhookCounters counters() const;
    const WebhookPolicy &policy() const { return m_policy; }

Q_SIGNALS:
    // Emitted on the dispatcher's thread once per delivery, when it is delivered, given up or dropped.
    void finished(const Tenantry::Notify::WebhookOutcome &outcome);

private:
    enum class State { Ready, Waiting, InFlight };
    struct Delivery {
        QString id;
        QString eventType;
        WebhookTarget target;
        QString destination;
        QByteArray body;
        int attempts = 0;
        State state = State::Ready;
    };
    struct Attempt {
        quint64 seq;
        QString id;
        QString eventType;
        WebhookTarget target;
        QString destination;
        QByteArray body;
        int number;
    };

    void pump();
    void send(const Attempt &attempt);
    void attemptFinished(quint64 seq, QNetworkReply *reply);
    void retryDue(quint64 seq);

    const Clock &m_clock;
    Timers &m_timers;
    const WebhookPolicy m_policy;
    const QByteArray m_userAgent;
    QNetworkAccessManager *m_network;
    QSet<QNetworkReply *> m_replies; // dispatcher thread only

    mutable QMutex m_mutex; // guards everything below
    std::map<quint64, Delivery> m_deliveries; // keyed by enqueue order, so begin() is the oldest
    QHash<QString, int> m_inFlightPerDestination;
    quint64 m_nextSeq = 0;
    WebhookCounters m_counters;

    std::atomic<bool> m_pumpQueued{false};
};

} // namespace Tenantry::Notify
