#include "core/observe/tenantlog.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Observe;
using namespace Qt::StringLiterals;

namespace {

const QString kAcme = u"0f1e2d3c-0000-4000-8000-00000000aaaa"_s;
const QString kGlobex = u"0f1e2d3c-0000-4000-8000-00000000bbbb"_s;

class TenantLogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        // Tenants' data spaces exist (the log never creates one).
        for (const QString &id : {kAcme, kGlobex})
            ASSERT_TRUE(QDir().mkpath(m_dir.filePath(u"tenants/"_s + id)));
    }

    QList<QJsonObject> readAll(const QString &tenant, LogQuery query = {})
    {
        query.limit = 1000;
        auto page = m_log.read(tenant, query);
        EXPECT_TRUE(page.ok());
        return page.ok() ? page->items : QList<QJsonObject>{};
    }

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 5, 1), QTime(23, 59, 58), Qt::UTC)};
    TenantLog m_log{m_dir.path(), m_clock};
};

} // namespace

TEST_F(TenantLogTest, LinesAreKeptPerTenantAndDay)
{
    m_log.append(kAcme, u"request"_s, {{u"path"_s, u"/api/v1/me"_s}});
    m_log.append(kGlobex, u"request"_s, {{u"path"_s, u"/api/v1/secret"_s}});
    m_clock.advanceSeconds(5); // past midnight: a new file
    m_log.append(kAcme, u"event"_s, {{u"event"_s, u"anomaly.detected"_s}});
    EXPECT_TRUE(readAll(kAcme).isEmpty()); // nothing before flush
    ASSERT_TRUE(m_log.flush().ok());

    const QList<QJsonObject> acme = readAll(kAcme);
    ASSERT_EQ(acme.size(), 2);
    EXPECT_EQ(acme[0].value(u"kind"_s).toString(), u"request"_s);
    EXPECT_EQ(acme[0].value(u"ts"_s).toString(), u"2026-05-01T23:59:58.000Z"_s);
    EXPECT_EQ(acme[1].value(u"kind"_s).toString(), u"event"_s);
    for (const QJsonObject &line : acme)
        EXPECT_NE(line.value(u"path"_s).toString(), u"/api/v1/secret"_s);
    EXPECT_EQ(readAll(kGlobex).size(), 1);
    EXPECT_TRUE(QFile::exists(m_dir.filePath(u"tenants/"_s + kAcme + u"/logs/2026-05-02.jsonl"_s)));

    LogQuery events;
    events.kind = u"event"_s;
    EXPECT_EQ(readAll(kAcme, events).size(), 1);
    LogQuery sinceMidnight;
    sinceMidnight.from = QDateTime(QDate(2026, 5, 2), QTime(0, 0), Qt::UTC);
    EXPECT_EQ(readAll(kAcme, sinceMidnight).size(), 1);
}

TEST_F(TenantLogTest, PagesWithACursorAcrossDays)
{
    for (int i = 0; i < 25; ++i) {
        m_log.append(kAcme, u"request"_s, {{u"n"_s, i}});
        m_clock.advanceSeconds(3600 * 5); // five lines a day
    }
    ASSERT_TRUE(m_log.flush().ok());
    LogQuery q;
    q.limit = 7;
    QList<int> seen;
    for (int pages = 0; pages < 10; ++pages) {
        auto page = m_log.read(kAcme, q);
        ASSERT_TRUE(page.ok());
        for (const QJsonObject &line : page->items)
            seen.append(line.value(u"n"_s).toInt());
        if (page->nextCursor.isEmpty())
            break;
        q.cursor = page->nextCursor;
    }
    QList<int> expected;
    for (int i = 0; i < 25; ++i)
        expected.append(i);
    EXPECT_EQ(seen, expected);
}

