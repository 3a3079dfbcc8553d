// The console's billing over a real server: subscriptions, offers, a plan change previewed
// and booked, invoices and their PDFs, and a billing run whose report, progress and stop are
// the server's own; one tenant's calls never show or touch another tenant's billing.
#include "core/billing/planpricing.h"
#include "core/remote/remotebillingservice.h"
#include "core/storage/subscriptionservice.h"
#include "tests/integration/remote/remoteserverfixture.h"
#include "tests/support/fakestripe.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class RemoteBillingTest : public RemoteServerTest
{
protected:
    void SetUp() override
    {
        // The server charges through this Stripe, and runs billing only when asked, so every
        // run a test sees is its own.
        qputenv("TENANTRY_STRIPE_SECRET_KEY", m_stripe.secretKey());
        qputenv("TENANTRY_STRIPE_URL", m_stripe.baseUrl().toUtf8());
        qputenv("TENANTRY_BILLING_INTERVAL", "0");
        RemoteServerTest::SetUp();
        qunsetenv("TENANTRY_STRIPE_SECRET_KEY");
        qunsetenv("TENANTRY_STRIPE_URL");
        qunsetenv("TENANTRY_BILLING_INTERVAL");
        if (HasFatalFailure())
            return;
        m_billing = std::make_unique<Remote::RemoteBillingService>(client(), std::chrono::milliseconds(20));
    }

    // A tenant on `plan` from now, paying with the Stripe customer `customer`; its id.
    QString subscribed(const QString &slug, const QString &plan, const QString &customer)
    {
        auto tenant = client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, slug}});
        EXPECT_TRUE(tenant) << tenant.error().message.toStdString();
        auto subscription = client().sendJson(
            "POST", u"/admin/v1/tenants/%1/subscription"_s.arg(slug),
            {{u"plan"_s, plan}, {u"trial"_s, false}, {u"payment_customer"_s, customer}});
        EXPECT_TRUE(subscription) << subscription.error().message.toStdString();
        return tenant ? tenant->value(u"id"_s).toString() : QString();
    }

    QJsonObject serverSubscription(const QString &slug)
    {
        auto s = client().getJson(u"/admin/v1/tenants/%1/subscription"_s.arg(slug));
        EXPECT_TRUE(s) << s.error().message.toStdString();
        return s ? s.value() : QJsonObject();
    }

    Billing::PlanChangeRequest to(const QString &plan, qint64 atMs = 0)
    {
        Billing::PlanChangeRequest request;
        request.plan = plan;
        request.atMs = atMs;
        return request;
    }

    FakeStripe m_stripe;
    std::unique_ptr<Remote::RemoteBillingService> m_billing;
};

TEST_F(RemoteBillingTest, ListsEverySubscriptionAsTheServerHasIt)
{
    subscribed(u"globex"_s, u"pro"_s, u"cus_globex"_s);
    subscribed(u"acme"_s, u"basic"_s, u"cus_acme"_s);
    ASSERT_TRUE(client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, u"initech"_s}})); // none

    auto rows = m_billing->subscriptionRows();
    ASSERT_TRUE(rows) << rows.error().message.toStdString();
    ASSERT_EQ(rows->size(), 2);
    EXPECT_EQ(rows->at(0).tenantSlug, u"acme"_s);
    EXPECT_EQ(rows->at(1).tenantSlug, u"globex"_s);
    for (const Billing::SubscriptionRow &row : rows.value())
        EXPECT_EQ(Storage::subscriptionToJson(row.subscription), serverSubscription(row.tenantSlug))
            << row.tenantSlug.toStdString();
    EXPECT_EQ(rows->at(0).subscription.plan, u"basic"_s);
    EXPECT_EQ(rows->at(0).subscription.status, Billing::SubscriptionStatus::Active);
    EXPECT_GT(rows->at(0).subscription.periodEndMs, rows->at(0).subscription.periodStartMs);
}

