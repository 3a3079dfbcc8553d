#pragma once

#include "core/base/result.h"
#include "core/tenancy/audit.h"
#include "core/billing/billingrun.h"
#include "core/billing/invoice.h"
#include "core/billing/planchange.h"
#include "core/billing/subscription.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace Tenantry::Billing {

// A subscription with the slug of its tenant, as lists show it.
struct SubscriptionRow {
    QString tenantSlug;
    Subscription subscription;
};

// A plan on sale, as the console offers it for a plan change.
struct PlanOffer {
    QString name;
    QString displayName;
    std::optional<Money> monthlyFee; // nullopt: the cycle is not offered
    std::optional<Money> yearlyFee;
};

// What the console reads and does of billing: subscriptions, plan changes, invoices and
// invoice documents. The seam
// between the widgets and billing's services, so the same page can show an embedded catalog
// or (later) a remote server. Implementations are thread-safe.
class BillingService
{
public:
    virtual ~BillingService() = default;

    // Every tenant's subscription, by tenant slug.
    virtual Result<QList<SubscriptionRow>> subscriptionRows() = 0;
    // Invoices and credit notes, newest first: of the tenant `tenantSlug`, or of every
    // tenant when empty. Errors: NotFound "tenant-not-found".
    virtual Result<QList<Invoice>> invoiceList(const QString &tenantSlug, int limit) = 0;
    // The invoice `idOrNumber` as PDF. Errors: NotFound "invoice-not-found", Internal
    // "pdf-render-failed".
    virtual Result<QByteArray> invoicePdf(const QString &idOrNumber) = 0;

    // The plans a subscription can move to, by name.
    virtual Result<QList<PlanOffer>> planOffers() = 0;
    // What moving the tenant `tenantSlug` as `request` asks would book, without booking it.
    // Errors: NotFound "tenant-not-found", "subscription-not-found", "plan-not-found";
    // Invalid "plan-not-for-sale", "cycle-not-offered", "same-plan"; Conflict
    // "subscription-not-changeable".
    virtual Result<PlanChangeQuote> previewPlanChange(const QString &tenantSlug, const PlanChangeRequest &request) = 0;
    // Books the change, audited as `actor`. With the preview's atMs it books exactly the
    // preview's amounts. Errors as previewPlanChange(), and Conflict "preview-stale" when the
    // subscription changed since (or the preview is over 15 minutes old).
    virtual Result<PlanChangeQuote> changePlan(const Actor &actor, const QString &tenantSlug,
                                               const PlanChangeRequest &request) = 0;

    // Runs billing now: renewals and their invoices, collection, overdue invoices, dunning,
    // as the server's schedule does. May take long (payments go out); `control` sees it.
    virtual Result<BillingRunReport> runBilling(const BillingRunControl &control) = 0;
};

} // namespace Tenantry::Billing
