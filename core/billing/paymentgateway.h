#pragma once

#include "core/base/result.h"
#include "core/billing/money.h"

#include <QString>

namespace Tenantry::Billing {

// A request to collect an invoice.
struct PaymentRequest {
    QString invoiceId;
    QString tenantId;
    Money amount;              // > 0
    QString customerReference; // the tenant's customer at the gateway ("" for the manual gateway)
    QString idempotencyKey;    // one per attempt; a retry after a timeout sends the same key again
    QString description;       // e.g. "Invoice INV-000042"
    QString manualReference;   // manual gateway: how the operator was paid (bank reference, cheque)
};

// What the gateway answered.
struct PaymentOutcome {
    enum class State { Succeeded, Declined, RequiresAction, Pending };
    State state = State::Pending;
    QString reference;      // the gateway's id for the payment ("pi_…", "manual:…")
    QString failureCode;    // declines: e.g. "card_declined/insufficient_funds"
    QString failureMessage;
};

// "succeeded", "declined", "requires_action", "pending".
QString paymentStateName(PaymentOutcome::State state);

// Collects money for invoices. Implementations are thread-safe, and collect() blocks the
// calling thread until the gateway answered or gave up; billing calls it from its own thread,
// never from the HTTP server's. Errors: Unavailable "gateway-unavailable" (no answer, or a
// server error: retrying with the SAME key is safe), Conflict "idempotency-key-reused" (the
// key was used with other parameters), Invalid "invalid-payment" (the gateway refused the
// request as malformed).
class PaymentGateway
{
public:
    virtual ~PaymentGateway() = default;
    virtual QString name() const = 0;
    virtual Result<PaymentOutcome> collect(const PaymentRequest &request) = 0;
};

} // namespace Tenantry::Billing
