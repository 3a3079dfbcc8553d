#include "core/billing/paymentgateway.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {

QString paymentStateName(PaymentOutcome::State state)
{
    switch (state) {
    case PaymentOutcome::State::Succeeded:
        return u"succeeded"_s;
    case PaymentOutcome::State::Declined:
        return u"declined"_s;
    case PaymentOutcome::State::RequiresAction:
        return u"requires_action"_s;
    case PaymentOutcome::State::Pending:
        break;
    }
    return u"pending"_s;
}

} // namespace Tenantry::Billing
