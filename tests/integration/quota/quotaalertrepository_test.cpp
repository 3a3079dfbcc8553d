#include "core/storage/quotaalertrepository.h"

#include "tests/integration/quota/quotaalertfixture.h"

#include <QSet>

#include <atomic>
#include <thread>

using namespace Tenantry;
using namespace Tenantry::Quota;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class QuotaAlertRepositoryTest : public QuotaAlertFixture
{
protected:
    QList<QuotaAlert> mustRecord(QuotaAlertRepository &repository, const QList<QuotaAlert> &alerts)
    {
        auto fresh = repository.record(alerts);
        EXPECT_TRUE(fresh.ok()) << (fresh.ok() ? "" : fresh.error().message.toStdString());
        return fresh.ok() ? fresh.value() : QList<QuotaAlert>{};
    }
    QList<QuotaAlert> mustRecord(const QList<QuotaAlert> &alerts) { return mustRecord(*m_repository, alerts); }

    QuotaAlertPage mustList(const QuotaAlertFilter &filter)
    {
        auto page = m_repository->list(filter);
        EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message.toStdString());
        return page.ok() ? page.value() : QuotaAlertPage{};
    }

    static QList<int> thresholdsOf(const QList<QuotaAlert> &alerts)
    {
        QList<int> out;
        for (const QuotaAlert &a : alerts)
            out.append(a.threshold);
        return out;
    }
    static QList<int> thresholdsOf(const QuotaAlertPage &page)
    {
        QList<int> out;
        for (const StoredQuotaAlert &s : page.items)
            out.append(s.alert.threshold);
        return out;
    }
};

TEST_P(QuotaAlertRepositoryTest, RecordReturnsExactlyTheNewRows)
{
    EXPECT_EQ(thresholdsOf(mustRecord({alert(u"t-a"_s, 80), alert(u"t-a"_s, 90)})), (QList<int>{80, 90}));
    EXPECT_EQ(thresholdsOf(mustRecord({alert(u"t-a"_s, 90), alert(u"t-a"_s, 95)})), (QList<int>{95}));
    // The same key twice in one batch is one row.
    EXPECT_EQ(thresholdsOf(mustRecord({alert(u"t-a"_s, 100), alert(u"t-a"_s, 100, 5)})), (QList<int>{100}));
    // Another window, dimension or tenant is another row.
    QuotaAlert nextDay = alert(u"t-a"_s, 80);
    nextDay.windowStartMs += kDayMs;
    nextDay.windowEndMs += kDayMs;
    EXPECT_EQ(mustRecord({nextDay, alert(u"t-a"_s, 80, 0, u"rule:exports"_s), alert(u"t-b"_s, 80)}).size(), 3);
    EXPECT_TRUE(mustRecord({}).isEmpty());
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM quota_alerts"_s), 7);
    // Ids are dense where nothing conflicted and the counter names the last one.
    EXPECT_EQ(scalar(u"SELECT MAX(id) FROM quota_alerts"_s), 7);
    EXPECT_EQ(scalar(u"SELECT value FROM catalog_state WHERE name = 'quota_alerts_last_id'"_s), 7);

    const QuotaAlertPage page = mustList({});
    ASSERT_EQ(page.items.size(), 7);
    const QuotaAlert &stored = page.items.last().alert; // the oldest: 80 % of day one
    const QuotaAlert expected = alert(u"t-a"_s, 80);
    EXPECT_EQ(stored.tenantId, expected.tenantId);
    EXPECT_EQ(stored.dimension, expected.dimension);
    EXPECT_EQ(stored.windowStartMs, expected.windowStartMs);
    EXPECT_EQ(stored.windowEndMs, expected.windowEndMs);
    EXPECT_EQ(stored.used, expected.used);
    EXPECT_EQ(stored.limit, expected.limit);
    EXPECT_EQ(stored.atMs, expected.atMs);
}