TEST_F(RemoteBillingTest, OffersThePlansTheServerSellsAtItsPrices)
{
    // A plan without a price is not offered; one sold monthly only has no yearly fee.
    ASSERT_TRUE(client().sendJson("PUT", u"/admin/v1/plans/internal"_s,
                                  {{u"display_name"_s, u"Internal"_s}, {u"limits"_s, QJsonObject()}}));
    auto repriced = client().sendJson(
        "PUT", u"/admin/v1/plans/basic/pricing"_s,
        {{u"pricing"_s, QJsonObject{{u"currency"_s, u"EUR"_s}, {u"monthly"_s, u"21.50"_s}, {u"yearly"_s, QJsonValue()}}}});
    ASSERT_TRUE(repriced) << repriced.error().message.toStdString();

    auto offers = m_billing->planOffers();
    ASSERT_TRUE(offers) << offers.error().message.toStdString();
    auto plans = client().getJson(u"/admin/v1/plans"_s);
    ASSERT_TRUE(plans);
    QStringList sold;
    for (const QJsonValue &plan : plans->value(u"items"_s).toArray()) {
        const QString name = plan.toObject().value(u"name"_s).toString();
        auto priced = client().getJson(u"/admin/v1/plans/%1/pricing"_s.arg(name));
        ASSERT_TRUE(priced);
        if (!priced->value(u"pricing"_s).isObject())
            continue;
        sold.append(name);
        const auto offer = std::find_if(offers->cbegin(), offers->cend(),
                                        [&](const Billing::PlanOffer &o) { return o.name == name; });
        ASSERT_NE(offer, offers->cend()) << name.toStdString();
        auto pricing = Billing::planPricingFromJson(priced->value(u"pricing"_s).toObject());
        ASSERT_TRUE(pricing);
        EXPECT_EQ(offer->displayName, priced->value(u"display_name"_s).toString());
        EXPECT_EQ(offer->monthlyFee, pricing->monthlyFee) << name.toStdString();
        EXPECT_EQ(offer->yearlyFee, pricing->yearlyFee) << name.toStdString();
    }
    QStringList offered;
    for (const Billing::PlanOffer &o : offers.value())
        offered.append(o.name);
    EXPECT_EQ(offered, sold);
    EXPECT_FALSE(offered.contains(u"internal"_s));
    EXPECT_TRUE(offered.contains(u"pro"_s));
    const auto basic = std::find_if(offers->cbegin(), offers->cend(),
                                    [](const Billing::PlanOffer &o) { return o.name == u"basic"_s; });
    ASSERT_NE(basic, offers->cend());
    ASSERT_TRUE(basic->monthlyFee.has_value());
    EXPECT_EQ(basic->monthlyFee->decimal(), u"21.50"_s);
    EXPECT_EQ(basic->monthlyFee->currency().code, u"EUR"_s);
    EXPECT_FALSE(basic->yearlyFee.has_value());
}

