// The audit trail of a real server through RemoteAuditTrail: every filter, cursors in both
// directions, exports equal to the server's own downloads (also when taken in several),
// verification, the interface's error codes, tenant isolation and concurrent callers.
#include "core/remote/remoteaudittrail.h"

#include "core/observe/auditlog.h"
#include "tests/integration/remote/remoteserverfixture.h"
#include "tests/support/csvreader.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <thread>

using namespace Tenantry;
using namespace Tenantry::Observe;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class RemoteAuditTrailTest : public RemoteServerTest
{
protected:
    void SetUp() override
    {
        RemoteServerTest::SetUp();
        if (HasFatalFailure())
            return;
        m_trail = std::make_unique<Remote::RemoteAuditTrail>(client());
    }

    // Creates the tenant; returns its id.
    QString createTenant(const QString &slug)
    {
        auto created = client().sendJson("POST", u"/admin/v1/tenants"_s, {{u"slug"_s, slug}});
        EXPECT_TRUE(created) << created.error().message.toStdString();
        return created ? created->value(u"id"_s).toString() : QString();
    }

    void post(const QString &path, const QJsonObject &body = {})
    {
        auto answer = client().sendJson("POST", path, body);
        ASSERT_TRUE(answer) << path.toStdString() << ": " << answer.error().message.toStdString();
    }

    // A trail of tenant.* and api_key.* entries for three tenants, interleaved.
    void makeTrail()
    {
        m_acmeId = createTenant(u"acme"_s);
        m_globexId = createTenant(u"globex"_s);
        post(u"/admin/v1/tenants/acme/suspend"_s);
        post(u"/admin/v1/tenants/globex/api-keys"_s, {{u"name"_s, u"ci"_s}});
        createTenant(u"initech"_s);
        post(u"/admin/v1/tenants/acme/activate"_s);
        post(u"/admin/v1/tenants/globex/suspend"_s);
        post(u"/admin/v1/tenants/acme/api-keys"_s, {{u"name"_s, u"deploy"_s}});
        post(u"/admin/v1/tenants/initech/suspend"_s);
        post(u"/admin/v1/tenants/globex/activate"_s);
        post(u"/admin/v1/tenants/acme/suspend"_s);
    }

    // Every matching entry, read page by page through `trail`.
    static QList<AuditEntry> all(AuditTrail &trail, AuditQuery query)
    {
        QList<AuditEntry> out;
        for (int pages = 0; pages < 1000; ++pages) {
            auto page = trail.query(query);
            EXPECT_TRUE(page) << page.error().message.toStdString();
            if (!page)
                break;
            out.append(page->items);
            if (page->nextCursor == 0)
                break;
            query.afterSeq = page->nextCursor;
        }
        return out;
    }

    QList<AuditEntry> everything() { return all(*m_trail, AuditQuery{.limit = 1000}); }

    static QList<qint64> seqs(const QList<AuditEntry> &entries)
    {
        QList<qint64> out;
        for (const AuditEntry &e : entries)
            out.append(e.seq);
        return out;
    }

    static QList<AuditEntry> where(const QList<AuditEntry> &entries, const std::function<bool(const AuditEntry &)> &keep)
    {
        QList<AuditEntry> out;
        std::copy_if(entries.begin(), entries.end(), std::back_inserter(out), keep);
        return out;
    }

    // What the server's own export route sends for `params`, in one download.
    QByteArray serverExport(const QString &params)
    {
        auto reply = client().send("GET", u"/admin/v1/audit/export"_s, QUrlQuery(params));
        EXPECT_TRUE(reply) << reply.error().message.toStdString();
        return reply ? reply->body : QByteArray();
    }

    static QBuffer *opened(QBuffer &buffer)
    {
        EXPECT_TRUE(buffer.open(QIODevice::WriteOnly));
        return &buffer;
    }

    std::unique_ptr<Remote::RemoteAuditTrail> m_trail;
    QString m_acmeId, m_globexId;
};