TEST_P(QuotaAlertRepositoryTest, OncePerWindowHoldsAcrossProcesses)
{
    OtherProcess other = otherProcess();
    ASSERT_TRUE(other.repository);
    EXPECT_EQ(mustRecord({alert(u"t-a"_s, 80)}).size(), 1);
    EXPECT_TRUE(mustRecord(*other.repository, {alert(u"t-a"_s, 80)}).isEmpty());
    EXPECT_EQ(thresholdsOf(mustRecord(*other.repository, {alert(u"t-a"_s, 80), alert(u"t-a"_s, 90)})), (QList<int>{90}));
}

TEST_P(QuotaAlertRepositoryTest, ConcurrentProcessesRecordEachAlertOnce)
{
    OtherProcess other = otherProcess();
    ASSERT_TRUE(other.repository);
    QList<QuotaAlert> batch;
    for (int t = 0; t < 10; ++t) {
        for (int threshold : {80, 90, 95, 100})
            batch.append(alert(u"t-%1"_s.arg(t), threshold));
    }
    QList<QuotaAlert> reversed(batch.rbegin(), batch.rend());
    std::atomic<int> fresh{0};
    std::atomic<int> failures{0};
    const auto run = [&](QuotaAlertRepository &repository, const QList<QuotaAlert> &alerts) {
        for (int round = 0; round < 5; ++round) {
            auto recorded = repository.record(alerts);
            if (recorded.ok())
                fresh += int(recorded->size());
            else
                ++failures;
        }
    };
    std::thread one([&] { run(*m_repository, batch); });
    std::thread two([&] { run(*other.repository, reversed); });
    one.join();
    two.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(fresh.load(), batch.size());
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM quota_alerts"_s), batch.size());
    EXPECT_EQ(scalar(u"SELECT COUNT(DISTINCT id) FROM quota_alerts"_s), batch.size());
}

TEST_P(QuotaAlertRepositoryTest, ListsNewestFirstWithFiltersAndPages)
{
    mustRecord({alert(u"t-a"_s, 80, 0), alert(u"t-b"_s, 80, 1), alert(u"t-a"_s, 90, 2)});
    mustRecord({alert(u"t-a"_s, 95, 3), alert(u"t-b"_s, 90, 4), alert(u"t-a"_s, 100, 5)});

    QuotaAlertFilter onlyA;
    onlyA.tenantId = u"t-a"_s;
    EXPECT_EQ(thresholdsOf(mustList(onlyA)), (QList<int>{100, 95, 90, 80}));
    EXPECT_EQ(mustList(onlyA).nextCursor, 0);

    QuotaAlertFilter window;
    window.sinceMs = alert(u""_s, 0, 1).atMs;  // inclusive
    window.untilMs = alert(u""_s, 0, 4).atMs;  // exclusive
    EXPECT_EQ(mustList(window).items.size(), 3); // minutes 1, 2, 3

    QuotaAlertFilter paged;
    paged.limit = 4;
    const QuotaAlertPage first = mustList(paged);
    EXPECT_EQ(first.items.size(), 4);
    ASSERT_NE(first.nextCursor, 0);
    EXPECT_EQ(first.nextCursor, first.items.last().id);
    paged.beforeId = first.nextCursor;
    const QuotaAlertPage second = mustList(paged);
    EXPECT_EQ(second.items.size(), 2);
    EXPECT_EQ(second.nextCursor, 0);
    QSet<qint64> ids;
    for (const auto *page : {&first, &second}) {
        for (const StoredQuotaAlert &s : page->items)
            ids.insert(s.id);
    }
    EXPECT_EQ(ids.size(), 6);
    EXPECT_GT(first.items.first().id, second.items.last().id);

    // An exactly full last page says there is no more.
    paged.beforeId = 0;
    paged.limit = 6;
    EXPECT_EQ(mustList(paged).nextCursor, 0);
}

TEST_P(QuotaAlertRepositoryTest, RefusesBadListFilters)
{
    for (int limit : {0, -1, 1001}) {
        QuotaAlertFilter f;
        f.limit = limit;
        auto page = m_repository->list(f);
        ASSERT_FALSE(page.ok()) << limit;
        EXPECT_EQ(page.error().code, u"invalid-query"_s);
        EXPECT_EQ(page.error().fields.value(0).field, u"limit"_s);
    }
    QuotaAlertFilter backwards;
    backwards.sinceMs = 2000;
    backwards.untilMs = 1000;
    EXPECT_EQ(m_repository->list(backwards).error().fields.value(0).field, u"until"_s);
    QuotaAlertFilter cursor;
    cursor.beforeId = -5;
    EXPECT_EQ(m_repository->list(cursor).error().fields.value(0).field, u"cursor"_s);
}

