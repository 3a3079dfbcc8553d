#pragma once

#include "core/base/result.h"
#include "core/billing/billingperiod.h"
#include "core/billing/money.h"

namespace Tenantry::Billing {

// Proration is defined once, through the *earned value* of a fee: what a plan whose `fee`
// covers `period` has earned by `atMs`,
//
//     earned(fee, atMs) = roundHalfEven(fee × elapsed seconds / period seconds),
//
// clamped to the period (0 at its start, the whole fee at its end). Time counts in whole
// seconds: `atMs` is taken down to its second. What a fee is worth over any part [a, b) of
// the period is earned(b) − earned(a). Because every amount is a difference of the same
// rounded function, the parts of a period always add up to the fee exactly, and the
// prorations of any sequence of plan changes add up to exactly what the time spent on each
// plan is worth: no minor unit is lost or made up whatever the number of changes.
Result<Money> earnedValue(const Money &fee, const BillingPeriod &period, qint64 atMs);

// What `fee` is worth over [fromMs, toMs) of `period` (clamped to it): earned(to) − earned(from).
Result<Money> valueOver(const Money &fee, const BillingPeriod &period, qint64 fromMs, qint64 toMs);

// The two amounts of a plan change at `atMs` within `period`, both already paid fees for
// the whole period: a credit (negative) for the unused time of the old plan and a charge for
// the new plan for the rest of the period. Errors: "currency-mismatch",
// "amount-out-of-range", Invalid "change-outside-period" when `atMs` is not in the period.
struct PlanChangeProration {
    Money credit; // −valueOver(oldFee, at, end)
    Money charge; // valueOver(newFee, at, end)
    qint64 atMs = 0; // the change time as prorated (down to the second)
};
Result<PlanChangeProration> prorateChange(const Money &oldFee, const Money &newFee,
                                          const BillingPeriod &period, qint64 atMs);

} // namespace Tenantry::Billing
