#pragma once

#include "core/billing/billingperiod.h"
#include "core/billing/billingsettings.h"
#include "core/billing/invoice.h"

#include <QList>
#include <QString>

#include <optional>

namespace Tenantry::Billing {

// A plan change as asked for. `atMs` 0 means now; a preview's `at_ms` repeats its amounts.
struct PlanChangeRequest {
    QString plan;
    QString cycle;                              // "" keeps the cycle
    std::optional<ChangeTiming> timing;         // nullopt: the settings' policy for its direction
    qint64 atMs = 0;
};

// What a plan change costs, exactly as committing it at `atMs` books it.
struct PlanChangeQuote {
    QString fromPlan, fromCycle, toPlan, toCycle;
    QString direction;              // "upgrade", "downgrade" (by yearly price; equal is an upgrade)
    ChangeTiming timing = ChangeTiming::Immediate;
    qint64 atMs = 0;                // the instant the amounts are for (whole seconds)
    qint64 effectiveMs = 0;         // atMs, or the period's end for a change at period end
    BillingPeriod period;           // the current period
    QList<InvoiceLine> lines;       // the credit and the charge; none at period end
    Money net;                      // their sum: what the next invoice adds
};

} // namespace Tenantry::Billing
