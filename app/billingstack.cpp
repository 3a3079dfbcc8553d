#include "app/billingstack.h"

#include "core/billing/manualgateway.h"
#include "core/billing/stripegateway.h"
#include "core/storage/invoiceissuer.h"
#include "documents/invoicepdf.h"

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
    : m_directory(directory)
    , m_clock(clock)
    , m_meter(catalog)
    , m_settings(catalog, audit)
    , m_plans(catalog, audit)
    , m_gateway(gatewayFromEnvironment())
    , m_subscriptions(catalog, audit, directory, m_settings, m_plans, clock)
    , m_invoices(catalog, audit, directory, m_settings, m_meter, *m_gateway, clock)
{
}

Result<QList<Billing::SubscriptionRow>> BillingStack::subscriptionRows()
{
    auto all = m_subscriptions.subscriptions();
    if (!all)
        return all.error();
    const auto snapshot = m_directory.snapshot();
    QList<Billing::SubscriptionRow> rows;
    for (const Billing::Subscription &s : all.value()) {
        const auto tenant = snapshot->findId(s.tenantId);
        rows.append({tenant ? tenant->slug : s.tenantId, s});
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.tenantSlug < b.tenantSlug; });
    return rows;
}

Result<Tenant> BillingStack::tenantOf(const QString &slug) const
{
    const auto tenant = m_directory.snapshot()->findSlug(slug.toLower());
    if (!tenant)
        return Error::notFound(u"tenant-not-found"_s, u"No tenant '%1'."_s.arg(slug));
    return *tenant;
}

Result<QList<Billing::Invoice>> BillingStack::invoiceList(const QString &tenantSlug, int limit)
{
    Storage::InvoiceFilter filter;
    filter.limit = limit;
    if (!tenantSlug.isEmpty()) {
        auto tenant = tenantOf(tenantSlug);
        if (!tenant)
            return tenant.error();
        filter.tenantId = tenant->id;
    }
    auto rows = m_invoices.list(filter);
    if (!rows)
        return rows.error();
    QList<Billing::Invoice> out;
    for (const Storage::StoredInvoice &row : rows.value()) {
        auto invoice = Storage::InvoiceIssuer::fromStored(row);
        if (!invoice)
            return invoice.error();
        out.append(std::move(invoice).value());
    }
    return out;
}

Result<QByteArray> BillingStack::invoicePdf(const QString &idOrNumber)
{
    auto invoice = m_invoices.invoice(idOrNumber);
    if (!invoice)
        return invoice.error();
    return Documents::renderInvoicePdf(invoice.value());
}

Result<QList<Billing::PlanOffer>> BillingStack::planOffers()
{
    auto plans = m_plans.plans();
    if (!plans)
        return plans.error();
    QList<Billing::PlanOffer> offers;
    for (const Storage::PricedPlan &p : plans.value()) {
        if (p.pricing)
            offers.append({p.name, p.displayName, p.pricing->monthlyFee, p.pricing->yearlyFee});
    }
    return offers;
}

Result<Billing::PlanChangeQuote> BillingStack::previewPlanChange(const QString &tenantSlug,
                                                                 const Billing::PlanChangeRequest &request)
{
    auto tenant = tenantOf(tenantSlug);
    if (!tenant)
        return tenant.error();
    return m_subscriptions.preview(tenant.value(), request);
}

Result<Billing::PlanChangeQuote> BillingStack::changePlan(const Actor &actor, const QString &tenantSlug,
                                                          const Billing::PlanChangeRequest &request)
{
    auto tenant = tenantOf(tenantSlug);
    if (!tenant)
        return tenant.error();
    return m_subscriptions.change(actor, tenant.value(), request);
}

Result<Billing::BillingRunReport> BillingStack::runBilling(const Billing::BillingRunControl &control)
{
    return m_invoices.runDue(control);
}

Status BillingStack::seed()
{
    return m_plans.seedShippedPlans(m_clock.now().toMSecsSinceEpoch());
}

} // namespace Tenantry::App
