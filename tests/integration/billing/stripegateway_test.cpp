// The Stripe client against a real HTTP server that answers like Stripe (tests/support/
// fakestripe.h): outcomes, declines, timeouts, and the idempotency that keeps a retried
// payment from charging twice.
#include "core/billing/manualgateway.h"
#include "core/billing/stripegateway.h"
#include "tests/support/fakestripe.h"

#include <gtest/gtest.h>

#include <thread>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class StripeGatewayTest : public ::testing::Test
{
protected:
    StripeGateway gateway(int timeoutMs = 5000, const QString &secret = {})
    {
        StripeSettings settings;
        settings.baseUrl = QUrl(m_fake.baseUrl());
        settings.secretKey = secret.isEmpty() ? QString::fromLatin1(m_fake.secretKey()) : secret;
        settings.timeoutMs = timeoutMs;
        return StripeGateway(settings);
    }
    static PaymentRequest request(const QString &customer, const QString &key, qint64 minor = 4998,
                                  const char *currency = "USD")
    {
        PaymentRequest r;
        r.invoiceId = u"inv-1"_s;
        r.tenantId = u"tenant-1"_s;
        r.amount = Money(minor, currencyOf(QString::fromLatin1(currency)).value());
        r.customerReference = customer;
        r.idempotencyKey = key;
        r.description = u"Invoice INV-000001 + fees"_s;
        return r;
    }

    FakeStripe m_fake;
};

TEST_F(StripeGatewayTest, ASucceededChargeSendsTheKeyTheSecretAndTheAmountInMinorUnits)
{
    ASSERT_NE(m_fake.port(), 0);
    StripeGateway stripe(gateway());
    auto paid = stripe.collect(request(u"cus_ok"_s, u"inv-1-1"_s));
    ASSERT_TRUE(paid.ok()) << paid.error().message.toStdString();
    EXPECT_EQ(paid->state, PaymentOutcome::State::Succeeded);
    EXPECT_TRUE(paid->reference.startsWith(u"pi_"_s));
    ASSERT_EQ(m_fake.seen().size(), 1);
    const auto seen = m_fake.seen().first();
    EXPECT_EQ(seen.authorization, "Bearer sk_test_fake");
    EXPECT_EQ(seen.idempotencyKey, "inv-1-1");
    EXPECT_EQ(seen.form.value(u"amount"_s), u"4998"_s);
    EXPECT_EQ(seen.form.value(u"currency"_s), u"usd"_s);
    EXPECT_EQ(seen.form.value(u"customer"_s), u"cus_ok"_s);
    EXPECT_EQ(seen.form.value(u"confirm"_s), u"true"_s);
    EXPECT_EQ(seen.form.value(u"metadata[invoice_id]"_s), u"inv-1"_s);
    EXPECT_EQ(seen.form.value(u"description"_s), u"Invoice INV-000001 + fees"_s); // '+' survives form encoding
    EXPECT_EQ(m_fake.chargesOf(u"cus_ok"_s), 1);
}