TEST_F(RemoteBillingTest, AChangeWithThePreviewsInstantBooksThePreviewsAmountsForThatTenantOnly)
{
    subscribed(u"acme"_s, u"basic"_s, u"cus_acme"_s);
    subscribed(u"globex"_s, u"basic"_s, u"cus_globex"_s);
    const QJsonObject globexBefore = serverSubscription(u"globex"_s);
    auto invoicesBefore = m_billing->invoiceList(u"acme"_s, 100);
    ASSERT_TRUE(invoicesBefore);

    auto preview = m_billing->previewPlanChange(u"acme"_s, to(u"pro"_s));
    ASSERT_TRUE(preview) << preview.error().message.toStdString();
    EXPECT_EQ(preview->fromPlan, u"basic"_s);
    EXPECT_EQ(preview->toPlan, u"pro"_s);
    EXPECT_EQ(preview->direction, u"upgrade"_s);
    EXPECT_EQ(preview->timing, Billing::ChangeTiming::Immediate);
    EXPECT_GT(preview->atMs, 0);
    ASSERT_EQ(preview->lines.size(), 2);
    EXPECT_GT(preview->net.minor(), 0);
    EXPECT_EQ(serverSubscription(u"acme"_s).value(u"plan"_s).toString(), u"basic"_s); // a preview books nothing

    // Previewing again at the first preview's instant repeats it exactly.
    auto again = m_billing->previewPlanChange(u"acme"_s, to(u"pro"_s, preview->atMs));
    ASSERT_TRUE(again) << again.error().message.toStdString();
    EXPECT_EQ(Storage::planChangeQuoteToJson(again.value()), Storage::planChangeQuoteToJson(preview.value()));

    auto booked = m_billing->changePlan(Actor{u"console:tester"_s, {}, {}}, u"acme"_s, to(u"pro"_s, preview->atMs));
    ASSERT_TRUE(booked) << booked.error().message.toStdString();
    EXPECT_EQ(Storage::planChangeQuoteToJson(booked.value()), Storage::planChangeQuoteToJson(preview.value()));
    EXPECT_EQ(serverSubscription(u"acme"_s).value(u"plan"_s).toString(), u"pro"_s);
    auto invoicesAfter = m_billing->invoiceList(u"acme"_s, 100);
    ASSERT_TRUE(invoicesAfter);
    ASSERT_EQ(invoicesAfter->size(), invoicesBefore->size() + 1); // the change's invoice
    EXPECT_EQ(invoicesAfter->first().periodStartMs, preview->atMs);

    auto audited = client().getJson(u"/admin/v1/audit"_s, QUrlQuery(u"action=subscription.change"_s));
    ASSERT_TRUE(audited) << audited.error().message.toStdString();
    ASSERT_EQ(audited->value(u"items"_s).toArray().size(), 1);
    EXPECT_EQ(audited->value(u"items"_s).toArray().first().toObject().value(u"actor"_s).toString(),
              u"admin:console:tester"_s);

    EXPECT_EQ(serverSubscription(u"globex"_s), globexBefore);
    auto rows = m_billing->subscriptionRows();
    ASSERT_TRUE(rows);
    for (const Billing::SubscriptionRow &row : rows.value())
        EXPECT_EQ(row.subscription.plan, row.tenantSlug == u"acme"_s ? u"pro"_s : u"basic"_s);
}

TEST_F(RemoteBillingTest, AStaleChangeIsRefusedAsPreviewStaleAndBooksNothing)
{
    subscribed(u"acme"_s, u"basic"_s, u"cus_acme"_s);
    auto preview = m_billing->previewPlanChange(u"acme"_s, to(u"pro"_s));
    ASSERT_TRUE(preview) << preview.error().message.toStdString();

    const qint64 sixteenMinutes = 16 * 60 * 1000;
    auto stale = m_billing->changePlan(Actor::system(), u"acme"_s, to(u"pro"_s, preview->atMs - sixteenMinutes));
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(stale.error().code, u"preview-stale"_s);
    EXPECT_EQ(serverSubscription(u"acme"_s).value(u"plan"_s).toString(), u"basic"_s);

    auto same = m_billing->previewPlanChange(u"acme"_s, to(u"basic"_s));
    ASSERT_FALSE(same);
    EXPECT_EQ(same.error().code, u"same-plan"_s);
    auto unknownPlan = m_billing->previewPlanChange(u"acme"_s, to(u"gold"_s));
    ASSERT_FALSE(unknownPlan);
    EXPECT_EQ(unknownPlan.error().code, u"plan-not-found"_s);
}

TEST_F(RemoteBillingTest, UnknownTenantsAndInvoicesAreNotFound)
{
    subscribed(u"acme"_s, u"basic"_s, u"cus_acme"_s);
    for (const QString &slug : {u"nobody"_s, u"acme/subscription"_s, u"acme&limit=1"_s, u"acme?x"_s, u".."_s}) {
        auto listed = m_billing->invoiceList(slug, 10);
        ASSERT_FALSE(listed) << slug.toStdString();
        EXPECT_EQ(listed.error().kind, ErrorKind::NotFound);
        EXPECT_EQ(listed.error().code, u"tenant-not-found"_s) << slug.toStdString();
        auto preview = m_billing->previewPlanChange(slug, to(u"pro"_s));
        ASSERT_FALSE(preview);
        EXPECT_EQ(preview.error().code, u"tenant-not-found"_s) << slug.toStdString();
        auto change = m_billing->changePlan(Actor::system(), slug, to(u"pro"_s));
        ASSERT_FALSE(change);
        EXPECT_EQ(change.error().code, u"tenant-not-found"_s) << slug.toStdString();
    }
    ASSERT_TRUE(client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, u"initech"_s}}));
    auto unsubscribed = m_billing->previewPlanChange(u"initech"_s, to(u"pro"_s));
    ASSERT_FALSE(unsubscribed);
    EXPECT_EQ(unsubscribed.error().code, u"subscription-not-found"_s);

    for (const QString &invoice : {u"no-such-invoice"_s, u"INV999999"_s, u"../invoices"_s, QString()}) {
        auto pdf = m_billing->invoicePdf(invoice);
        ASSERT_FALSE(pdf) << invoice.toStdString();
        EXPECT_EQ(pdf.error().kind, ErrorKind::NotFound);
        EXPECT_EQ(pdf.error().code, u"invoice-not-found"_s) << invoice.toStdString();
    }
}

