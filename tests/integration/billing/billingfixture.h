#pragma once

#include "core/billing/paymentgateway.h"
#include "core/storage/billingsettingsstore.h"
#include "core/storage/invoiceservice.h"
#include "core/storage/meterrepository.h"
#include "core/storage/planpricingstore.h"
#include "core/storage/subscriptionservice.h"
#include "tests/integration/storage/catalogfixture.h"

#include <QJsonDocument>
#include <QMutex>

namespace Tenantry::Testing {

// A payment gateway that answers from a script per tenant and remembers what it was asked,
// for tests of what billing does with each outcome (the Stripe client itself is tested
// against a real HTTP server in payments_test).
class ScriptedGateway final : public Billing::PaymentGateway
{
public:
    QString name() const override { return QStringLiteral("scripted"); }
    Result<Billing::PaymentOutcome> collect(const Billing::PaymentRequest &request) override
    {
        QMutexLocker lock(&m_mutex);
        requests.append(request);
        const auto state = outcomes.value(request.tenantId, Billing::PaymentOutcome::State::Succeeded);
        if (unreachable.contains(request.tenantId))
            return Error::unavailable(QStringLiteral("gateway-unavailable"), QStringLiteral("timed out"));
        Billing::PaymentOutcome outcome;
        outcome.state = state;
        outcome.reference = QStringLiteral("pi_") + request.idempotencyKey;
        if (state == Billing::PaymentOutcome::State::Declined) {
            outcome.failureCode = QStringLiteral("card_declined/insufficient_funds");
            outcome.failureMessage = QStringLiteral("Your card has insufficient funds.");
        }
        return outcome;
    }

    QHash<QString, Billing::PaymentOutcome::State> outcomes; // by tenant id; default: succeeded
    QSet<QString> unreachable;
    QList<Billing::PaymentRequest> requests;

private:
    QMutex m_mutex;
};

// The catalog, tenants and the billing services wired as in the app, with a manual clock
// and a scripted gateway; plans "basic" and "pro" get known prices.
class BillingFixture : public CatalogFixture
{
protected:
    void SetUp() override
    {
        CatalogFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_settings = std::make_unique<Storage::BillingSettingsStore>(*m_catalog, *m_audit);
        m_plans = std::make_unique<Storage::PlanPricingStore>(*m_catalog, *m_audit);
        ASSERT_TRUE(m_plans->seedShippedPlans(now()).ok());
        m_meter = std::make_unique<Storage::MeterRepository>(*m_catalog);
        m_subscriptions = std::make_unique<Storage::SubscriptionService>(*m_catalog, *m_audit, m_directory, *m_settings,
                                                                         *m_plans, m_clock);
        m_invoices = std::make_unique<Storage::InvoiceService>(*m_catalog, *m_audit, m_directory, *m_settings, *m_meter,
                                                               m_gateway, m_clock);
        price(QStringLiteral("basic"), R"({"currency": "USD", "monthly": "31.00", "yearly": "310.00"})");
        price(QStringLiteral("pro"),
              R"({"currency": "USD", "monthly": "93.00", "yearly": "930.00", "trial_days": 14,
                  "metered": {"api_calls": {"unit_size": 1000, "included": 10000, "unit_label": "1,000 calls",
                                            "model": "graduated",
                                            "tiers": [{"up_to": 10, "unit_price": "1.00"},
                                                      {"up_to": 100, "unit_price": "0.50"},
                                                      {"up_to": null, "unit_price": "0.10"}]}}})");
        ASSERT_TRUE(m_settings->update(m_actor, QJsonObject{{QStringLiteral("tax_rate_ppm"), 190000}}, now()).ok());
    }
    void TearDown() override
    {
        m_invoices.reset();
        m_subscriptions.reset();
        CatalogFixture::TearDown();
    }

    qint64 now() const { return m_clock.now().toMSecsSinceEpoch(); }
    void advanceDays(double days) { m_clock.advanceSeconds(qint64(days * 86400)); }
    void at(const char *iso) { m_clock.set(QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate)); }

    void price(const QString &plan, const char *json)
    {
        QJsonParseError error;
        const QJsonObject pricing = QJsonDocument::fromJson(QByteArray(json), &error).object();
        ASSERT_EQ(error.error, QJsonParseError::NoError) << json;
        auto put = m_plans->putPricing(m_actor, plan, pricing, {}, now());
        ASSERT_TRUE(put.ok()) << put.error().message.toStdString();
    }

    Tenant tenant(const QString &slug) const { return *m_directory.snapshot()->findSlug(slug); }

    Billing::Subscription subscribe(const QString &slug, const QString &plan, bool trial = false,
                                    const QString &cycle = QStringLiteral("monthly"))
    {
        Storage::SubscribeRequest request;
        request.plan = plan;
        request.cycle = cycle;
        request.trial = trial;
        auto s = m_subscriptions->subscribe(m_actor, tenant(slug), request);
        EXPECT_TRUE(s.ok()) << s.error().message.toStdString();
        return s.ok() ? s.value() : Billing::Subscription{};
    }

    QList<Storage::StoredInvoice> invoicesOf(const QString &slug)
    {
        auto rows = m_invoices->list({tenant(slug).id, {}, 100});
        EXPECT_TRUE(rows.ok());
        return rows.ok() ? rows.value() : QList<Storage::StoredInvoice>{};
    }

    Billing::Subscription subscriptionOf(const QString &slug)
    {
        auto s = m_subscriptions->subscription(tenant(slug));
        EXPECT_TRUE(s.ok());
        return s.ok() ? s.value() : Billing::Subscription{};
    }

    Storage::BillingRunReport run()
    {
        auto report = m_invoices->runDue();
        EXPECT_TRUE(report.ok()) << report.error().message.toStdString();
        if (report.ok()) {
            EXPECT_TRUE(report->problems.isEmpty()) << report->problems.join(u'\n').toStdString();
        }
        return report.ok() ? report.value() : Storage::BillingRunReport{};
    }

    ScriptedGateway m_gateway;
    std::unique_ptr<Storage::BillingSettingsStore> m_settings;
    std::unique_ptr<Storage::PlanPricingStore> m_plans;
    std::unique_ptr<Storage::MeterRepository> m_meter;
    std::unique_ptr<Storage::SubscriptionService> m_subscriptions;
    std::unique_ptr<Storage::InvoiceService> m_invoices;
};

} // namespace Tenantry::Testing
