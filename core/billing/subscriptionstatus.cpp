#include "core/billing/subscriptionstatus.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {

QString subscriptionStatusName(SubscriptionStatus status)
{
    switch (status) {
    case SubscriptionStatus::Trialing: return u"trialing"_s;
    case SubscriptionStatus::Active: return u"active"_s;
    case SubscriptionStatus::PastDue: return u"past_due"_s;
    case SubscriptionStatus::Degraded: return u"degraded"_s;
    case SubscriptionStatus::Suspended: return u"suspended"_s;
    case SubscriptionStatus::Canceled: return u"canceled"_s;
    }
    return QString();
}

bool parseSubscriptionStatus(const QString &name, SubscriptionStatus *out)
{
    for (const SubscriptionStatus s : {SubscriptionStatus::Trialing, SubscriptionStatus::Active,
                                       SubscriptionStatus::PastDue, SubscriptionStatus::Degraded,
                                       SubscriptionStatus::Suspended, SubscriptionStatus::Canceled}) {
        if (name == subscriptionStatusName(s)) {
            *out = s;
            return true;
        }
    }
    return false;
}

bool canMoveSubscription(SubscriptionStatus from, SubscriptionStatus to)
{
    using S = SubscriptionStatus;
    if (from == to || from == S::Canceled)
        return false;
    switch (to) {
    case S::Trialing: return false; // a trial is only where a subscription starts
    case S::Active: return true;    // trial ended, or the unpaid invoice was paid
    case S::PastDue: return from == S::Active || from == S::Trialing;
    case S::Degraded: return from == S::PastDue;
    case S::Suspended: return from == S::Degraded;
    case S::Canceled: return true;
    }
    return false;
}

} // namespace Tenantry::Billing