TEST_F(StripeGatewayTest, AmountsOfZeroAndThreeDigitCurrenciesAreMinorUnits)
{
    StripeGateway stripe(gateway());
    ASSERT_TRUE(stripe.collect(request(u"cus_ok"_s, u"jpy"_s, 1500, "JPY")).ok());
    ASSERT_TRUE(stripe.collect(request(u"cus_ok"_s, u"kwd"_s, 12'345, "KWD")).ok());
    EXPECT_EQ(m_fake.seen().at(0).form.value(u"amount"_s), u"1500"_s);
    EXPECT_EQ(m_fake.seen().at(0).form.value(u"currency"_s), u"jpy"_s);
    EXPECT_EQ(m_fake.seen().at(1).form.value(u"amount"_s), u"12345"_s);
}

TEST_F(StripeGatewayTest, DeclinesAndActionsAreOutcomesNotErrors)
{
    m_fake.setCard(u"cus_poor"_s, FakeStripe::Card::Declines);
    m_fake.setCard(u"cus_3ds"_s, FakeStripe::Card::RequiresAction);
    StripeGateway stripe(gateway());
    auto declined = stripe.collect(request(u"cus_poor"_s, u"k-1"_s));
    ASSERT_TRUE(declined.ok());
    EXPECT_EQ(declined->state, PaymentOutcome::State::Declined);
    EXPECT_EQ(declined->failureCode, u"card_declined/insufficient_funds"_s);
    EXPECT_EQ(declined->failureMessage, u"Your card has insufficient funds."_s);
    auto action = stripe.collect(request(u"cus_3ds"_s, u"k-2"_s));
    ASSERT_TRUE(action.ok());
    EXPECT_EQ(action->state, PaymentOutcome::State::RequiresAction);
    EXPECT_EQ(m_fake.chargesOf(u"cus_poor"_s), 0);
}

TEST_F(StripeGatewayTest, ServerErrorsAndABadKeyAreErrors)
{
    m_fake.setCard(u"cus_down"_s, FakeStripe::Card::ServerError);
    StripeGateway stripe(gateway());
    auto down = stripe.collect(request(u"cus_down"_s, u"k-1"_s));
    ASSERT_FALSE(down.ok());
    EXPECT_EQ(down.error().code, u"gateway-unavailable"_s);
    StripeGateway wrongSecret(gateway(5000, u"sk_live_wrong"_s));
    auto refused = wrongSecret.collect(request(u"cus_ok"_s, u"k-2"_s));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, u"gateway-unauthorized"_s);
}

TEST_F(StripeGatewayTest, ARetryAfterATimeoutWithTheSameKeyNeverChargesTwice)
{
    m_fake.delayAnswers(1500); // the charge is made, the answer arrives too late
    StripeGateway stripe(gateway(400));
    auto timedOut = stripe.collect(request(u"cus_ok"_s, u"inv-1-retry-1"_s));
    ASSERT_FALSE(timedOut.ok());
    EXPECT_EQ(timedOut.error().code, u"gateway-unavailable"_s);
    StripeGateway patient(gateway(5000));
    auto retried = patient.collect(request(u"cus_ok"_s, u"inv-1-retry-1"_s));
    ASSERT_TRUE(retried.ok()) << retried.error().message.toStdString();
    EXPECT_EQ(retried->state, PaymentOutcome::State::Succeeded);
    EXPECT_EQ(m_fake.requests(), 2);
    EXPECT_EQ(m_fake.chargesOf(u"cus_ok"_s), 1);
}

TEST_F(StripeGatewayTest, TheSameKeyWithOtherParametersIsRefused)
{
    StripeGateway stripe(gateway());
    ASSERT_TRUE(stripe.collect(request(u"cus_ok"_s, u"k-1"_s, 4998)).ok());
    auto other = stripe.collect(request(u"cus_ok"_s, u"k-1"_s, 9999));
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, u"idempotency-key-reused"_s);
    EXPECT_EQ(m_fake.chargesOf(u"cus_ok"_s), 1);
}

TEST_F(StripeGatewayTest, ThreadsCollectAtOnceEachWithItsOwnKey)
{
    StripeGateway stripe(gateway());
    std::vector<std::thread> threads;
    std::atomic<int> succeeded{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5; ++i) {
                auto r = stripe.collect(request(u"cus_ok"_s, u"t%1-%2"_s.arg(t).arg(i)));
                if (r.ok() && r->state == PaymentOutcome::State::Succeeded)
                    ++succeeded;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    EXPECT_EQ(succeeded.load(), 20);
    EXPECT_EQ(m_fake.chargesOf(u"cus_ok"_s), 20);
}

TEST(ManualGateway, WaitsForAnOperatorAndRemembersKeys)
{
    ManualGateway manual;
    PaymentRequest r;
    r.invoiceId = u"inv-1"_s;
    r.amount = Money(100, currencyOf(u"EUR"_s).value());
    r.idempotencyKey = u"k-1"_s;
    auto waiting = manual.collect(r);
    ASSERT_TRUE(waiting.ok());
    EXPECT_EQ(waiting->state, PaymentOutcome::State::Pending);
    r.idempotencyKey = u"k-2"_s;
    r.manualReference = u"SEPA 4711"_s;
    auto paid = manual.collect(r);
    ASSERT_TRUE(paid.ok());
    EXPECT_EQ(paid->state, PaymentOutcome::State::Succeeded);
    EXPECT_EQ(paid->reference, u"manual:SEPA 4711"_s);
    r.amount = Money(200, r.amount.currency());
    EXPECT_EQ(manual.collect(r).error().code, u"idempotency-key-reused"_s);
}

} // namespace