TEST_F(RemoteAuditTrailTest, ReadsEntriesAsTheServerSendsThem)
{
    makeTrail();
    const QList<AuditEntry> full = everything();
    ASSERT_EQ(full.size(), 11);
    auto raw = client().getJson(u"/admin/v1/audit"_s, QUrlQuery(u"limit=1000"_s));
    ASSERT_TRUE(raw) << raw.error().message.toStdString();
    const QJsonArray items = raw->value(u"items"_s).toArray();
    ASSERT_EQ(items.size(), full.size());
    for (qsizetype i = 0; i < full.size(); ++i)
        EXPECT_EQ(toJson(full[i]), items[i].toObject()) << "entry " << i;

    const AuditEntry &suspend = full[2];
    EXPECT_EQ(suspend.action, u"tenant.suspend"_s);
    EXPECT_EQ(suspend.tenantId, m_acmeId);
    EXPECT_EQ(suspend.actor, u"admin"_s);
    EXPECT_EQ(suspend.at.timeSpec(), Qt::UTC);
    EXPECT_EQ(suspend.before.toObject().value(u"status"_s).toString(), u"active"_s);
    EXPECT_EQ(suspend.after.toObject().value(u"status"_s).toString(), u"suspended"_s);
    EXPECT_EQ(suspend.prevHash, full[1].hash);
    EXPECT_TRUE(full[0].before.isNull());
}

TEST_F(RemoteAuditTrailTest, FiltersByActionActorTenantAndTime)
{
    makeTrail();
    const QList<AuditEntry> full = everything();
    ASSERT_EQ(full.size(), 11);

    const auto byAction = [&](const QString &action) { return seqs(all(*m_trail, {.action = action})); };
    const QList<AuditEntry> tenantActions = where(full, [](const AuditEntry &e) { return e.action.startsWith("tenant."_L1); });
    ASSERT_LT(tenantActions.size(), full.size()); // the api_key.issue entries are not
    EXPECT_EQ(byAction(u"tenant.*"_s), seqs(tenantActions));
    EXPECT_EQ(byAction(u"tenant.suspend"_s),
              seqs(where(full, [](const AuditEntry &e) { return e.action == "tenant.suspend"_L1; })));
    EXPECT_EQ(byAction(u"api_key.*"_s).size(), 2);

    EXPECT_EQ(seqs(all(*m_trail, {.actor = u"admin"_s})), seqs(full));
    EXPECT_TRUE(all(*m_trail, {.actor = u"nobody"_s}).isEmpty());
    // A filter value reaches the server as one value, never as further parameters.
    EXPECT_TRUE(all(*m_trail, {.actor = u"admin&action=tenant.suspend"_s}).isEmpty());
    EXPECT_TRUE(all(*m_trail, {.actor = u"adm%69n"_s}).isEmpty());

    const QList<AuditEntry> acme = all(*m_trail, {.tenantId = m_acmeId});
    EXPECT_EQ(seqs(acme), seqs(where(full, [&](const AuditEntry &e) { return e.tenantId == m_acmeId; })));
    EXPECT_EQ(acme.size(), 5);

    // From the first entry later than the oldest (to the millisecond, given in another zone)
    // to the newest one, which the half-open range leaves out.
    const auto later = std::find_if(full.begin(), full.end(), [&](const AuditEntry &e) { return e.at > full[0].at; });
    ASSERT_NE(later, full.end());
    const QDateTime from = later->at.toOffsetFromUtc(-5 * 3600);
    const QDateTime to = full.last().at;
    const QList<AuditEntry> inRange =
        where(full, [&](const AuditEntry &e) { return e.at >= from && e.at < to; });
    ASSERT_FALSE(inRange.isEmpty());
    ASSERT_LT(inRange.size(), full.size());
    EXPECT_EQ(seqs(all(*m_trail, {.from = from, .to = to})), seqs(inRange));
    EXPECT_EQ(seqs(all(*m_trail, {.from = from})),
              seqs(where(full, [&](const AuditEntry &e) { return e.at >= from; })));
    EXPECT_EQ(seqs(all(*m_trail, {.action = u"tenant.*"_s, .from = from, .to = to})),
              seqs(where(inRange, [](const AuditEntry &e) { return e.action.startsWith("tenant."_L1); })));
}

