#include "core/billing/manualgateway.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {

Result<PaymentOutcome> ManualGateway::collect(const PaymentRequest &request)
{
    if (request.amount.minor() <= 0)
        return Error::invalid(u"invalid-payment"_s, u"A payment needs an amount above zero."_s);
    QMutexLocker lock(&m_mutex);
    if (auto it = m_keys.constFind(request.idempotencyKey); it != m_keys.constEnd()) {
        if (it->invoiceId != request.invoiceId || it->amountMinor != request.amount.minor())
            return Error::conflict(u"idempotency-key-reused"_s,
                                   u"The idempotency key was already used for another payment."_s);
        return it->outcome;
    }
    PaymentOutcome outcome;
    if (request.manualReference.trimmed().isEmpty()) {
        outcome.state = PaymentOutcome::State::Pending;
        outcome.failureMessage = u"Waits for an operator to record the payment."_s;
    } else {
        outcome.state = PaymentOutcome::State::Succeeded;
        outcome.reference = u"manual:"_s + request.manualReference.trimmed();
    }
    m_keys.insert(request.idempotencyKey, {request.invoiceId, request.amount.minor(), outcome});
    return outcome;
}

} // namespace Tenantry::Billing
