#include "core/storage/invoicerepository.h"

#include "tests/integration/storage/catalogfixture.h"

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMarch = 1'772'323'200'000; // 2026-03-01T00:00:00Z
constexpr qint64 kApril = 1'775'001'600'000; // 2026-04-01T00:00:00Z

class InvoiceRepositoryTest : public CatalogBackendTest
{
protected:
    static StoredInvoice draft(const QString &id, const QString &tenant, qint64 start = kMarch, qint64 end = kApril)
    {
        StoredInvoice s;
        s.id = id;
        s.tenantId = tenant;
        s.kind = u"invoice"_s;
        s.status = u"draft"_s;
        s.currency = u"USD"_s;
        s.periodStartMs = start;
        s.periodEndMs = end;
        s.subtotalMinor = 4900;
        s.totalMinor = 4900;
        s.document = {{u"lines"_s, 1}};
        s.createdMs = s.updatedMs = end;
        s.coversPeriod = true;
        return s;
    }
    Status inTx(const std::function<Status(QSqlDatabase &)> &work) { return m_catalog->transaction(work); }
    StoredInvoice mustFind(const QString &id)
    {
        QSqlDatabase db = m_catalog->connection().value();
        auto found = InvoiceRepository::find(db, id);
        EXPECT_TRUE(found.ok() && found->has_value()) << id.toStdString();
        return found.ok() && found->has_value() ? **found : StoredInvoice{};
    }
};

TEST_P(InvoiceRepositoryTest, ADraftChangesUntilFinalizedAndNeverAfter)
{
    ASSERT_TRUE(inTx([](QSqlDatabase &tx) { return InvoiceRepository::insert(tx, draft(u"inv-1"_s, u"t-a"_s)); }).ok());
    StoredInvoice changed = draft(u"inv-1"_s, u"t-a"_s);
    changed.subtotalMinor = changed.totalMinor = 5900;
    ASSERT_TRUE(inTx([&](QSqlDatabase &tx) { return InvoiceRepository::replaceDraft(tx, changed); }).ok());
    EXPECT_EQ(mustFind(u"inv-1"_s).totalMinor, 5900);

    StoredInvoice final = changed;
    final.number = u"INV-000001"_s;
    final.issuedMs = kApril;
    final.dueMs = kApril + 14 * 86'400'000LL;
    final.document = {{u"number"_s, u"INV-000001"_s}};
    ASSERT_TRUE(inTx([&](QSqlDatabase &tx) { return InvoiceRepository::finalize(tx, final); }).ok());
    const StoredInvoice open = mustFind(u"INV-000001"_s); // found by number too
    EXPECT_EQ(open.id, u"inv-1"_s);
    EXPECT_EQ(open.status, u"open"_s);
    EXPECT_EQ(open.dueMs, final.dueMs);
    EXPECT_EQ(open.document.value(u"number"_s).toString(), u"INV-000001"_s);

    StoredInvoice tampered = final;
    tampered.totalMinor = 1;
    for (const auto &attempt : {InvoiceRepository::replaceDraft, InvoiceRepository::finalize}) {
        const Status refused = inTx([&](QSqlDatabase &tx) { return attempt(tx, tampered); });
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().code, u"invoice-finalized"_s);
    }
    EXPECT_EQ(mustFind(u"inv-1"_s).totalMinor, 5900);
}

TEST_P(InvoiceRepositoryTest, StatusMovesOnlyFromWhereItIs)
{
    StoredInvoice open = draft(u"inv-1"_s, u"t-a"_s);
    open.status = u"open"_s;
    ASSERT_TRUE(inTx([&](QSqlDatabase &tx) { return InvoiceRepository::insert(tx, open); }).ok());
    ASSERT_TRUE(inTx([](QSqlDatabase &tx) {
        return InvoiceRepository::moveStatus(tx, u"inv-1"_s, u"open"_s, u"paid"_s, 4900, kApril + 5, kApril + 5);
    }).ok());
    const StoredInvoice paid = mustFind(u"inv-1"_s);
    EXPECT_EQ(paid.status, u"paid"_s);
    EXPECT_EQ(paid.amountPaidMinor, 4900);
    EXPECT_EQ(paid.paidMs, kApril + 5);
    // A second payer who still thinks it is open changes nothing.
    const Status stale = inTx([](QSqlDatabase &tx) {
        return InvoiceRepository::moveStatus(tx, u"inv-1"_s, u"open"_s, u"void"_s, 0, 0, kApril + 6);
    });
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, u"invoice-status-changed"_s);
    EXPECT_EQ(mustFind(u"inv-1"_s).status, u"paid"_s);
}

