#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/billing/billingperiod.h"
#include "core/billing/billingsettings.h"
#include "core/billing/invoice.h"
#include "core/billing/planchange.h"
#include "core/billing/subscription.h"
#include "core/storage/auditrecorder.h"
#include "core/storage/billingsettingsstore.h"
#include "core/storage/catalog.h"
#include "core/storage/planpricingstore.h"
#include "core/tenancy/tenant.h"
#include "core/tenancy/tenantdirectory.h"

#include <optional>

namespace Tenantry::Storage {

struct SubscribeRequest {
    QString plan;
    QString cycle = QStringLiteral("monthly");
    bool trial = true;          // start with the plan's trial days, if it has any
    QString paymentCustomer;    // the tenant's customer at the payment gateway, if known
};

// The plan change types live with billing, where the console's BillingService uses them too.
using PlanChangeRequest = Billing::PlanChangeRequest;
using PlanChangeQuote = Billing::PlanChangeQuote;

// Tenants' subscriptions: one per tenant, with its history (subscription_events), the
// tenant's plan kept equal to the subscription's, and every change audited, all in one
// transaction. Thread-safe.
class SubscriptionService final
{
public:
    SubscriptionService(Catalog &catalog, AuditRecorder &audit, TenantDirectory &directory,
                        BillingSettingsStore &settings, PlanPricingStore &plans, const Clock &clock);

    // Errors: NotFound "subscription-not-found".
    Result<Billing::Subscription> subscription(const Tenant &tenant);
    Result<QList<Billing::Subscription>> subscriptions();
    Result<QList<Billing::SubscriptionEvent>> history(const Tenant &tenant);

    // Subscribes a tenant that has no subscription (or only a canceled one): trialing for the
    // plan's trial days (the first paid period starts when the trial ends), else active with
    // the first period's fee invoiced by the next invoice run. Errors: Conflict
    // "subscription-exists", NotFound "plan-not-found", Invalid "plan-not-for-sale",
    // "cycle-not-offered", "invalid-cycle", Conflict "tenant-not-billable" (deleted tenants).
    Result<Billing::Subscription> subscribe(const Actor &actor, const Tenant &tenant, const SubscribeRequest &request);

    // What `request` would book, without booking it. Errors as change().
    Result<PlanChangeQuote> preview(const Tenant &tenant, const PlanChangeRequest &request);
    // Books the change: an immediate one switches the plan now and leaves its credit and charge
    // for the next invoice; one at period end is scheduled (replacing any scheduled before).
    // With the `atMs` of a preview the amounts are exactly the preview's. Errors:
    // "subscription-not-found", "plan-not-found", "plan-not-for-sale", "cycle-not-offered",
    // Invalid "same-plan", "currency-mismatch", Conflict "subscription-not-changeable"
    // (degraded, suspended or canceled), Conflict "preview-stale" (the subscription changed
    // after `atMs`, or `atMs` is more than 15 minutes old or in the future).
    Result<PlanChangeQuote> change(const Actor &actor, const Tenant &tenant, const PlanChangeRequest &request);

    // Cancels at the period's end (the last invoice is the period's usage), or at once.
    Result<Billing::Subscription> cancel(const Actor &actor, const Tenant &tenant, bool atPeriodEnd);
    // Sets the tenant's customer at the payment gateway.
    Result<Billing::Subscription> setPaymentCustomer(const Actor &actor, const Tenant &tenant, const QString &customer);

    static constexpr qint64 kPreviewValidityMs = 15 * 60 * 1000;

private:
    Result<PlanChangeQuote> quote(QSqlDatabase &db, const Billing::Subscription &current,
                                  const PlanChangeRequest &request, qint64 atMs);

    Catalog &m_catalog;
    AuditRecorder &m_audit;
    TenantDirectory &m_directory;
    BillingSettingsStore &m_settings;
    PlanPricingStore &m_plans;
    const Clock &m_clock;
};

// The JSON an API shows for a subscription and for one history entry.
QJsonObject subscriptionToJson(const Billing::Subscription &subscription);
QJsonObject subscriptionEventToJson(const Billing::SubscriptionEvent &event);
QJsonObject planChangeQuoteToJson(const PlanChangeQuote &quote);

// Read what subscriptionToJson() and planChangeQuoteToJson() write back into equal values
// (times to the millisecond; a quote's lines as the fixed amounts they are), for clients of
// the API. Fields they do not know, such as the "tenant" slug of a list item, are ignored.
// Errors: Invalid "invalid-subscription-document" / "invalid-plan-change-document", with
// every bad field by its JSON pointer. Thread safety: pure.
Result<Billing::Subscription> subscriptionFromJson(const QJsonObject &json);
Result<PlanChangeQuote> planChangeQuoteFromJson(const QJsonObject &json);

} // namespace Tenantry::Storage