TEST_F(RemoteAuditTrailTest, PagesBothWaysWithCursorsThatMatchAFullRead)
{
    makeTrail();
    const QList<AuditEntry> full = everything();
    ASSERT_EQ(full.size(), 11);
    QList<qint64> newestFirst = seqs(full);
    std::reverse(newestFirst.begin(), newestFirst.end());

    for (const int limit : {1, 3, 11}) {
        EXPECT_EQ(seqs(all(*m_trail, {.limit = limit})), seqs(full)) << limit;
        EXPECT_EQ(seqs(all(*m_trail, {.limit = limit, .newestFirst = true})), newestFirst) << limit;
    }

    auto first = m_trail->query({.limit = 3, .newestFirst = true});
    ASSERT_TRUE(first) << first.error().message.toStdString();
    EXPECT_EQ(seqs(first->items), newestFirst.mid(0, 3));
    EXPECT_EQ(first->nextCursor, newestFirst[2]);
    auto older = m_trail->query({.afterSeq = first->nextCursor, .limit = 3, .newestFirst = true});
    ASSERT_TRUE(older) << older.error().message.toStdString();
    EXPECT_EQ(seqs(older->items), newestFirst.mid(3, 3));

    // The last page says there is nothing more, in both directions.
    auto last = m_trail->query({.afterSeq = full[7].seq, .limit = 3});
    ASSERT_TRUE(last);
    EXPECT_EQ(seqs(last->items), seqs(full.mid(8)));
    EXPECT_EQ(last->nextCursor, 0);
    auto oldest = m_trail->query({.afterSeq = full[3].seq, .limit = 3, .newestFirst = true});
    ASSERT_TRUE(oldest);
    EXPECT_EQ(seqs(oldest->items), (QList<qint64>{full[2].seq, full[1].seq, full[0].seq}));
    EXPECT_EQ(oldest->nextCursor, 0);

    const QList<qint64> suspends =
        seqs(where(full, [](const AuditEntry &e) { return e.action == "tenant.suspend"_L1; }));
    QList<qint64> suspendsNewestFirst(suspends.rbegin(), suspends.rend());
    EXPECT_EQ(seqs(all(*m_trail, {.action = u"tenant.suspend"_s, .limit = 1, .newestFirst = true})),
              suspendsNewestFirst);
}

TEST_F(RemoteAuditTrailTest, ExportsWhatTheServersOwnRouteGives)
{
    makeTrail();
    const QList<AuditEntry> full = everything();

    QBuffer jsonl;
    qint64 next = -1;
    ASSERT_TRUE(m_trail->exportJsonLines({}, *opened(jsonl), -1, &next));
    EXPECT_EQ(next, 0);
    EXPECT_EQ(jsonl.data(), serverExport(u"format=jsonl"_s));
    QList<QByteArray> lines = jsonl.data().split('\n');
    ASSERT_EQ(lines.takeLast(), QByteArray());
    ASSERT_EQ(lines.size(), full.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        EXPECT_EQ(QJsonDocument::fromJson(lines[i]).object(), toJson(full[i]));

    QBuffer csv;
    ASSERT_TRUE(m_trail->exportCsv({}, *opened(csv)));
    EXPECT_EQ(csv.data(), serverExport(u"format=csv"_s));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.data()));
    ASSERT_EQ(rows.size(), 1 + full.size());
    EXPECT_EQ(rows[0].first(), u"seq"_s);
    EXPECT_EQ(rows.last().first(), QString::number(full.last().seq));

    QBuffer filtered;
    ASSERT_TRUE(m_trail->exportJsonLines({.tenantId = m_globexId, .action = u"tenant.*"_s}, *opened(filtered)));
    EXPECT_EQ(filtered.data(), serverExport(u"format=jsonl&tenant=globex&action=tenant.*"_s));
    EXPECT_EQ(filtered.data().count('\n'), 3);

    QBuffer newest;
    ASSERT_TRUE(m_trail->exportJsonLines({.newestFirst = true}, *opened(newest)));
    EXPECT_EQ(newest.data(), serverExport(u"format=jsonl&order=newest"_s));
    QList<QByteArray> reversed = newest.data().split('\n');
    reversed.removeLast();
    std::reverse(reversed.begin(), reversed.end());
    EXPECT_EQ(reversed, lines);
}

