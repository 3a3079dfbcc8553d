#pragma once

#include "core/base/clock.h"
#include "core/billing/billingservice.h"
#include "core/billing/paymentgateway.h"
#include "core/storage/billingsettingsstore.h"
#include "core/storage/invoiceservice.h"
#include "core/storage/meterrepository.h"
#include "core/storage/planpricingstore.h"
#include "core/storage/subscriptionservice.h"

#include <memory>

namespace Tenantry::App {

// Billing as every mode uses it (server, console, CLI): metering, settings, plan prices,
// the payment gateway, subscriptions and invoices over one catalog.
//
// It is also the console's Billing::BillingService, with invoices rendered as PDF by
// tenantry_documents.
//
// The gateway is Stripe's API when TENANTRY_STRIPE_SECRET_KEY is set (TENANTRY_STRIPE_URL
// points it at another Stripe-compatible endpoint), else the manual gateway: invoices wait
// for an operator to record their payment.
class BillingStack final : public Billing::BillingService
{
public:
    BillingStack(Storage::Catalog &catalog, Storage::AuditRecorder &audit, TenantDirectory &directory,
                 const Clock &clock);
    // Puts the shipped plans' prices into a catalog that has none yet (never overwrites).
    Status seed();

    Storage::MeterRepository &meter() { return m_meter; }
    Storage::BillingSettingsStore &settings() { return m_settings; }
    Storage::PlanPricingStore &plans() { return m_plans; }
    Billing::PaymentGateway &gateway() { return *m_gateway; }
    Storage::SubscriptionService &subscriptions() { return m_subscriptions; }
    Storage::InvoiceService &invoices() { return m_invoices; }

    Result<QList<Billing::SubscriptionRow>> subscriptionRows() override;
    Result<QList<Billing::Invoice>> invoiceList(const QString &tenantSlug, int limit) override;
    Result<QByteArray> invoicePdf(const QString &idOrNumber) override;
    Result<QList<Billing::PlanOffer>> planOffers() override;
    Result<Billing::PlanChangeQuote> previewPlanChange(const QString &tenantSlug,
                                                       const Billing::PlanChangeRequest &request) override;
    Result<Billing::BillingRunReport> runBilling(const Billing::BillingRunControl &control) override;
    Result<Billing::PlanChangeQuote> changePlan(const Actor &actor, const QString &tenantSlug,
                                                const Billing::PlanChangeRequest &request) override;

private:
    Result<Tenant> tenantOf(const QString &slug) const;

    TenantDirectory &m_directory;
    const Clock &m_clock;
    Storage::MeterRepository m_meter;
    Storage::BillingSettingsStore m_settings;
    Storage::PlanPricingStore m_plans;
    std::unique_ptr<Billing::PaymentGateway> m_gateway;
    Storage::SubscriptionService m_subscriptions;
    Storage::InvoiceService m_invoices;
};

} // namespace Tenantry::App
