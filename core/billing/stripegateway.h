#pragma once

#include "core/billing/paymentgateway.h"

#include <QThread>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace Tenantry::Billing {

struct StripeSettings {
    QUrl baseUrl{QStringLiteral("https://api.stripe.com")};
    QString secretKey;   // sent as a bearer token; never logged
    int timeoutMs = 10000;
};

// Collects invoices with Stripe's payment intents API (or anything that answers like it):
// POST {base}/v1/payment_intents, form-encoded, confirmed off-session against the tenant's
// customer, with the request's key as Idempotency-Key on every call, so a retry after a
// timeout is answered with the first call's result instead of charging again.
//
// collect() may be called from any thread, with or without an event loop: the HTTP client
// lives on a private thread and the caller waits for its answer, so no nested event loop
// runs on the caller's thread. Thread-safe.
class StripeGateway final : public PaymentGateway
{
public:
    explicit StripeGateway(StripeSettings settings);
    ~StripeGateway() override;

    QString name() const override { return QStringLiteral("stripe"); }
    Result<PaymentOutcome> collect(const PaymentRequest &request) override;

private:
    StripeSettings m_settings;
    QThread m_thread;
    QObject *m_context = nullptr;          // lives on m_thread
    QNetworkAccessManager *m_network = nullptr; // lives on m_thread
};

} // namespace Tenantry::Billing