TEST_F(RemoteAuditTrailTest, AnExportOfSeveralDownloadsEqualsOneWithOneCsvHeader)
{
    makeTrail();
    Remote::RemoteAuditTrail paged(client(), 4); // 11 entries: three downloads
    for (const bool newestFirst : {false, true}) {
        const QString order = newestFirst ? u"&order=newest"_s : QString();
        QBuffer csv;
        qint64 next = -1;
        ASSERT_TRUE(paged.exportCsv({.newestFirst = newestFirst}, *opened(csv), -1, &next));
        EXPECT_EQ(next, 0);
        EXPECT_EQ(csv.data(), serverExport(u"format=csv"_s + order));
        EXPECT_EQ(csv.data().count("seq,occurred_at,"), 1);

        QBuffer jsonl;
        ASSERT_TRUE(paged.exportJsonLines({.newestFirst = newestFirst}, *opened(jsonl)));
        EXPECT_EQ(jsonl.data(), serverExport(u"format=jsonl"_s + order));
    }
    QBuffer acme;
    ASSERT_TRUE(paged.exportCsv({.tenantId = m_acmeId}, *opened(acme)));
    EXPECT_EQ(acme.data(), serverExport(u"format=csv&tenant_id="_s + m_acmeId));
    EXPECT_EQ(parseCsv(QString::fromUtf8(acme.data())).size(), 1 + 5);
}

TEST_F(RemoteAuditTrailTest, StopsAtMaxEntriesAndContinuesFromTheCursor)
{
    makeTrail();
    const QList<AuditEntry> full = everything();
    ASSERT_EQ(full.size(), 11);
    const QByteArray csvHeader = serverExport(u"format=csv&limit=1"_s).split('\n').first() + '\n';

    for (const qint64 pageEntries : {qint64(4), Remote::RemoteAuditTrail::kMaxExportPageEntries}) {
        Remote::RemoteAuditTrail trail(client(), pageEntries);
        QBuffer first;
        qint64 next = -1;
        ASSERT_TRUE(trail.exportJsonLines({}, *opened(first), 7, &next));
        EXPECT_EQ(first.data().count('\n'), 7) << pageEntries;
        EXPECT_EQ(next, full[6].seq) << pageEntries;
        QBuffer rest;
        ASSERT_TRUE(trail.exportJsonLines({.afterSeq = next}, *opened(rest), -1, &next));
        EXPECT_EQ(next, 0);
        EXPECT_EQ(first.data() + rest.data(), serverExport(u"format=jsonl"_s)) << pageEntries;

        // Every call has its header row; the rows of both together are the whole trail.
        QBuffer csvFirst, csvRest;
        ASSERT_TRUE(trail.exportCsv({}, *opened(csvFirst), 9, &next));
        EXPECT_EQ(next, full[8].seq);
        ASSERT_TRUE(trail.exportCsv({.afterSeq = next}, *opened(csvRest), 100, &next));
        EXPECT_EQ(next, 0);
        ASSERT_TRUE(csvFirst.data().startsWith(csvHeader));
        ASSERT_TRUE(csvRest.data().startsWith(csvHeader));
        EXPECT_EQ(csvFirst.data() + csvRest.data().mid(csvHeader.size()), serverExport(u"format=csv"_s));

        // Exactly as many as there are: nothing is left to continue from.
        QBuffer exact;
        ASSERT_TRUE(trail.exportJsonLines({}, *opened(exact), full.size(), &next));
        EXPECT_EQ(exact.data().count('\n'), full.size());
        EXPECT_EQ(next, 0);

        QBuffer newest;
        ASSERT_TRUE(trail.exportJsonLines({.newestFirst = true}, *opened(newest), 5, &next));
        EXPECT_EQ(newest.data().count('\n'), 5);
        EXPECT_EQ(next, full[full.size() - 5].seq);
    }

    QBuffer none, noneCsv;
    qint64 next = -1;
    ASSERT_TRUE(m_trail->exportJsonLines({}, *opened(none), 0, &next));
    EXPECT_TRUE(none.data().isEmpty());
    EXPECT_EQ(next, 0);
    ASSERT_TRUE(m_trail->exportCsv({}, *opened(noneCsv), 0, &next));
    EXPECT_EQ(noneCsv.data(), csvHeader);
}

