#pragma once

#include <QString>

namespace Tenantry::Billing {

// Where a subscription stands. Trialing and Active are in good standing; PastDue has an
// unpaid invoice being retried; Degraded stopped retrying (writes refused, the free plan's
// quotas); Suspended is degraded for too long (the tenant is suspended); Canceled is final.
enum class SubscriptionStatus { Trialing, Active, PastDue, Degraded, Suspended, Canceled };

// "trialing", "active", "past_due", "degraded", "suspended", "canceled".
QString subscriptionStatusName(SubscriptionStatus status);
// Parses a name subscriptionStatusName() gives; false when unknown.
bool parseSubscriptionStatus(const QString &name, SubscriptionStatus *out);

// Whether a subscription may move from `from` to `to`. Canceled is final; a paid invoice
// brings every other status back to Active; dunning moves Active → PastDue → Degraded →
// Suspended one step at a time.
bool canMoveSubscription(SubscriptionStatus from, SubscriptionStatus to);

// Whether the tenant's writes are refused and its quotas are the free plan's because of
// unpaid invoices (Degraded and Suspended).
inline bool isDegraded(SubscriptionStatus status)
{
    return status == SubscriptionStatus::Degraded || status == SubscriptionStatus::Suspended;
}

} // namespace Tenantry::Billing
