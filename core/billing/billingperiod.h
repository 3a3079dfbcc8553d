#pragma once

#include "core/base/result.h"

#include <QString>

namespace Tenantry::Billing {

// How often a subscription is billed.
enum class BillingCycle { Monthly, Yearly };

// "monthly" or "yearly".
QString billingCycleName(BillingCycle cycle);
// Parses a name billingCycleName() gives; false when unknown.
bool parseBillingCycle(const QString &name, BillingCycle *out);

// One billing period [startMs, endMs), UTC milliseconds.
struct BillingPeriod {
    qint64 startMs = 0;
    qint64 endMs = 0;

    qint64 lengthMs() const { return endMs - startMs; }
    bool contains(qint64 atMs) const { return atMs >= startMs && atMs < endMs; }
    bool operator==(const BillingPeriod &other) const = default;
};

// Period number `index` (0 is the first) of a subscription anchored at `anchorMs`: it starts
// `index` months (or years) after the anchor, on the anchor's day of the month and time of
// day. Where a month has no such day the period starts on its last day instead (an anchor
// on 31 January renews on 28 or 29 February, then on 31 March again; 29 February renews
// on 28 February in common years), because every boundary is computed from the anchor, never
// from the previous boundary, so a short month never shifts the later ones.
BillingPeriod billingPeriodAt(qint64 anchorMs, BillingCycle cycle, int index);

// The period containing `atMs` (which must not be before the anchor; earlier times get the
// first period).
BillingPeriod billingPeriodContaining(qint64 anchorMs, BillingCycle cycle, qint64 atMs);

} // namespace Tenantry::Billing