TEST_F(RemoteAuditTrailTest, AFailedWriteIsExportWriteFailed)
{
    makeTrail();
    Remote::RemoteAuditTrail paged(client(), 4);
    for (Remote::RemoteAuditTrail *trail : {m_trail.get(), &paged}) {
        QBuffer readOnly;
        ASSERT_TRUE(readOnly.open(QIODevice::ReadOnly));
        const Status csv = trail->exportCsv({}, readOnly);
        ASSERT_FALSE(csv);
        EXPECT_EQ(csv.error().code, u"export-write-failed"_s);
        const Status jsonl = trail->exportJsonLines({}, readOnly);
        ASSERT_FALSE(jsonl);
        EXPECT_EQ(jsonl.error().code, u"export-write-failed"_s);
    }
}

TEST_F(RemoteAuditTrailTest, VerifiesTheChainOnTheServer)
{
    makeTrail();
    QList<qint64> progress;
    auto report = m_trail->verify([&progress](qint64 checked) { progress.append(checked); });
    ASSERT_TRUE(report) << report.error().message.toStdString();
    EXPECT_TRUE(report->intact) << report->message.toStdString();
    EXPECT_EQ(report->checked, 11);
    EXPECT_EQ(progress, QList<qint64>{11});
    EXPECT_TRUE(m_trail->verify().ok()); // no progress callback is fine too

    // Rewrite entry 2 behind the server's back.
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_dir.filePath(u"data/catalog.db"_s));
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    auto broken = m_trail->verify();
    ASSERT_TRUE(broken) << broken.error().message.toStdString();
    EXPECT_FALSE(broken->intact);
    EXPECT_EQ(broken->firstBadSeq, 2);
    EXPECT_EQ(broken->problem, u"altered"_s);
    EXPECT_FALSE(broken->message.isEmpty());
}

TEST_F(RemoteAuditTrailTest, ReportsTheInterfacesErrors)
{
    makeTrail();
    const auto code = [this](const AuditQuery &query) {
        auto page = m_trail->query(query);
        return page ? QString() : page.error().code;
    };
    EXPECT_EQ(code({.limit = 0}), u"invalid-limit"_s);
    EXPECT_EQ(code({.limit = 1001}), u"invalid-limit"_s);
    EXPECT_EQ(code({.limit = 1000}), QString());
    EXPECT_EQ(code({.afterSeq = -1}), u"invalid-cursor"_s);
    EXPECT_EQ(code({.action = u"Tenant.Create!"_s}), u"invalid-action-filter"_s);
    EXPECT_EQ(code({.action = u".*"_s}), u"invalid-action-filter"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    EXPECT_EQ(code({.from = now, .to = now.addMSecs(-1)}), u"invalid-time-range"_s);
    auto invalid = m_trail->query({.limit = 0});
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().kind, ErrorKind::Invalid);

    QBuffer out;
    const Status badAction = m_trail->exportCsv({.action = u"nope!"_s}, *opened(out));
    ASSERT_FALSE(badAction);
    EXPECT_EQ(badAction.error().code, u"invalid-action-filter"_s);
    EXPECT_EQ(badAction.error().kind, ErrorKind::Invalid);
    EXPECT_TRUE(out.data().isEmpty());
    const Status badCursor = m_trail->exportJsonLines({.afterSeq = -5}, out);
    ASSERT_FALSE(badCursor);
    EXPECT_EQ(badCursor.error().code, u"invalid-cursor"_s);
    // An export ignores the page size.
    EXPECT_TRUE(m_trail->exportJsonLines({.limit = 0}, out));

    // A server that went away.
    server().stop();
    auto gone = m_trail->query({});
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().kind, ErrorKind::Unavailable);
    EXPECT_EQ(gone.error().code, u"server-unreachable"_s);
}

