#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace Tenantry::Billing {

// What one billing run did.
struct BillingRunReport {
    int renewed = 0;            // periods closed and renewed
    int invoiced = 0;           // invoices issued
    int paymentsSucceeded = 0;
    int paymentsFailed = 0;     // declined or unreachable
    int pastDue = 0;            // subscriptions that fell behind (failure or an overdue invoice)
    int degraded = 0;
    int suspended = 0;
    QStringList problems;       // per tenant, what could not be done (the run goes on)
    bool stopped = false;       // stopped by its control before the end; the rest is for the next run
};

// What watches a billing run: both may be empty. Called on the running thread.
struct BillingRunControl {
    // The stage now running ("renewing", "collecting", "overdue", "dunning") and, while
    // renewing, how many periods were renewed so far.
    std::function<void(const QString &stage, int renewed)> progress;
    // True stops the run before its next renewal or stage.
    std::function<bool()> stop;
};


} // namespace Tenantry::Billing
