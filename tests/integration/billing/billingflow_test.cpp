// Subscriptions, invoices, payments and dunning end to end on a real catalog of both backends,
// with an injected clock: the amounts a finance team would check by hand.
#include "tests/integration/billing/billingfixture.h"

#include "core/billing/invoicejson.h"
#include "core/storage/subscriptionrepository.h"

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class BillingFlowTest : public BillingFixture
{
protected:
    void SetUp() override
    {
        BillingFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        mustCreate(u"acme"_s);
        mustCreate(u"globex"_s);
    }

    Billing::Invoice invoice(const QString &idOrNumber)
    {
        auto found = m_invoices->invoice(idOrNumber);
        EXPECT_TRUE(found.ok()) << idOrNumber.toStdString();
        return found.ok() ? found.value() : Billing::Invoice{};
    }
    QStringList eventKinds(const QString &slug)
    {
        QStringList kinds;
        for (const auto &e : m_subscriptions->history(tenant(slug)).value())
            kinds.append(e.kind + (e.detail.contains(u"to"_s) ? u":"_s + e.detail.value(u"to"_s).toString() : QString()));
        return kinds;
    }
    static QList<qint64> amounts(const Billing::Invoice &invoice)
    {
        QList<qint64> out;
        for (const Billing::InvoiceLine &l : invoice.lines)
            out.append(l.amount.minor());
        return out;
    }
};

TEST_P(BillingFlowTest, SubscribingBillsTheFirstPeriodInAdvanceAndTheRunCollectsIt)
{
    const auto s = subscribe(u"acme"_s, u"basic"_s);
    EXPECT_EQ(s.status, Billing::SubscriptionStatus::Active);
    EXPECT_EQ(tenant(u"acme"_s).plan, u"basic"_s);
    const auto rows = invoicesOf(u"acme"_s);
    ASSERT_EQ(rows.size(), 1);
    const Billing::Invoice first = invoice(rows.first().id);
    EXPECT_EQ(first.number, u"INV-000001"_s);
    EXPECT_EQ(first.status, Billing::InvoiceStatus::Open);
    EXPECT_EQ(amounts(first), QList<qint64>{3100});
    EXPECT_EQ(first.tax.minor(), 589); // 19 % of 31.00
    EXPECT_EQ(first.total.minor(), 3689);
    EXPECT_EQ(first.dueMs - first.issuedMs, 14 * 86'400'000LL);
    EXPECT_EQ(first.customer.name, u"acme Inc."_s);

    const auto report = run();
    EXPECT_EQ(report.paymentsSucceeded, 1);
    ASSERT_EQ(m_gateway.requests.size(), 1);
    EXPECT_EQ(m_gateway.requests.first().amount.minor(), 3689);
    EXPECT_EQ(m_gateway.requests.first().idempotencyKey, first.id + u"-1"_s);
    EXPECT_EQ(invoice(first.id).status, Billing::InvoiceStatus::Paid);
    // A second run finds nothing to do: the paid invoice is not charged again.
    run();
    EXPECT_EQ(m_gateway.requests.size(), 1);
    EXPECT_TRUE(invoicesOf(u"globex"_s).isEmpty());
}

TEST_P(BillingFlowTest, AnUpgradeCommittedWithThePreviewsTimeBooksExactlyThePreview)
{
    subscribe(u"acme"_s, u"basic"_s);
    at("2026-03-11T12:00:00Z"); // 21 of March's 31 days left
    Storage::PlanChangeRequest request;
    request.plan = u"pro"_s;
    auto preview = m_subscriptions->preview(tenant(u"acme"_s), request);
    ASSERT_TRUE(preview.ok()) << preview.error().message.toStdString();
    EXPECT_EQ(preview->direction, u"upgrade"_s);
    EXPECT_EQ(preview->timing, Billing::ChangeTiming::Immediate);
    ASSERT_EQ(preview->lines.size(), 2);
    EXPECT_EQ(preview->lines[0].amount.minor(), -2100); // 31.00 × 21/31 unused
    EXPECT_EQ(preview->lines[1].amount.minor(), 6300);  // 93.00 × 21/31
    EXPECT_EQ(preview->net.minor(), 4200);

    m_clock.advanceSeconds(7); // the operator reads the preview, then confirms
    request.atMs = preview->atMs;
    auto booked = m_subscriptions->change(m_actor, tenant(u"acme"_s), request);
    ASSERT_TRUE(booked.ok()) << booked.error().message.toStdString();
    EXPECT_EQ(Billing::Money(booked->net).minor(), preview->net.minor());
    ASSERT_EQ(booked->lines.size(), 2);
    for (int i = 0; i < 2; ++i)
        EXPECT_EQ(booked->lines[i].amount, preview->lines[i].amount);
    EXPECT_EQ(tenant(u"acme"_s).plan, u"pro"_s);
    EXPECT_EQ(subscriptionOf(u"acme"_s).plan, u"pro"_s);

    const auto rows = invoicesOf(u"acme"_s);
    ASSERT_EQ(rows.size(), 2); // the first period's, and the upgrade's
    const Billing::Invoice upgrade = invoice(rows.first().id);
    EXPECT_EQ(amounts(upgrade), (QList<qint64>{-2100, 6300}));
    EXPECT_EQ(upgrade.subtotal.minor(), 4200);
    EXPECT_EQ(upgrade.total.minor(), 4998);

    // The same preview again is stale: the subscription changed after it.
    request.plan = u"enterprise"_s;
    auto stale = m_subscriptions->change(m_actor, tenant(u"acme"_s), request);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, u"preview-stale"_s);
    EXPECT_EQ(subscriptionOf(u"acme"_s).plan, u"pro"_s);
}