TEST_F(TenantLogTest, HostileInputIsRefusedOrIgnored)
{
    m_log.append(u"../../etc"_s, u"request"_s, {});
    m_log.append(u""_s, u"request"_s, {});
    ASSERT_TRUE(m_log.flush().ok());
    EXPECT_FALSE(QDir(m_dir.filePath(u"etc"_s)).exists());
    EXPECT_TRUE(readAll(u"../tenants/"_s + kAcme).isEmpty());
    LogQuery bad;
    bad.cursor = u"yesterday:-1"_s;
    EXPECT_EQ(m_log.read(kAcme, bad).error().code, u"invalid-cursor"_s);
    bad = {};
    bad.limit = 0;
    EXPECT_EQ(m_log.read(kAcme, bad).error().code, u"invalid-limit"_s);
}

TEST_F(TenantLogTest, APurgedTenantGetsNoNewFiles)
{
    QDir(m_dir.filePath(u"tenants/"_s + kGlobex)).removeRecursively();
    m_log.append(kGlobex, u"request"_s, {});
    ASSERT_TRUE(m_log.flush().ok());
    EXPECT_FALSE(QDir(m_dir.filePath(u"tenants/"_s + kGlobex)).exists());
}

TEST_F(TenantLogTest, OldDaysAreRemovedAfterRetention)
{
    for (int day = 0; day < 10; ++day) {
        m_log.append(kAcme, u"request"_s, {{u"day"_s, day}});
        m_clock.advanceSeconds(86400);
    }
    ASSERT_TRUE(m_log.flush().ok());
    // Files for May 1..10 exist; it is now May 11, and three days back is May 8.
    auto removed = m_log.removeExpired(3);
    ASSERT_TRUE(removed.ok());
    EXPECT_EQ(removed.value(), 7);
    const QList<QJsonObject> kept = readAll(kAcme);
    ASSERT_EQ(kept.size(), 3);
    EXPECT_EQ(kept.first().value(u"day"_s).toInt(), 7);
}

TEST_F(TenantLogTest, TheQueueIsBounded)
{
    TenantLog tiny(m_dir.path(), m_clock, 300);
    for (int i = 0; i < 20; ++i)
        tiny.append(kAcme, u"request"_s, {{u"n"_s, i}});
    EXPECT_GT(tiny.dropped(), 0);
    ASSERT_TRUE(tiny.flush().ok());
    EXPECT_EQ(qint64(readAll(kAcme).size()) + tiny.dropped(), 20);
}

TEST_F(TenantLogTest, ARequestLineIsTheLineAppendWouldWriteEvenForHostileText)
{
    // Paths arrive percent-encoded, but the line must stay valid JSON whatever it holds.
    const QByteArray path = "/api/v1/\"quoted\"\\back\x01\x1f/\xe5\x8c\x97\xe4\xba\xac";
    m_clock.set(m_clock.now().addMSecs(123));
    m_log.appendRequest(kAcme, {u"req-1"_s, "GET", path, 404, 1234, u"::1"_s});
    m_log.append(kAcme, u"request"_s,
                 {{u"request_id"_s, u"req-1"_s}, {u"method"_s, u"GET"_s}, {u"path"_s, QString::fromUtf8(path)},
                  {u"status"_s, 404}, {u"duration_ms"_s, 1.234}, {u"source"_s, u"::1"_s}});
    m_log.appendRequest(u"../../etc"_s, {u"req-2"_s, "GET", "/", 200, 1, u"::1"_s}); // not an id: ignored
    ASSERT_TRUE(m_log.flush().ok());

    const QList<QJsonObject> lines = readAll(kAcme);
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(lines[0], lines[1]);
    EXPECT_EQ(lines[0].value(u"path"_s).toString(), QString::fromUtf8(path));
    EXPECT_EQ(lines[0].value(u"ts"_s).toString(), u"2026-05-01T23:59:58.123Z"_s);
    EXPECT_EQ(lines[0].value(u"duration_ms"_s).toDouble(), 1.234);
}