TEST_F(RemoteAuditTrailTest, ATenantsFilterNeverReachesAnotherTenantsEntries)
{
    makeTrail();
    const QList<AuditEntry> full = everything();
    const QList<qint64> acmeSeqs = seqs(where(full, [&](const AuditEntry &e) { return e.tenantId == m_acmeId; }));
    const QList<qint64> globexSeqs = seqs(where(full, [&](const AuditEntry &e) { return e.tenantId == m_globexId; }));
    ASSERT_EQ(acmeSeqs.size(), 5);
    ASSERT_EQ(globexSeqs.size(), 4);

    const auto onlyAcme = [&](const QList<AuditEntry> &entries) {
        for (const AuditEntry &e : entries) {
            EXPECT_EQ(e.tenantId, m_acmeId) << e.seq;
            EXPECT_FALSE(globexSeqs.contains(e.seq)) << e.seq;
        }
    };
    for (const bool newestFirst : {false, true}) {
        const QList<AuditEntry> paged = all(*m_trail, {.tenantId = m_acmeId, .limit = 1, .newestFirst = newestFirst});
        onlyAcme(paged);
        QList<qint64> expected = acmeSeqs;
        if (newestFirst)
            std::reverse(expected.begin(), expected.end());
        EXPECT_EQ(seqs(paged), expected);
        // A cursor taken from the other tenant's entries still only continues over acme's.
        for (const qint64 cursor : globexSeqs) {
            const QList<AuditEntry> fromThere =
                all(*m_trail, {.tenantId = m_acmeId, .afterSeq = cursor, .limit = 2, .newestFirst = newestFirst});
            onlyAcme(fromThere);
            EXPECT_EQ(seqs(fromThere), seqs(where(paged, [&](const AuditEntry &e) {
                          return newestFirst ? e.seq < cursor : e.seq > cursor;
                      })));
        }
    }

    Remote::RemoteAuditTrail paged(client(), 2);
    QBuffer jsonl, csv;
    ASSERT_TRUE(paged.exportJsonLines({.tenantId = m_acmeId}, *opened(jsonl)));
    ASSERT_TRUE(paged.exportCsv({.tenantId = m_acmeId, .newestFirst = true}, *opened(csv)));
    EXPECT_EQ(jsonl.data().count('\n'), acmeSeqs.size());
    EXPECT_EQ(parseCsv(QString::fromUtf8(csv.data())).size(), 1 + acmeSeqs.size());
    for (const QByteArray &bytes : {jsonl.data(), csv.data()}) {
        EXPECT_TRUE(bytes.contains(m_acmeId.toUtf8()));
        EXPECT_FALSE(bytes.contains(m_globexId.toUtf8()));
        EXPECT_FALSE(bytes.contains("tenant:globex"));
    }
}

TEST_F(RemoteAuditTrailTest, ServesAQueryingThreadWhileAnotherExports)
{
    makeTrail();
    const QList<qint64> expected = seqs(everything());
    const QByteArray wholeExport = serverExport(u"format=jsonl"_s);
    Remote::RemoteAuditTrail paged(client(), 3);
    std::atomic<int> exportsMatching = 0;
    std::thread worker([&] {
        for (int i = 0; i < 10; ++i) {
            QBuffer out;
            out.open(QIODevice::WriteOnly);
            if (paged.exportJsonLines({}, out) && out.data() == wholeExport)
                ++exportsMatching;
        }
    });
    int queriesMatching = 0;
    for (int i = 0; i < 10; ++i) {
        if (seqs(all(paged, {.limit = 4})) == expected)
            ++queriesMatching;
    }
    worker.join();
    EXPECT_EQ(queriesMatching, 10);
    EXPECT_EQ(exportsMatching.load(), 10);
}

} // namespace
