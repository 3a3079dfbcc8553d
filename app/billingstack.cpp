#include "app/billingstack.h"

#include "core/billing/manualgateway.h"
#include "core/billing/stripegateway.h"

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

std::unique_ptr<Billing::PaymentGateway> gatewayFromEnvironment()
{
    const QString secret = qEnvironmentVariable("TENANTRY_STRIPE_SECRET_KEY");
    if (secret.isEmpty())
        return std::make_unique<Billing::ManualGateway>();
    Billing::StripeSettings settings;
    settings.secretKey = secret;
    const QString url = qEnvironmentVariable("TENANTRY_STRIPE_URL");
    if (!url.isEmpty())
        settings.baseUrl = QUrl(url);
    return std::make_unique<Billing::StripeGateway>(settings);
}

} // namespace

BillingStack::BillingStack(Storage::Catalog &catalog, Storage::AuditRecorder &audit, TenantDirectory &directory,
                           const Clock &clock)
    : m_clock(clock)
    , m_meter(catalog)
    , m_settings(catalog, audit)
    , m_plans(catalog, audit)
    , m_gateway(gatewayFromEnvironment())
    , m_subscriptions(catalog, audit, directory, m_settings, m_plans, clock)
    , m_invoices(catalog, audit, directory, m_settings, m_meter, *m_gateway, clock)
{
}

Status BillingStack::seed()
{
    return m_plans.seedShippedPlans(m_clock.now().toMSecsSinceEpoch());
}

} // namespace Tenantry::App
