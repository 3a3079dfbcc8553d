#include "tests/support/fakestripe.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {

class FakeStripe::Server final : public QAbstractHttpServer
{
public:
    explicit Server(FakeStripe &owner) : m_owner(owner) {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        int status = 404;
        QByteArray body = R"({"error": {"type": "invalid_request_error", "message": "Unrecognized request URL"}})";
        bool replayed = false;
        if (request.method() == QHttpServerRequest::Method::Post && request.url().path() == u"/v1/payment_intents"_s)
            m_owner.answer(request.value("Idempotency-Key"), request.value("Authorization"), request.body(), &status, &body,
                           &replayed);
        int delay = 0;
        {
            QMutexLocker lock(&m_owner.m_mutex);
            if (m_owner.m_delayed > 0) {
                --m_owner.m_delayed;
                delay = m_owner.m_delayMs;
            }
        }
        // The charge is made; only the answer is late, as when a network drops it.
        if (delay > 0)
            QThread::msleep(delay);
        QHttpServerResponse response("application/json", body, QHttpServerResponse::StatusCode(status));
        if (replayed)
            response.addHeader("Idempotent-Replayed", "true");
        response.write(makeResponder(request, socket));
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    FakeStripe &m_owner;
};

FakeStripe::FakeStripe()
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_server = new Server(*this);
            auto *tcp = new QTcpServer(m_server);
            if (tcp->listen(QHostAddress::LocalHost, 0)) {
                m_server->bind(tcp);
                m_port = tcp->serverPort();
            }
        },
        Qt::BlockingQueuedConnection);
}

FakeStripe::~FakeStripe()
{
    QMetaObject::invokeMethod(m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

QString FakeStripe::baseUrl() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

void FakeStripe::setCard(const QString &customer, Card card)
{
    QMutexLocker lock(&m_mutex);
    m_cards.insert(customer, card);
}

void FakeStripe::delayAnswers(int delayMs, int count)
{
    QMutexLocker lock(&m_mutex);
    m_delayMs = delayMs;
    m_delayed = count;
}

int FakeStripe::chargesOf(const QString &customer) const
{
    QMutexLocker lock(&m_mutex);
    return m_charges.value(customer);
}

int FakeStripe::requests() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_seen.size());
}

QList<FakeStripe::Seen> FakeStripe::seen() const
{
    QMutexLocker lock(&m_mutex);
    return m_seen;
}

void FakeStripe::answer(const QByteArray &key, const QByteArray &authorization, const QByteArray &body, int *status,
                        QByteArray *response, bool *replayed)
{
    QMutexLocker lock(&m_mutex);
    Seen seen{authorization, key, {}};
    const QUrlQuery form(QString::fromUtf8(body));
    for (const auto &[name, value] : form.queryItems(QUrl::FullyDecoded))
        seen.form.insert(name, value);
    m_seen.append(seen);
    const auto error = [&](int code, const char *type, const QString &message, const QJsonObject &extra = {}) {
        QJsonObject e = extra;
        e.insert(u"type"_s, QString::fromLatin1(type));
        e.insert(u"message"_s, message);
        *status = code;
        *response = QJsonDocument(QJsonObject{{u"error"_s, e}}).toJson(QJsonDocument::Compact);
    };
    if (authorization != "Bearer " + secretKey()) {
        error(401, "invalid_request_error", u"Invalid API Key provided."_s);
        return;
    }
    if (key.isEmpty()) {
        error(400, "invalid_request_error", u"This fake requires an Idempotency-Key on every request."_s);
        return;
    }
    if (auto it = m_keys.constFind(key); it != m_keys.constEnd()) {
        if (it->form != body) {
            error(400, "idempotency_error",
                  u"Keys for idempotent requests can only be used with the same parameters they were first used with."_s);
            return;
        }
        *status = it->status;
        *response = it->body;
        *replayed = true;
        return;
    }
    const QString customer = seen.form.value(u"customer"_s);
    const QString id = u"pi_fake_%1"_s.arg(m_nextId++);
    const QJsonObject intent{{u"id"_s, id},
                             {u"object"_s, u"payment_intent"_s},
                             {u"amount"_s, seen.form.value(u"amount"_s).toLongLong()},
                             {u"currency"_s, seen.form.value(u"currency"_s)},
                             {u"customer"_s, customer}};
    switch (m_cards.value(customer, Card::Succeeds)) {
    case Card::Succeeds: {
        QJsonObject ok = intent;
        ok.insert(u"status"_s, u"succeeded"_s);
        *status = 200;
        *response = QJsonDocument(ok).toJson(QJsonDocument::Compact);
        m_charges[customer] += 1;
        break;
    }
    case Card::RequiresAction: {
        QJsonObject action = intent;
        action.insert(u"status"_s, u"requires_action"_s);
        *status = 200;
        *response = QJsonDocument(action).toJson(QJsonDocument::Compact);
        break;
    }
    case Card::Declines:
        error(402, "card_error", u"Your card has insufficient funds."_s,
              {{u"code"_s, u"card_declined"_s}, {u"decline_code"_s, u"insufficient_funds"_s},
               {u"payment_intent"_s, QJsonObject{{u"id"_s, id}, {u"status"_s, u"requires_payment_method"_s}}}});
        break;
    case Card::ServerError:
        error(500, "api_error", u"Something went wrong on Stripe's end."_s);
        // Stripe does not store answers to requests that failed on its side.
        return;
    }
    m_keys.insert(key, {body, *status, *response});
}

} // namespace Tenantry::Testing
