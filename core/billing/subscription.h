#pragma once

#include "core/billing/subscriptionstatus.h"

#include <QJsonObject>
#include <QString>

namespace Tenantry::Billing {

// A tenant's one subscription, as stored (table subscriptions). Times are UTC ms.
struct Subscription {
    QString tenantId;
    QString plan;
    QString cycle;              // "monthly" or "yearly"
    SubscriptionStatus status = SubscriptionStatus::Active;
    qint64 anchorMs = 0;        // periods start on the anchor's day of month and time of day
    qint64 periodStartMs = 0;   // the current period [start, end)
    qint64 periodEndMs = 0;
    qint64 trialEndMs = 0;      // 0: no trial
    QString scheduledPlan;      // a change due at periodEndMs ("" for none)
    QString scheduledCycle;
    bool cancelAtPeriodEnd = false;
    int dunningAttempt = 0;     // failed retries of the oldest unpaid invoice
    qint64 nextRetryMs = 0;     // 0: none due
    qint64 pastDueSinceMs = 0;  // when its invoice first failed; 0 in good standing
    QString paymentCustomer;    // the tenant's customer at the payment gateway ("" for none)
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

// One entry of a subscription's history (table subscription_events), oldest first by id.
// `kind` is e.g. "created", "plan_changed", "change_scheduled", "renewed", "status_changed",
// "payment_failed", "payment_succeeded", "canceled"; `detail` says what changed.
struct SubscriptionEvent {
    qint64 id = 0;
    QString tenantId;
    qint64 atMs = 0;
    QString kind;
    QString actor;
    QJsonObject detail;
};

} // namespace Tenantry::Billing