TEST_P(QuotaAlertRepositoryTest, WebhooksAreSetReplacedAndRemoved)
{
    const QString secret = u"0123456789abcdef-secret"_s;
    EXPECT_FALSE(m_repository->webhook(u"t-a"_s).value().has_value());
    ASSERT_TRUE(m_repository->setWebhook(u"t-a"_s, u"https://hooks.example.com/a"_s, secret).ok());
    auto stored = m_repository->webhook(u"t-a"_s);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_EQ((*stored)->url, u"https://hooks.example.com/a"_s);
    EXPECT_EQ((*stored)->secret, secret);
    EXPECT_EQ((*stored)->updatedAt, m_clock.now());

    m_clock.advanceSeconds(60);
    ASSERT_TRUE(m_repository->setWebhook(u"t-a"_s, u"https://hooks.example.com/a2"_s, secret + u"2"_s).ok());
    EXPECT_EQ(m_repository->webhook(u"t-a"_s).value()->url, u"https://hooks.example.com/a2"_s);
    EXPECT_EQ(m_repository->webhook(u"t-a"_s).value()->updatedAt, m_clock.now());
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM tenant_webhooks"_s), 1);

    ASSERT_TRUE(m_repository->setWebhook(u"t-b"_s, u"http://127.0.0.1:9/b"_s, secret).ok());
    auto both = m_repository->webhooks({u"t-a"_s, u"t-b"_s, u"t-c"_s});
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both->size(), 2);

    EXPECT_EQ(m_repository->setWebhook(u"t-a"_s, u"ftp://hooks.example.com"_s, secret).error().code, u"webhook-url-scheme"_s);
    EXPECT_EQ(m_repository->setWebhook(u"t-a"_s, u"https://u:p@hooks.example.com"_s, secret).error().code,
              u"webhook-url-credentials"_s);
    EXPECT_EQ(m_repository->setWebhook(u"t-a"_s, u"https://hooks.example.com"_s, u"short"_s).error().code,
              u"webhook-secret-too-short"_s);
    EXPECT_EQ(m_repository->webhook(u"t-a"_s).value()->url, u"https://hooks.example.com/a2"_s); // unchanged

    ASSERT_TRUE(m_repository->removeWebhook(u"t-a"_s).ok());
    EXPECT_FALSE(m_repository->webhook(u"t-a"_s).value().has_value());
    const Status again = m_repository->removeWebhook(u"t-a"_s);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, u"webhook-not-found"_s);
}

TEST_P(QuotaAlertRepositoryTest, PurgeForgetsOneTenantOnly)
{
    mustRecord({alert(u"t-a"_s, 80), alert(u"t-a"_s, 90), alert(u"t-b"_s, 80)});
    ASSERT_TRUE(m_repository->setWebhook(u"t-a"_s, u"https://hooks.example.com/a"_s, u"0123456789abcdef"_s).ok());
    ASSERT_TRUE(m_repository->setWebhook(u"t-b"_s, u"https://hooks.example.com/b"_s, u"0123456789abcdef"_s).ok());
    ASSERT_TRUE(m_repository->purgeTenant(u"t-a"_s).ok());
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM quota_alerts WHERE tenant_id = 't-a'"_s), 0);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM quota_alerts WHERE tenant_id = 't-b'"_s), 1);
    EXPECT_FALSE(m_repository->webhook(u"t-a"_s).value().has_value());
    EXPECT_TRUE(m_repository->webhook(u"t-b"_s).value().has_value());
    EXPECT_TRUE(m_repository->purgeTenant(u"t-a"_s).ok()); // nothing left: still fine
    // A purged tenant's alerts may be raised again (the tenant id is never reused anyway).
    EXPECT_EQ(mustRecord({alert(u"t-a"_s, 80)}).size(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, QuotaAlertRepositoryTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