TEST_F(RemoteBillingTest, ATenantsInvoicesAreItsOwnAndTheirPdfsArePdfs)
{
    const QString acmeId = subscribed(u"acme"_s, u"basic"_s, u"cus_acme"_s);
    const QString globexId = subscribed(u"globex"_s, u"pro"_s, u"cus_globex"_s);
    auto all = m_billing->invoiceList(QString(), 500);
    ASSERT_TRUE(all) << all.error().message.toStdString();
    ASSERT_EQ(all->size(), 2);

    auto acme = m_billing->invoiceList(u"acme"_s, 500);
    ASSERT_TRUE(acme) << acme.error().message.toStdString();
    ASSERT_EQ(acme->size(), 1);
    for (const Billing::Invoice &invoice : acme.value()) {
        EXPECT_EQ(invoice.tenantId, acmeId);
        EXPECT_EQ(invoice.tenantSlug, u"acme"_s);
    }
    auto globex = m_billing->invoiceList(u"GLOBEX"_s, 500); // slugs as the server reads them
    ASSERT_TRUE(globex) << globex.error().message.toStdString();
    ASSERT_EQ(globex->size(), 1);
    EXPECT_EQ(globex->first().tenantId, globexId);
    EXPECT_NE(globex->first().id, acme->first().id);

    // What the page shows of an invoice is what the server's document says.
    const Billing::Invoice &listed = acme->first();
    auto document = client().getJson(u"/admin/v1/invoices/"_s + listed.id);
    ASSERT_TRUE(document);
    EXPECT_EQ(listed.number, document->value(u"number"_s).toString());
    EXPECT_FALSE(listed.number.isEmpty());
    EXPECT_EQ(listed.kind, Billing::InvoiceKind::Invoice);
    EXPECT_EQ(listed.status, Billing::InvoiceStatus::Open);
    EXPECT_EQ(listed.total.decimal(), document->value(u"total"_s).toString());
    EXPECT_EQ(listed.total.decimal(), u"19.00"_s);
    EXPECT_EQ(listed.currency.code, u"USD"_s);
    EXPECT_EQ(listed.amountPaid.minor(), 0);
    EXPECT_GT(listed.issuedMs, 0);
    EXPECT_GT(listed.dueMs, listed.issuedMs);

    auto limited = m_billing->invoiceList(QString(), 1);
    ASSERT_TRUE(limited);
    EXPECT_EQ(limited->size(), 1);

    for (const QString &ref : {listed.id, listed.number}) {
        auto pdf = m_billing->invoicePdf(ref);
        ASSERT_TRUE(pdf) << pdf.error().message.toStdString();
        EXPECT_TRUE(pdf->startsWith("%PDF")) << ref.toStdString();
        EXPECT_GT(pdf->size(), 500);
    }
}

