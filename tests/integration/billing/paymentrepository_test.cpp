#include "core/storage/paymentrepository.h"

#include "tests/integration/storage/catalogfixture.h"

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class PaymentRepositoryTest : public CatalogBackendTest
{
protected:
    static PaymentAttempt attempt(const QString &id, const QString &invoice, const QString &key, qint64 at)
    {
        return {id, invoice, u"t-a"_s, u"stripe"_s, key, 4900, u"USD"_s, u"pending"_s, {}, {}, {}, at};
    }
    Status save(const PaymentAttempt &a)
    {
        return m_catalog->transaction([&](QSqlDatabase &tx) { return PaymentRepository::save(tx, a); });
    }
};

TEST_P(PaymentRepositoryTest, AnOutcomeUpdatesTheAttemptWithTheSameKeyAndNothingElse)
{
    ASSERT_TRUE(save(attempt(u"p-1"_s, u"inv-1"_s, u"inv-1:1"_s, 10)).ok());
    PaymentAttempt declined = attempt(u"p-1"_s, u"inv-1"_s, u"inv-1:1"_s, 10);
    declined.status = u"declined"_s;
    declined.failureCode = u"insufficient_funds"_s;
    declined.failureMessage = u"Your card has insufficient funds."_s;
    ASSERT_TRUE(save(declined).ok());
    PaymentAttempt retry = attempt(u"p-2"_s, u"inv-1"_s, u"inv-1:2"_s, 20);
    retry.status = u"succeeded"_s;
    retry.gatewayReference = u"pi_123"_s;
    ASSERT_TRUE(save(retry).ok());
    ASSERT_TRUE(save(attempt(u"p-3"_s, u"inv-2"_s, u"inv-2:1"_s, 30)).ok());

    QSqlDatabase db = m_catalog->connection().value();
    auto attempts = PaymentRepository::forInvoice(db, u"inv-1"_s);
    ASSERT_TRUE(attempts.ok());
    ASSERT_EQ(attempts->size(), 2);
    EXPECT_EQ(attempts->at(0).status, u"declined"_s);
    EXPECT_EQ(attempts->at(0).failureCode, u"insufficient_funds"_s);
    EXPECT_EQ(attempts->at(1).gatewayReference, u"pi_123"_s);
    auto byKey = PaymentRepository::findByKey(db, u"inv-2:1"_s);
    ASSERT_TRUE(byKey.ok() && byKey->has_value());
    EXPECT_EQ((*byKey)->invoiceId, u"inv-2"_s);
    EXPECT_FALSE(PaymentRepository::findByKey(db, u"nope"_s)->has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, PaymentRepositoryTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
