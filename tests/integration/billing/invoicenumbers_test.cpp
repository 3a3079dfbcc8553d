#include "core/storage/invoicenumbers.h"

#include "tests/integration/storage/catalogfixture.h"

#include <QSet>

#include <mutex>
#include <thread>

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class InvoiceNumbersTest : public CatalogBackendTest
{
protected:
    Result<QString> take(Catalog &catalog, const QString &issuer, bool thenFail = false)
    {
        QString number;
        const Status done = catalog.transaction([&](QSqlDatabase &tx) -> Status {
            auto n = InvoiceNumbers::next(tx, issuer, u"INV"_s);
            if (!n)
                return n.error();
            number = n.value();
            if (thenFail)
                return Error::internal(u"the invoice could not be written"_s);
            return {};
        });
        if (!done)
            return done.error();
        return number;
    }
};

TEST_P(InvoiceNumbersTest, NumbersAreSequentialPerIssuerAndAFailedFinalizationLeavesNoGap)
{
    EXPECT_EQ(take(*m_catalog, u"main"_s).value(), u"INV-000001"_s);
    EXPECT_EQ(take(*m_catalog, u"main"_s).value(), u"INV-000002"_s);
    EXPECT_FALSE(take(*m_catalog, u"main"_s, true).ok()); // rolled back with its number
    EXPECT_EQ(take(*m_catalog, u"main"_s).value(), u"INV-000003"_s);
    EXPECT_EQ(take(*m_catalog, u"other"_s).value(), u"INV-000001"_s) << "another issuer has its own sequence";
    QSqlDatabase db = m_catalog->connection().value();
    EXPECT_EQ(InvoiceNumbers::last(db, u"main"_s).value(), 3);
    EXPECT_EQ(InvoiceNumbers::last(db, u"none"_s).value(), 0);
}

TEST_P(InvoiceNumbersTest, ConcurrentServersUseEveryNumberExactlyOnce)
{
    // Two catalogs on the same database stand for two servers; two threads each.
    auto second = Catalog::open(m_location);
    ASSERT_TRUE(second.ok());
    std::mutex guard;
    QSet<QString> seen;
    int failures = 0;
    std::vector<std::thread> threads;
    constexpr int kPerThread = 25;
    for (int t = 0; t < 4; ++t) {
        Catalog &catalog = t % 2 == 0 ? *m_catalog : *second.value();
        threads.emplace_back([&, t, failOnce = t == 3] {
            for (int i = 0; i < kPerThread; ++i) {
                auto n = take(catalog, u"main"_s, failOnce && i == 10);
                std::lock_guard lock(guard);
                if (n)
                    seen.insert(n.value());
                else
                    ++failures;
            }
        });
    }
    for (auto &th : threads)
        th.join();
    ASSERT_EQ(failures, 1);
    const int used = 4 * kPerThread - 1;
    EXPECT_EQ(seen.size(), used);
    for (int n = 1; n <= used; ++n)
        EXPECT_TRUE(seen.contains(u"INV-%1"_s.arg(n, 6, 10, QChar(u'0')))) << "gap at " << n;
}

INSTANTIATE_TEST_SUITE_P(Backends, InvoiceNumbersTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