TEST_P(InvoiceRepositoryTest, OnePeriodHasOneInvoiceAndTenantsSeeOnlyTheirOwn)
{
    ASSERT_TRUE(inTx([](QSqlDatabase &tx) { return InvoiceRepository::insert(tx, draft(u"a-1"_s, u"t-a"_s)); }).ok());
    const Status twice = inTx([](QSqlDatabase &tx) { return InvoiceRepository::insert(tx, draft(u"a-2"_s, u"t-a"_s)); });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, u"invoice-exists"_s);
    // A plan change's invoice may span exactly the period (a change in its first second).
    ASSERT_TRUE(inTx([](QSqlDatabase &tx) {
        StoredInvoice change = draft(u"a-change"_s, u"t-a"_s);
        change.coversPeriod = false;
        return InvoiceRepository::insert(tx, change);
    }).ok());
    EXPECT_FALSE(mustFind(u"a-change"_s).coversPeriod);
    EXPECT_TRUE(mustFind(u"a-1"_s).coversPeriod);
    ASSERT_TRUE(inTx([](QSqlDatabase &tx) { return InvoiceRepository::insert(tx, draft(u"b-1"_s, u"t-b"_s)); }).ok());
    ASSERT_TRUE(inTx([](QSqlDatabase &tx) {
        return InvoiceRepository::insert(tx, draft(u"a-3"_s, u"t-a"_s, kApril, kApril + 30 * 86'400'000LL));
    }).ok());
    QSqlDatabase db = m_catalog->connection().value();
    auto mine = InvoiceRepository::list(db, {u"t-a"_s, QString(), 100});
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 3);
    for (const StoredInvoice &s : mine.value())
        EXPECT_EQ(s.tenantId, u"t-a"_s);
    EXPECT_EQ(mine->first().id, u"a-3"_s) << "newest first";
    EXPECT_EQ(InvoiceRepository::list(db, {QString(), QString(), 100})->size(), 4);
    EXPECT_EQ(InvoiceRepository::list(db, {u"t-b"_s, u"open"_s, 100})->size(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, InvoiceRepositoryTest, ::testing::Values("sqlite", "postgres"), backendName);

TEST_P(InvoiceRepositoryTest, EveryOpenInvoiceOfAFleetIsListedOldestFirst)
{
    // More open invoices than a page of list() holds: a billing run must see them all.
    constexpr int kOpen = 1'205;
    ASSERT_TRUE(inTx([](QSqlDatabase &tx) -> Status {
        for (int i = 0; i < kOpen; ++i) {
            StoredInvoice open = draft(u"open-%1"_s.arg(i, 4, 10, QChar(u'0')), u"t-%1"_s.arg(i));
            open.status = u"open"_s;
            open.number = u"INV-%1"_s.arg(i, 6, 10, QChar(u'0'));
            open.createdMs = kMarch + i * 1000;
            if (Status s = InvoiceRepository::insert(tx, open); !s)
                return s;
        }
        StoredInvoice paid = draft(u"paid-1"_s, u"t-paid"_s);
        paid.status = u"paid"_s;
        paid.number = u"INV-PAID"_s;
        if (Status s = InvoiceRepository::insert(tx, paid); !s)
            return s;
        return InvoiceRepository::insert(tx, draft(u"draft-1"_s, u"t-draft"_s));
    }).ok());

    QSqlDatabase db = m_catalog->connection().value();
    auto open = InvoiceRepository::allOpen(db);
    ASSERT_TRUE(open.ok()) << open.error().message.toStdString();
    ASSERT_EQ(open->size(), kOpen);
    EXPECT_EQ(open->first().id, u"open-0000"_s) << "the oldest first: the first to fall overdue";
    EXPECT_EQ(open->last().id, u"open-1204"_s);
    for (const StoredInvoice &row : open.value())
        EXPECT_EQ(row.status, u"open"_s);
    EXPECT_EQ(InvoiceRepository::list(db, {QString(), u"open"_s, 5000})->size(), 1000) << "a list page stays bounded";
}

} // namespace