TEST_F(RemoteBillingTest, RunsBillingOnTheServerAndReportsWhatItDid)
{
    m_stripe.setCard(u"cus_acme"_s, FakeStripe::Card::Succeeds);
    m_stripe.setCard(u"cus_globex"_s, FakeStripe::Card::Declines);
    subscribed(u"acme"_s, u"basic"_s, u"cus_acme"_s);
    subscribed(u"globex"_s, u"basic"_s, u"cus_globex"_s);
    m_stripe.delayAnswers(300, 2); // long enough for the polls to see the collection

    QStringList stages;
    Billing::BillingRunControl control;
    control.progress = [&stages](const QString &stage, int) { stages.append(stage); };
    auto report = m_billing->runBilling(control);
    ASSERT_TRUE(report) << report.error().message.toStdString();
    EXPECT_EQ(report->renewed, 0);
    EXPECT_EQ(report->invoiced, 0);
    EXPECT_EQ(report->paymentsSucceeded, 1);
    EXPECT_EQ(report->paymentsFailed, 1);
    EXPECT_EQ(report->pastDue, 1);
    EXPECT_FALSE(report->stopped);
    EXPECT_TRUE(stages.contains(u"collecting"_s)) << stages.join(u',').toStdString();
    EXPECT_EQ(m_stripe.chargesOf(u"cus_acme"_s), 1);

    auto acme = m_billing->invoiceList(u"acme"_s, 10);
    ASSERT_TRUE(acme);
    ASSERT_EQ(acme->size(), 1);
    EXPECT_EQ(acme->first().status, Billing::InvoiceStatus::Paid);
    EXPECT_EQ(acme->first().amountPaid, acme->first().total);
    auto globex = m_billing->invoiceList(u"globex"_s, 10);
    ASSERT_TRUE(globex);
    ASSERT_EQ(globex->size(), 1);
    EXPECT_EQ(globex->first().status, Billing::InvoiceStatus::Open);
    auto rows = m_billing->subscriptionRows();
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 2);
    EXPECT_EQ(rows->at(0).subscription.status, Billing::SubscriptionStatus::Active);
    EXPECT_EQ(rows->at(1).subscription.status, Billing::SubscriptionStatus::PastDue);

    // Nothing is left to do: a second run says so.
    auto again = m_billing->runBilling({});
    ASSERT_TRUE(again) << again.error().message.toStdString();
    EXPECT_EQ(again->paymentsSucceeded + again->paymentsFailed, 0);
}

TEST_F(RemoteBillingTest, StopsTheServersRunWhenAskedAndRefusesASecondMeanwhile)
{
    subscribed(u"acme"_s, u"basic"_s, u"cus_acme"_s);
    subscribed(u"globex"_s, u"basic"_s, u"cus_globex"_s);
    m_stripe.delayAnswers(800, 2);

    std::atomic<bool> collecting = false;
    Billing::BillingRunControl control;
    control.progress = [&collecting](const QString &stage, int) {
        if (stage == u"collecting"_s)
            collecting = true;
    };
    std::atomic<bool> mayStop = false;
    control.stop = [&mayStop] { return mayStop.load(); };
    Result<Billing::BillingRunReport> report = Error::internal(u"not run"_s);
    std::thread console([&] { report = m_billing->runBilling(control); });
    QDeadlineTimer deadline(20000);
    while (!collecting && !deadline.hasExpired())
        QThread::msleep(5);
    EXPECT_TRUE(collecting);

    auto second = m_billing->runBilling({});
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(second.error().code, u"billing-run-in-progress"_s);

    mayStop = true;
    console.join();
    ASSERT_TRUE(report) << report.error().message.toStdString();
    EXPECT_TRUE(report->stopped);
    // The stage that was running finished: both invoices were collected.
    EXPECT_EQ(report->paymentsSucceeded, 2);
}

TEST_F(RemoteBillingTest, ServesCallersOnManyThreadsAtOnce)
{
    subscribed(u"acme"_s, u"basic"_s, u"cus_acme"_s);
    subscribed(u"globex"_s, u"pro"_s, u"cus_globex"_s);
    std::atomic<int> answered = 0;
    std::vector<std::thread> callers;
    for (int t = 0; t < 4; ++t) {
        callers.emplace_back([&, t] {
            const QString slug = t % 2 ? u"acme"_s : u"globex"_s;
            for (int i = 0; i < 5; ++i) {
                auto rows = m_billing->subscriptionRows();
                auto invoices = m_billing->invoiceList(slug, 10);
                if (rows && rows->size() == 2 && invoices && invoices->size() == 1
                    && invoices->first().tenantSlug == slug)
                    ++answered;
            }
        });
    }
    for (std::thread &caller : callers)
        caller.join();
    EXPECT_EQ(answered.load(), 20);
}

} // namespace
