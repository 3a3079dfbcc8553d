#pragma once

#include "core/base/result.h"
#include "core/billing/subscriptionstatus.h"

#include <QList>

namespace Tenantry::Billing {

// When failed payments are retried and what happens when they keep failing. Retries are
// counted from the first failure: with {1, 3, 5, 7} the invoice is charged again 1, 3, 5
// and 7 days after it first failed. When the last retry fails the subscription is degraded
// at once; `suspendAfterDays` later, still unpaid, it is suspended.
struct DunningSchedule {
    QList<int> retryAfterDays{1, 3, 5, 7};
    int suspendAfterDays = 7;

    // Days strictly increasing, 1..90, at most 10 retries; suspendAfterDays 1..365.
    // Errors: Invalid "invalid-dunning-schedule" with the field at fault.
    Status validate() const;
};

// Where one subscription's dunning stands, as stored.
struct DunningState {
    SubscriptionStatus status = SubscriptionStatus::Active;
    qint64 firstFailureMs = 0; // when the unpaid invoice first failed (PastDue and later)
    int retriesDone = 0;       // retries made since then
    qint64 degradedAtMs = 0;   // when it was degraded (Degraded and Suspended)
};

// What dunning does next for a subscription, and when.
struct DunningStep {
    enum class Kind { None, Retry, Degrade, Suspend };
    Kind kind = Kind::None;
    qint64 dueAtMs = 0;
    int retry = 0; // for Retry: which one (1-based)
};

// The next step of `state` under `schedule`: a retry when one is left, degrading once the
// retries are used up (due when the last one was), suspending `suspendAfterDays` after
// degrading; None in good standing, suspended or canceled. Pure: the caller runs a step
// when `nowMs >= dueAtMs`.
DunningStep nextDunningStep(const DunningSchedule &schedule, const DunningState &state);

} // namespace Tenantry::Billing