TEST_P(BillingFlowTest, ADowngradeWaitsForThePeriodsEnd)
{
    subscribe(u"acme"_s, u"pro"_s);
    at("2026-03-20T08:00:00Z");
    Storage::PlanChangeRequest request;
    request.plan = u"basic"_s;
    auto booked = m_subscriptions->change(m_actor, tenant(u"acme"_s), request);
    ASSERT_TRUE(booked.ok()) << booked.error().message.toStdString();
    EXPECT_EQ(booked->direction, u"downgrade"_s);
    EXPECT_EQ(booked->timing, Billing::ChangeTiming::PeriodEnd);
    EXPECT_TRUE(booked->lines.isEmpty());
    EXPECT_EQ(tenant(u"acme"_s).plan, u"pro"_s);
    EXPECT_EQ(subscriptionOf(u"acme"_s).scheduledPlan, u"basic"_s);

    at("2026-04-01T11:59:59Z");
    EXPECT_EQ(run().renewed, 0); // one second before the period ends
    at("2026-04-01T12:00:00Z");
    EXPECT_EQ(run().renewed, 1);
    EXPECT_EQ(tenant(u"acme"_s).plan, u"basic"_s);
    const auto s = subscriptionOf(u"acme"_s);
    EXPECT_EQ(s.plan, u"basic"_s);
    EXPECT_TRUE(s.scheduledPlan.isEmpty());
    EXPECT_EQ(QDateTime::fromMSecsSinceEpoch(s.periodEndMs, Qt::UTC), QDateTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC));
    const Billing::Invoice renewal = invoice(invoicesOf(u"acme"_s).first().id);
    EXPECT_EQ(amounts(renewal), QList<qint64>{3100});
    EXPECT_EQ(renewal.periodStartMs, s.periodStartMs);
}

