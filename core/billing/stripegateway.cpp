#include "core/billing/stripegateway.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <future>

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {
namespace {

QByteArray formField(const QByteArray &key, const QString &value)
{
    // Form encoding by hand: QUrlQuery leaves '+' as it is, which a form decoder reads as a space.
    return QUrl::toPercentEncoding(QString::fromLatin1(key)) + '=' + QUrl::toPercentEncoding(value);
}

QByteArray formBody(const PaymentRequest &request)
{
    QList<QByteArray> fields{formField("amount", QString::number(request.amount.minor())),
                             formField("currency", request.amount.currency().code.toLower()),
                             formField("confirm", u"true"_s),
                             formField("off_session", u"true"_s),
                             formField("description", request.description),
                             formField("metadata[invoice_id]", request.invoiceId),
                             formField("metadata[tenant_id]", request.tenantId)};
    if (!request.customerReference.isEmpty())
        fields.append(formField("customer", request.customerReference));
    return fields.join('&');
}

Result<PaymentOutcome> interpret(int status, const QByteArray &body, QNetworkReply::NetworkError error,
                                 const QString &errorText)
{
    if (status == 0) {
        return Error::unavailable(u"gateway-unavailable"_s,
                                  u"The payment gateway did not answer (%1); the attempt is retried with the same key."_s
                                      .arg(errorText));
    }
    Q_UNUSED(error);
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QJsonObject problem = json.value(u"error"_s).toObject();
    const QString message = problem.value(u"message"_s).toString();
    if (status == 200) {
        PaymentOutcome outcome;
        outcome.reference = json.value(u"id"_s).toString();
        const QString state = json.value(u"status"_s).toString();
        if (state == u"succeeded"_s) {
            outcome.state = PaymentOutcome::State::Succeeded;
        } else if (state == u"requires_action"_s) {
            outcome.state = PaymentOutcome::State::RequiresAction;
        } else if (state == u"processing"_s) {
            outcome.state = PaymentOutcome::State::Pending;
        } else if (state == u"requires_payment_method"_s || state == u"canceled"_s) {
            const QJsonObject last = json.value(u"last_payment_error"_s).toObject();
            outcome.state = PaymentOutcome::State::Declined;
            outcome.failureCode = last.value(u"code"_s).toString(state);
            outcome.failureMessage = last.value(u"message"_s).toString();
        } else {
            return Error::unavailable(u"gateway-unavailable"_s,
                                      u"The payment gateway answered with an unknown status '%1'."_s.arg(state));
        }
        return outcome;
    }
    if (status == 402) {
        PaymentOutcome outcome;
        outcome.state = PaymentOutcome::State::Declined;
        const QString code = problem.value(u"code"_s).toString(u"card_declined"_s);
        const QString decline = problem.value(u"decline_code"_s).toString();
        outcome.failureCode = decline.isEmpty() ? code : code + u'/' + decline;
        outcome.failureMessage = message;
        outcome.reference = problem.value(u"payment_intent"_s).toObject().value(u"id"_s).toString();
        return outcome;
    }
    if (status == 400 && problem.value(u"type"_s).toString() == u"idempotency_error"_s)
        return Error::conflict(u"idempotency-key-reused"_s, u"The gateway refused the idempotency key: %1"_s.arg(message));
    if (status == 401 || status == 403)
        return Error::unauthenticated(u"gateway-unauthorized"_s,
                                      u"The payment gateway refused the secret key (HTTP %1)."_s.arg(status));
    // 409: Stripe is still working on a request with this key; 429: slow down; 5xx: its fault.
    if (status == 409 || status == 429 || status >= 500)
        return Error::unavailable(u"gateway-unavailable"_s,
                                  u"The payment gateway answered HTTP %1: %2"_s.arg(status).arg(message));
    return Error::invalid(u"invalid-payment"_s, u"The payment gateway refused the payment (HTTP %1): %2"_s.arg(status).arg(message));
}

} // namespace

StripeGateway::StripeGateway(StripeSettings settings)
    : m_settings(std::move(settings))
{
    m_thread.setObjectName(u"stripe-gateway"_s);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_context, [this] { m_network = new QNetworkAccessManager; }, Qt::BlockingQueuedConnection);
}

StripeGateway::~StripeGateway()
{
    QMetaObject::invokeMethod(m_context, [this] { delete m_network; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread has ended

}

Result<PaymentOutcome> StripeGateway::collect(const PaymentRequest &request)
{
    if (request.amount.minor() <= 0)
        return Error::invalid(u"invalid-payment"_s, u"A payment needs an amount above zero."_s);
    if (request.idempotencyKey.isEmpty())
        return Error::invalid(u"invalid-payment"_s, u"Every payment needs an idempotency key."_s);
    if (QThread::currentThread() == &m_thread)
        return Error::internal(u"StripeGateway::collect() was called on its own thread."_s);

    std::promise<Result<PaymentOutcome>> answered;
    auto answer = answered.get_future();
    QUrl url = m_settings.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/v1/payment_intents"_s);
    const QByteArray body = formBody(request);
    QMetaObject::invokeMethod(m_context, [this, url, body, key = request.idempotencyKey, &answered] {
        QNetworkRequest http(url);
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        http.setRawHeader("Authorization", "Bearer " + m_settings.secretKey.toUtf8());
        http.setRawHeader("Idempotency-Key", key.toUtf8());
        http.setTransferTimeout(m_settings.timeoutMs);
        QNetworkReply *reply = m_network->post(http, body);
        // The caller waits on `answered`, so it outlives the reply.
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &answered] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answered.set_value(interpret(status, reply->readAll(), reply->error(), reply->errorString()));
            reply->deleteLater();
        });
    });
    return answer.get();
}

} // namespace Tenantry::Billing