TEST_P(BillingFlowTest, TheRenewalChargesUsageBeyondThePlanThroughItsTiers)
{
    subscribe(u"acme"_s, u"pro"_s);
    const QString id = tenant(u"acme"_s).id;
    // 160,500 calls reported in March: 150,500 beyond the 10,000 included, billed as 151
    // blocks of 1,000: 10 × 1.00 + 90 × 0.50 + 51 × 0.10 = 60.10.
    auto ingested = m_meter->ingest({{u"e-1"_s, id, u"api_calls"_s, 100'000, now() + 3'600'000},
                                     {u"e-2"_s, id, u"api_calls"_s, 60'500, now() + 7'200'000}},
                                    now());
    ASSERT_TRUE(ingested.ok());
    // Globex's usage is its own.
    ASSERT_TRUE(m_meter->ingest({{u"e-3"_s, tenant(u"globex"_s).id, u"api_calls"_s, 900'000, now() + 3'600'000}}, now()).ok());
    at("2026-04-01T12:00:00Z");
    run();
    const Billing::Invoice renewal = invoice(invoicesOf(u"acme"_s).first().id);
    ASSERT_EQ(renewal.lines.size(), 2);
    const Billing::InvoiceLine &overage = renewal.lines[0];
    EXPECT_EQ(overage.kind, u"overage"_s);
    EXPECT_EQ(overage.quantity, 151);
    EXPECT_EQ(overage.amount.minor(), 6010);
    ASSERT_EQ(overage.details.size(), 3);
    EXPECT_EQ(overage.details[0].amount.minor(), 1000);
    EXPECT_EQ(overage.details[1].amount.minor(), 4500);
    EXPECT_EQ(overage.details[2].amount.minor(), 510);
    EXPECT_EQ(renewal.lines[1].kind, u"plan_fee"_s);
    EXPECT_EQ(renewal.subtotal.minor(), 15310);
    EXPECT_EQ(renewal.tax.minor(), 2909); // 29.089 → 29.09
    EXPECT_EQ(renewal.total.minor(), 18219);
}

TEST_P(BillingFlowTest, FailedPaymentsAreRetriedThenDegradeThenSuspendAndPayingRestoresAtOnce)
{
    m_gateway.outcomes.insert(tenant(u"acme"_s).id, Billing::PaymentOutcome::State::Declined);
    subscribe(u"acme"_s, u"basic"_s);
    const QString invoiceId = invoicesOf(u"acme"_s).first().id;
    auto report = run();
    EXPECT_EQ(report.paymentsFailed, 1);
    EXPECT_EQ(subscriptionOf(u"acme"_s).status, Billing::SubscriptionStatus::PastDue);

    // Retries 1, 3, 5 and 7 days after the first failure, each with its own key.
    for (double day : {1.0, 2.0, 2.0, 2.0}) {
        advanceDays(day);
        run();
    }
    QStringList keys;
    for (const auto &r : m_gateway.requests)
        keys.append(r.idempotencyKey);
    EXPECT_EQ(keys, (QStringList{invoiceId + u"-1"_s, invoiceId + u"-retry-1"_s, invoiceId + u"-retry-2"_s,
                                 invoiceId + u"-retry-3"_s, invoiceId + u"-retry-4"_s}));
    EXPECT_EQ(subscriptionOf(u"acme"_s).status, Billing::SubscriptionStatus::PastDue);
    EXPECT_EQ(run().degraded, 1); // the last retry failed: degraded when it was due
    EXPECT_EQ(subscriptionOf(u"acme"_s).status, Billing::SubscriptionStatus::Degraded);
    Storage::PlanChangeRequest upgrade;
    upgrade.plan = u"pro"_s;
    auto refused = m_subscriptions->preview(tenant(u"acme"_s), upgrade);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, u"subscription-not-changeable"_s);

    advanceDays(6.9);
    EXPECT_EQ(run().suspended, 0);
    advanceDays(0.1);
    EXPECT_EQ(run().suspended, 1);
    EXPECT_EQ(subscriptionOf(u"acme"_s).status, Billing::SubscriptionStatus::Suspended);
    EXPECT_EQ(tenant(u"acme"_s).status, TenantStatus::Suspended);
    EXPECT_EQ(tenant(u"globex"_s).status, TenantStatus::Active);

    auto paid = m_invoices->markPaid(m_actor, invoiceId, u"bank transfer 2026-03-17"_s);
    ASSERT_TRUE(paid.ok()) << paid.error().message.toStdString();
    EXPECT_EQ(paid->status, Billing::InvoiceStatus::Paid);
    EXPECT_EQ(subscriptionOf(u"acme"_s).status, Billing::SubscriptionStatus::Active);
    EXPECT_EQ(tenant(u"acme"_s).status, TenantStatus::Active);
    EXPECT_EQ(eventKinds(u"acme"_s),
              (QStringList{u"created"_s, u"payment_failed"_s, u"payment_failed"_s, u"payment_failed"_s, u"payment_failed"_s,
                           u"payment_failed"_s, u"status_changed:degraded"_s, u"status_changed:suspended"_s,
                           u"payment_succeeded"_s, u"status_changed:active"_s}));
    // Paid twice is refused, and changes nothing.
    auto again = m_invoices->markPaid(m_actor, invoiceId, u"again"_s);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, u"invoice-not-payable"_s);
}

TEST_P(BillingFlowTest, AnInvoiceOfTheManualGatewayPastItsDueDateStartsDunning)
{
    m_gateway.outcomes.insert(tenant(u"acme"_s).id, Billing::PaymentOutcome::State::Pending);
    subscribe(u"acme"_s, u"basic"_s);
    run();
    EXPECT_EQ(subscriptionOf(u"acme"_s).status, Billing::SubscriptionStatus::Active);
    advanceDays(14);
    EXPECT_EQ(run().pastDue, 1);
    EXPECT_EQ(subscriptionOf(u"acme"_s).status, Billing::SubscriptionStatus::PastDue);
}

TEST_P(BillingFlowTest, ATrialBillsNothingUntilItEnds)
{
    const auto s = subscribe(u"acme"_s, u"pro"_s, true);
    EXPECT_EQ(s.status, Billing::SubscriptionStatus::Trialing);
    EXPECT_EQ(s.trialEndMs - now(), 14 * 86'400'000LL);
    EXPECT_TRUE(invoicesOf(u"acme"_s).isEmpty());
    advanceDays(14);
    run();
    const auto after = subscriptionOf(u"acme"_s);
    EXPECT_EQ(after.status, Billing::SubscriptionStatus::Active);
    EXPECT_EQ(after.periodStartMs, s.trialEndMs);
    const auto rows = invoicesOf(u"acme"_s);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(amounts(invoice(rows.first().id)), QList<qint64>{9300});
}

TEST_P(BillingFlowTest, TwoChangesInOnePeriodBillExactlyTheTimeOnEachPlan)
{
    subscribe(u"acme"_s, u"basic"_s);
    at("2026-03-11T12:00:00Z");
    Storage::PlanChangeRequest toPro;
    toPro.plan = u"pro"_s;
    ASSERT_TRUE(m_subscriptions->change(m_actor, tenant(u"acme"_s), toPro).ok());
    at("2026-03-21T12:00:00Z");
    Storage::PlanChangeRequest back;
    back.plan = u"basic"_s;
    back.timing = Billing::ChangeTiming::Immediate;
    auto credit = m_subscriptions->change(m_actor, tenant(u"acme"_s), back);
    ASSERT_TRUE(credit.ok()) << credit.error().message.toStdString();
    EXPECT_EQ(credit->net.minor(), -2200); // −33.00 + 11.00: waits for the next invoice
    at("2026-04-01T12:00:00Z");
    run();
    qint64 billed = 0;
    for (const auto &row : invoicesOf(u"acme"_s))
        billed += row.subtotalMinor;
    // March: 10 days of basic (10.00), 10 of pro (30.00), 11 of basic (11.00); and April's fee.
    EXPECT_EQ(billed, 1000 + 3000 + 1100 + 3100);
}

TEST_P(BillingFlowTest, UpgradesInThePeriodsFirstSecondAreInvoicedBesideThePeriodsInvoice)
{
    // Subscribing and upgrading in the same second (the operator picked the wrong plan): the
    // upgrade's invoice spans the whole period, like the period's own, and both stand.
    subscribe(u"acme"_s, u"basic"_s);
    Storage::PlanChangeRequest toPro;
    toPro.plan = u"pro"_s;
    auto pro = m_subscriptions->change(m_actor, tenant(u"acme"_s), toPro);
    ASSERT_TRUE(pro.ok()) << pro.error().message.toStdString();
    EXPECT_EQ(pro->net.minor(), 9300 - 3100);
    Storage::PlanChangeRequest toEnterprise;
    toEnterprise.plan = u"enterprise"_s;
    auto enterprise = m_subscriptions->change(m_actor, tenant(u"acme"_s), toEnterprise);
    ASSERT_TRUE(enterprise.ok()) << enterprise.error().message.toStdString();
    const auto rows = invoicesOf(u"acme"_s);
    ASSERT_EQ(rows.size(), 3);
    for (const auto &row : rows)
        EXPECT_EQ(row.periodStartMs, rows.last().periodStartMs);
    EXPECT_EQ(subscriptionOf(u"acme"_s).plan, u"enterprise"_s);
    // The billing run still makes exactly one invoice of the next period.
    at("2026-04-01T12:00:00Z");
    run();
    run();
    EXPECT_EQ(invoicesOf(u"acme"_s).size(), 4);
}

TEST_P(BillingFlowTest, CreditNotesCorrectAnInvoiceUpToItsTotalAndCreditTheNextOne)
{
    subscribe(u"acme"_s, u"basic"_s);
    run();
    const QString invoiceId = invoicesOf(u"acme"_s).first().id;
    Billing::InvoiceLine goodwill;
    goodwill.kind = u"credit"_s;
    goodwill.description = u"Outage on 3 March"_s;
    goodwill.amount = goodwill.unitPrice = Billing::Money(1000, Billing::currencyOf(u"USD"_s).value());
    auto note = m_invoices->creditNote(m_actor, invoiceId, {goodwill}, u"SLA credit"_s);
    ASSERT_TRUE(note.ok()) << note.error().message.toStdString();
    EXPECT_EQ(note->kind, Billing::InvoiceKind::CreditNote);
    EXPECT_EQ(note->number, u"INV-000002"_s);
    EXPECT_EQ(note->total.minor(), 1190);
    EXPECT_EQ(invoice(invoiceId).total.minor(), 3689); // the original never changes

    goodwill.amount = goodwill.unitPrice = Billing::Money(3000, goodwill.amount.currency());
    auto tooMuch = m_invoices->creditNote(m_actor, invoiceId, {goodwill}, u"more"_s);
    ASSERT_FALSE(tooMuch.ok());
    EXPECT_EQ(tooMuch.error().code, u"credit-exceeds-invoice"_s);

    at("2026-04-01T12:00:00Z");
    run();
    const Billing::Invoice next = invoice(invoicesOf(u"acme"_s).first().id);
    EXPECT_EQ(amounts(next), (QList<qint64>{3100, -1000}));
}

TEST_P(BillingFlowTest, BadRequestsAreRefusedAndLeaveNothingBehind)
{
    Storage::SubscribeRequest request;
    request.plan = u"platinum"_s;
    auto unknown = m_subscriptions->subscribe(m_actor, tenant(u"acme"_s), request);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, u"plan-not-found"_s);
    request.plan = u"basic"_s;
    request.cycle = u"weekly"_s;
    auto weekly = m_subscriptions->subscribe(m_actor, tenant(u"acme"_s), request);
    ASSERT_FALSE(weekly.ok());
    EXPECT_EQ(weekly.error().code, u"invalid-cycle"_s);
    EXPECT_EQ(m_subscriptions->subscription(tenant(u"acme"_s)).error().code, u"subscription-not-found"_s);
    EXPECT_TRUE(invoicesOf(u"acme"_s).isEmpty());

    subscribe(u"acme"_s, u"basic"_s);
    request.cycle = u"monthly"_s;
    auto twice = m_subscriptions->subscribe(m_actor, tenant(u"acme"_s), request);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, u"subscription-exists"_s);
    EXPECT_EQ(invoicesOf(u"acme"_s).size(), 1);
    EXPECT_EQ(eventKinds(u"acme"_s), QStringList{u"created"_s});

    Storage::PlanChangeRequest same;
    same.plan = u"basic"_s;
    EXPECT_EQ(m_subscriptions->preview(tenant(u"acme"_s), same).error().code, u"same-plan"_s);
}

TEST_P(BillingFlowTest, InvoiceNumbersHaveNoGapsAcrossTenants)
{
    subscribe(u"acme"_s, u"basic"_s);
    subscribe(u"globex"_s, u"pro"_s);
    at("2026-04-01T12:00:00Z");
    run();
    QStringList numbers;
    for (const QString &slug : {u"acme"_s, u"globex"_s})
        for (const auto &row : invoicesOf(slug))
            numbers.append(row.number);
    numbers.sort();
    EXPECT_EQ(numbers, (QStringList{u"INV-000001"_s, u"INV-000002"_s, u"INV-000003"_s, u"INV-000004"_s}));
}

TEST_P(BillingFlowTest, AStoppedRunLeavesWhatItDidCompleteAndTheNextRunDoesTheRest)
{
    subscribe(u"acme"_s, u"basic"_s);
    subscribe(u"globex"_s, u"basic"_s);
    run(); // the first periods' invoices are collected
    advanceDays(32);

    QStringList stages;
    Storage::BillingRunControl control;
    control.progress = [&](const QString &stage, int) { stages.append(stage); };
    control.stop = [&] { return stages.count(u"renewing"_s) >= 2; }; // after one renewal
    auto stopped = m_invoices->runDue(control);
    ASSERT_TRUE(stopped.ok()) << stopped.error().message.toStdString();
    EXPECT_TRUE(stopped->stopped);
    EXPECT_EQ(stopped->renewed, 1);
    EXPECT_FALSE(stages.contains(u"collecting"_s));
    EXPECT_EQ(invoicesOf(u"acme"_s).size() + invoicesOf(u"globex"_s).size(), 3) << "one renewal, whole";

    const auto rest = run();
    EXPECT_FALSE(rest.stopped);
    EXPECT_EQ(rest.renewed, 1);
    EXPECT_EQ(invoicesOf(u"acme"_s).size(), 2);
    EXPECT_EQ(invoicesOf(u"globex"_s).size(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, BillingFlowTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
