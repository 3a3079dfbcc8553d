#include "core/observe/auditlog.h"

#include "tests/integration/storage/catalogfixture.h"
#include "tests/support/csvreader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <thread>

using namespace Tenantry;
using namespace Tenantry::Observe;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

// The catalog on both backends (CatalogBackendTest) with the audit log over it; the log
// needs no tenant service.
class AuditLogTest : public CatalogBackendTest
{
protected:
    void SetUp() override
    {
        CatalogBackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_log = std::make_unique<AuditLog>(*m_catalog, m_clock);
    }

    void TearDown() override
    {
        m_log.reset();
        CatalogBackendTest::TearDown();
    }

    static AuditEvent event(const QString &action, const QString &tenantId = u"t1"_s,
                            const QString &target = u"tenant:acme"_s)
    {
        return {tenantId, action, target, QJsonObject{{u"status"_s, u"active"_s}},
                QJsonObject{{u"status"_s, u"suspended"_s}, {u"n"_s, 1}}};
    }

    static Actor actor(const QString &id = u"admin"_s) { return {id, u"req-1"_s, u"127.0.0.1"_s}; }

    // Appends `count` entries in one transaction, one second apart: tenants t0/t1/t2 in turn,
    // actors alice/bob in turn, actions tenant.create / tenant.suspend / api_key.revoke in turn.
    void fill(int count)
    {
        const QString actions[] = {u"tenant.create"_s, u"tenant.suspend"_s, u"api_key.revoke"_s};
        const Status s = m_catalog->transaction([&](QSqlDatabase &tx) -> Status {
            for (int i = 0; i < count; ++i) {
                m_clock.advanceSeconds(1);
                const qint64 n = m_appended + i + 1;
                AuditEvent e = event(actions[i % 3], u"t%1"_s.arg(i % 3), u"tenant:n%1"_s.arg(n));
                if (Status r = m_log->record(tx, actor(i % 2 ? u"bob"_s : u"alice"_s), e); !r)
                    return r;
            }
            return {};
        });
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        m_appended += count;
    }

    QSqlDatabase db() { return m_catalog->connection().value(); }

    void exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlDatabase conn = db();
        QSqlQuery q(conn);
        ASSERT_TRUE(q.prepare(sql)) << q.lastError().text().toStdString();
        for (const QVariant &v : values)
            q.addBindValue(v);
        ASSERT_TRUE(q.exec()) << sql.toStdString() << ": " << q.lastError().text().toStdString();
    }

    VerifyReport mustVerify()
    {
        auto report = m_log->verify();
        EXPECT_TRUE(report.ok()) << report.error().message.toStdString();
        return report.ok() ? report.value() : VerifyReport{false, 0, -1, u"error"_s, {}};
    }

    QList<AuditEntry> all(AuditQuery query)
    {
        QList<AuditEntry> out;
        for (int pages = 0; pages < 1000; ++pages) {
            auto page = m_log->query(query);
            EXPECT_TRUE(page.ok()) << page.error().message.toStdString();
            if (!page.ok())
                break;
            out.append(page->items);
            if (page->nextCursor == 0)
                break;
            query.afterSeq = page->nextCursor;
        }
        return out;
    }

    static QList<qint64> seqs(const QList<AuditEntry> &entries)
    {
        QList<qint64> out;
        for (const AuditEntry &e : entries)
            out.append(e.seq);
        return out;
    }

    // The canonical encoding as documented in auditlog.cpp, written again from the
    // documentation: pins the format, and lets tamper tests forge a consistent hash.
    QString documentedHash(qint64 seq)
    {
        QSqlDatabase conn = db();
        QSqlQuery q(conn);
        EXPECT_TRUE(q.exec(u"SELECT seq, occurred_at, actor, tenant_id, action, target, before_json, after_json, "
                           "request_id, source, prev_hash FROM audit_log WHERE seq = %1"_s.arg(seq)));
        EXPECT_TRUE(q.next());
        QByteArray encoding = "tenantry-audit-v1,";
        for (int i = 0; i < 11; ++i) {
            const QVariant v = q.value(i);
            if (v.isNull()) {
                encoding += "~,";
            } else {
                const QByteArray bytes = v.toString().toUtf8();
                encoding += QByteArray::number(bytes.size()) + ':' + bytes + ',';
            }
        }
        return QString::fromLatin1(QCryptographicHash::hash(encoding, QCryptographicHash::Sha256).toHex());
    }

    std::unique_ptr<AuditLog> m_log;
    qint64 m_appended = 0;
};

TEST_P(AuditLogTest, AppendsAGaplessChainFromTheGenesisHash)
{
    ASSERT_TRUE(m_log->recordNow(actor(), event(u"tenant.create"_s)).ok());
    ASSERT_TRUE(m_log->recordNow(Actor::system(), {QString(), u"auth.failure"_s, u"api_key:k9"_s, {}, {}}).ok());
    ASSERT_TRUE(m_log->recordNow(actor(), {u"t1"_s, u"tenant.rename"_s, u"tenant:acme"_s, u"old"_s, 42}).ok());

    auto page = m_log->query({});
    ASSERT_TRUE(page.ok()) << page.error().message.toStdString();
    ASSERT_EQ(page->items.size(), 3);
    EXPECT_EQ(page->nextCursor, 0);
    const AuditEntry &first = page->items[0];
    EXPECT_EQ(first.seq, 1);
    EXPECT_EQ(first.prevHash, QString(64, u'0'));
    EXPECT_EQ(first.hash.size(), 64);
    EXPECT_EQ(first.at, m_clock.now());
    EXPECT_EQ(first.actor, u"admin"_s);
    EXPECT_EQ(first.requestId, u"req-1"_s);
    EXPECT_EQ(first.source, u"127.0.0.1"_s);
    EXPECT_EQ(first.before, QJsonValue(QJsonObject{{u"status"_s, u"active"_s}}));
    EXPECT_EQ(page->items[1].prevHash, first.hash);
    EXPECT_TRUE(page->items[1].tenantId.isEmpty());
    EXPECT_TRUE(page->items[1].before.isNull());
    EXPECT_EQ(page->items[2].prevHash, page->items[1].hash);
    // Scalars survive as before/after state, not only objects.
    EXPECT_EQ(page->items[2].before, QJsonValue(u"old"_s));
    EXPECT_EQ(page->items[2].after, QJsonValue(42));

    const VerifyReport report = mustVerify();
    EXPECT_TRUE(report.intact) << report.message.toStdString();
    EXPECT_EQ(report.checked, 3);
}

TEST_P(AuditLogTest, CanonicalEncodingIsTheDocumentedOne)
{
    ASSERT_TRUE(m_log->recordNow(actor(u"jwt:ünïcode"_s), event(u"tenant.create"_s)).ok());
    ASSERT_TRUE(m_log->recordNow(Actor::system(), {QString(), u"auth.failure"_s, QString(), {}, {}}).ok());
    auto page = m_log->query({});
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->items.size(), 2);
    EXPECT_EQ(page->items[0].hash, documentedHash(1));
    EXPECT_EQ(page->items[1].hash, documentedHash(2));
}

TEST_P(AuditLogTest, QueriesByTenantActorActionAndTimeWithCursorPaging)
{
    fill(30);
    // Underscore is a LIKE wildcard: "api_key.*" must not match "apixkey.revoke".
    ASSERT_TRUE(m_log->recordNow(actor(), event(u"apixkey.revoke"_s, u"t9"_s)).ok());
    ASSERT_TRUE(m_log->recordNow(actor(), event(u"tenants.create"_s, u"t9"_s)).ok());

    AuditQuery byTenant;
    byTenant.tenantId = u"t1"_s;
    byTenant.limit = 4;
    auto first = m_log->query(byTenant);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(seqs(first->items), (QList<qint64>{2, 5, 8, 11}));
    EXPECT_EQ(first->nextCursor, 11);
    EXPECT_EQ(seqs(all(byTenant)), (QList<qint64>{2, 5, 8, 11, 14, 17, 20, 23, 26, 29}));

    AuditQuery newest = byTenant;
    newest.newestFirst = true;
    EXPECT_EQ(seqs(all(newest)), (QList<qint64>{29, 26, 23, 20, 17, 14, 11, 8, 5, 2}));

    AuditQuery byActor;
    byActor.actor = u"bob"_s;
    byActor.limit = 7;
    EXPECT_EQ(all(byActor).size(), 15);

    AuditQuery exact;
    exact.action = u"tenant.suspend"_s;
    EXPECT_EQ(seqs(all(exact)), (QList<qint64>{2, 5, 8, 11, 14, 17, 20, 23, 26, 29}));

    AuditQuery prefix;
    prefix.action = u"tenant.*"_s;
    prefix.limit = 3;
    const auto tenantActions = all(prefix);
    EXPECT_EQ(tenantActions.size(), 20);
    for (const AuditEntry &e : tenantActions)
        EXPECT_TRUE(e.action.startsWith(u"tenant."_s)) << e.action.toStdString();
    prefix.action = u"api_key.*"_s;
    EXPECT_EQ(seqs(all(prefix)), (QList<qint64>{3, 6, 9, 12, 15, 18, 21, 24, 27, 30}));

    // Entry n happened at start + n seconds; [from, to) is half-open.
    const QDateTime start(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    AuditQuery window;
    window.from = start.addSecs(10);
    window.to = start.addSecs(20);
    window.limit = 3;
    EXPECT_EQ(seqs(all(window)), (QList<qint64>{10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
    window.tenantId = u"t0"_s;
    window.action = u"tenant.*"_s;
    EXPECT_EQ(seqs(all(window)), (QList<qint64>{10, 13, 16, 19}));
}

TEST_P(AuditLogTest, RefusesMalformedQueries)
{
    for (int limit : {0, -1, 1001}) {
        AuditQuery q;
        q.limit = limit;
        auto r = m_log->query(q);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, u"invalid-limit"_s);
        EXPECT_EQ(r.error().kind, ErrorKind::Invalid);
    }
    for (const QString &filter : {u"Tenant.*"_s, u"tenant.%"_s, u".*"_s, u"tenant'--"_s}) {
        AuditQuery q;
        q.action = filter;
        auto r = m_log->query(q);
        ASSERT_FALSE(r.ok()) << filter.toStdString();
        EXPECT_EQ(r.error().code, u"invalid-action-filter"_s);
    }
    AuditQuery backwards;
    backwards.from = m_clock.now();
    backwards.to = m_clock.now().addSecs(-1);
    auto r = m_log->query(backwards);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, u"invalid-time-range"_s);
}

TEST_P(AuditLogTest, AFailedTransactionLeavesNoEntryAndNoGap)
{
    fill(2);
    const Status failed = m_catalog->transaction([&](QSqlDatabase &tx) -> Status {
        if (Status s = m_log->record(tx, actor(), event(u"tenant.delete"_s)); !s)
            return s;
        return Error::conflict(u"later-step-failed"_s, u"The change after the audit entry failed."_s);
    });
    ASSERT_FALSE(failed.ok());
    ASSERT_TRUE(m_log->recordNow(actor(), event(u"tenant.restore"_s)).ok());

    auto page = m_log->query({});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(seqs(page->items), (QList<qint64>{1, 2, 3}));
    EXPECT_EQ(page->items[2].action, u"tenant.restore"_s);
    EXPECT_EQ(page->items[2].prevHash, page->items[1].hash);
    EXPECT_TRUE(mustVerify().intact);
}

TEST_P(AuditLogTest, RefusesHostileInputAndWritesNothing)
{
    const QString badActions[] = {QString(), u"Tenant.Create"_s, u"tenant..create"_s, u".tenant"_s,
                                  u"tenant.create;drop"_s, u"tenant.*"_s, u"tenant create"_s,
                                  u"tenant.cr\u00e9ate"_s, QString(65, u'a')};
    for (const QString &action : badActions) {
        const Status s = m_log->recordNow(actor(), event(action));
        ASSERT_FALSE(s.ok()) << action.toStdString();
        EXPECT_EQ(s.error().code, u"invalid-audit-action"_s) << action.toStdString();
        EXPECT_EQ(s.error().kind, ErrorKind::Invalid);
    }
    EXPECT_TRUE(m_log->recordNow(actor(), event(QString(64, u'a'))).ok()); // the limit itself is fine

    AuditEvent huge = event(u"tenant.update"_s);
    huge.before = QJsonObject{{u"blob"_s, QString(300 * 1024, u'x')}};
    Status s = m_log->recordNow(actor(), huge);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, u"audit-state-too-large"_s);
    huge.before = QJsonValue();
    huge.after = QJsonArray{QString(200 * 1024, u'x'), QString(100 * 1024, u'y')};
    s = m_log->recordNow(actor(), huge);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, u"audit-state-too-large"_s);

    s = m_log->recordNow(actor(), event(u"tenant.update"_s, u"t1"_s, QString(201, u't')));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, u"invalid-audit-field"_s);
    s = m_log->recordNow(actor(), event(u"tenant.update"_s, u"t1"_s, u"tenant:a\0b"_s));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, u"invalid-audit-field"_s);
    s = m_log->recordNow(actor(QString()), event(u"tenant.update"_s));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, u"invalid-audit-actor"_s);

    auto page = m_log->query({});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->items.size(), 1);
    const VerifyReport report = mustVerify();
    EXPECT_TRUE(report.intact) << report.message.toStdString();
    EXPECT_EQ(report.checked, 1);
}

TEST_P(AuditLogTest, UnusualTextKeepsItsHashThroughTheDatabase)
{
    const QString loneSurrogate = QString(QChar(0xd800));
    const QString odd = u"emoji 😀, CJK 租户, tab\t, CR\r, quote \" ' \\ "_s + loneSurrogate;
    AuditEvent e = event(u"tenant.update"_s, odd, odd);
    e.before = QJsonObject{{odd, odd}, {u"z"_s, 1.5}, {u"a"_s, QJsonArray{true, QJsonValue(), -0.0}}};
    e.after = odd;
    ASSERT_TRUE(m_log->recordNow({odd, odd, odd}, e).ok());
    const VerifyReport report = mustVerify();
    EXPECT_TRUE(report.intact) << report.message.toStdString();
    EXPECT_EQ(documentedHash(1), m_log->query({})->items.value(0).hash);
}

TEST_P(AuditLogTest, VerifiesAnEmptyAndAnIntactLogWithProgress)
{
    VerifyReport empty = mustVerify();
    EXPECT_TRUE(empty.intact);
    EXPECT_EQ(empty.checked, 0);

    fill(100);
    QList<qint64> progress;
    auto report = m_log->verify([&](qint64 checked) { progress.append(checked); });
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->intact) << report->message.toStdString();
    EXPECT_EQ(report->checked, 100);
    EXPECT_EQ(report->firstBadSeq, 0);
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last(), 100);
}

TEST_P(AuditLogTest, NamesAnAlteredEntry)
{
    fill(100);
    exec(u"UPDATE audit_log SET target = 'tenant:evil' WHERE seq = 37"_s);
    const VerifyReport report = mustVerify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.firstBadSeq, 37);
    EXPECT_EQ(report.problem, u"altered"_s);
    EXPECT_EQ(report.checked, 37);
    EXPECT_TRUE(report.message.contains(u"37"_s)) << report.message.toStdString();
}

TEST_P(AuditLogTest, NamesAnEntryWhoseNullBecameEmpty)
{
    fill(10);
    ASSERT_TRUE(m_log->recordNow(Actor::system(), {QString(), u"auth.failure"_s, u"x"_s, {}, {}}).ok());
    fill(5);
    exec(u"UPDATE audit_log SET tenant_id = '' WHERE seq = 11"_s);
    const VerifyReport report = mustVerify();
    EXPECT_EQ(report.firstBadSeq, 11);
    EXPECT_EQ(report.problem, u"altered"_s);
}

TEST_P(AuditLogTest, NamesAMissingEntry)
{
    fill(100);
    exec(u"DELETE FROM audit_log WHERE seq = 50"_s);
    const VerifyReport report = mustVerify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.firstBadSeq, 50);
    EXPECT_EQ(report.problem, u"missing"_s);
}

TEST_P(AuditLogTest, NamesTheFirstOfTwoSwappedEntries)
{
    fill(100);
    exec(u"UPDATE audit_log SET seq = -1 WHERE seq = 20"_s);
    exec(u"UPDATE audit_log SET seq = 20 WHERE seq = 21"_s);
    exec(u"UPDATE audit_log SET seq = 21 WHERE seq = -1"_s);
    const VerifyReport report = mustVerify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.firstBadSeq, 20);
    EXPECT_EQ(report.problem, u"reordered"_s);
    EXPECT_TRUE(report.message.contains(u"21"_s)) << report.message.toStdString();
}

TEST_P(AuditLogTest, DetectsRemovalOfTheNewestEntries)
{
    fill(100);
    exec(u"DELETE FROM audit_log WHERE seq = 100"_s);
    VerifyReport report = mustVerify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.firstBadSeq, 100);
    EXPECT_EQ(report.problem, u"truncated"_s);
    EXPECT_EQ(report.checked, 99);

    exec(u"DELETE FROM audit_log WHERE seq > 90"_s);
    report = mustVerify();
    EXPECT_EQ(report.firstBadSeq, 91);
    EXPECT_EQ(report.problem, u"truncated"_s);

    // Appending after a truncation still works (an attack must not stop the platform),
    // and verify still reports the removed entries.
    ASSERT_TRUE(m_log->recordNow(actor(), event(u"tenant.create"_s)).ok());
    report = mustVerify();
    EXPECT_EQ(report.firstBadSeq, 91);
    EXPECT_EQ(report.problem, u"missing"_s);
}

TEST_P(AuditLogTest, NamesTheEntryAfterOneRewrittenWithARecomputedHash)
{
    fill(100);
    exec(u"UPDATE audit_log SET target = 'tenant:evil' WHERE seq = 37"_s);
    exec(u"UPDATE audit_log SET hash = ? WHERE seq = 37"_s, {documentedHash(37)});
    const VerifyReport report = mustVerify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.firstBadSeq, 38);
    EXPECT_EQ(report.problem, u"altered"_s);
    EXPECT_TRUE(report.message.contains(u"37"_s)) << report.message.toStdString();
}

TEST_P(AuditLogTest, NamesAnEntryAddedBehindTheLogsBack)
{
    fill(10);
    exec(u"INSERT INTO audit_log SELECT seq + 1, occurred_at, actor, tenant_id, action, target, before_json, "
         "after_json, request_id, source, hash, hash FROM audit_log WHERE seq = 10"_s);
    const VerifyReport report = mustVerify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.firstBadSeq, 11);
}

TEST_P(AuditLogTest, ConcurrentAppendsFromSeveralThreadsStayGapless)
{
    constexpr int kThreads = 4;
    constexpr int kEach = 25;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                if (!m_log->recordNow(actor(u"worker-%1"_s.arg(t)), event(u"tenant.update"_s)).ok())
                    ++failures;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    EXPECT_EQ(failures.load(), 0);
    const VerifyReport report = mustVerify();
    EXPECT_TRUE(report.intact) << report.message.toStdString();
    EXPECT_EQ(report.checked, kThreads * kEach);
}

TEST_P(AuditLogTest, ExportsJsonLinesAndCsvWithQuotingAndFormulaNeutralised)
{
    fill(2400); // more than two export pages
    ASSERT_TRUE(m_log->recordNow(actor(u"=cmd|' /C calc'!A0"_s),
                                 event(u"tenant.rename"_s, u"t1"_s, u"=HYPERLINK(\"http://evil\")"_s))
                    .ok());
    ASSERT_TRUE(m_log->recordNow(actor(), event(u"tenant.rename"_s, u"t1"_s, u"a, \"quoted\"\nline"_s)).ok());
    const int total = 2402;

    QBuffer jsonl;
    ASSERT_TRUE(jsonl.open(QIODevice::WriteOnly));
    ASSERT_TRUE(m_log->exportJsonLines({}, jsonl).ok());
    QList<QByteArray> lines = jsonl.data().split('\n');
    ASSERT_EQ(lines.takeLast(), QByteArray()); // every line ends with '\n'
    ASSERT_EQ(lines.size(), total);
    qint64 expected = 1;
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        ASSERT_EQ(error.error, QJsonParseError::NoError) << line.toStdString();
        ASSERT_EQ(doc.object().value(u"seq"_s).toInteger(), expected++);
    }
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    EXPECT_EQ(last.value(u"target"_s).toString(), u"a, \"quoted\"\nline"_s);
    EXPECT_EQ(last.value(u"after"_s).toObject().value(u"n"_s).toInt(), 1);
    EXPECT_EQ(last.value(u"tenant_id"_s).toString(), u"t1"_s);

    AuditQuery byTenant;
    byTenant.tenantId = u"t1"_s;
    QBuffer filtered;
    ASSERT_TRUE(filtered.open(QIODevice::WriteOnly));
    ASSERT_TRUE(m_log->exportJsonLines(byTenant, filtered).ok());
    EXPECT_EQ(filtered.data().count('\n'), 800 + 2);

    QBuffer csv;
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    ASSERT_TRUE(m_log->exportCsv({}, csv).ok());
    const QByteArray raw = csv.data();
    EXPECT_TRUE(raw.startsWith("seq,occurred_at,actor,tenant_id,action,target,before,after,request_id,source,"
                               "prev_hash,hash\r\n"));
    EXPECT_TRUE(raw.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","));
    EXPECT_TRUE(raw.contains(",\"a, \"\"quoted\"\"\nline\","));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(raw));
    ASSERT_EQ(rows.size(), 1 + total);
    for (const QStringList &row : rows)
        ASSERT_EQ(row.size(), 12);
    const QStringList &injected = rows[total - 1];
    EXPECT_EQ(injected[0], u"2401"_s);
    EXPECT_EQ(injected[2], u"'=cmd|' /C calc'!A0"_s);
    EXPECT_EQ(injected[5], u"'=HYPERLINK(\"http://evil\")"_s);
    EXPECT_EQ(injected[6], u"{\"status\":\"active\"}"_s);
    EXPECT_EQ(rows[total][5], u"a, \"quoted\"\nline"_s);
    EXPECT_EQ(rows[1][1], u"2026-03-01T12:00:01.000Z"_s);
    EXPECT_EQ(rows[1][3], u"t0"_s);

    QBuffer readOnly;
    ASSERT_TRUE(readOnly.open(QIODevice::ReadOnly));
    const Status failed = m_log->exportCsv({}, readOnly);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, u"export-write-failed"_s);
}

void expectSameEntry(const AuditEntry &read, const AuditEntry &written)
{
    EXPECT_EQ(read.seq, written.seq);
    EXPECT_EQ(read.at, written.at);
    EXPECT_EQ(read.at.timeSpec(), Qt::UTC);
    EXPECT_EQ(read.at.toMSecsSinceEpoch(), written.at.toMSecsSinceEpoch());
    EXPECT_EQ(read.actor, written.actor);
    EXPECT_EQ(read.tenantId, written.tenantId);
    EXPECT_EQ(read.action, written.action);
    EXPECT_EQ(read.target, written.target);
    EXPECT_EQ(read.before, written.before);
    EXPECT_EQ(read.before.type(), written.before.type());
    EXPECT_EQ(read.after, written.after);
    EXPECT_EQ(read.after.type(), written.after.type());
    EXPECT_EQ(read.requestId, written.requestId);
    EXPECT_EQ(read.source, written.source);
    EXPECT_EQ(read.prevHash, written.prevHash);
    EXPECT_EQ(read.hash, written.hash);
}

TEST(AuditEntryJsonTest, ReadsBackWhatToJsonWrote)
{
    AuditEntry full;
    full.seq = 9007199254740991; // the largest integer a JSON number keeps exactly
    full.at = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 1, 987), Qt::UTC);
    full.actor = u"console:ana"_s;
    full.tenantId = u"6f0e3c1a-tenant"_s;
    full.action = u"tenant.configure"_s;
    full.target = u"tenant:acme, \"quoted\"\n\u00e9"_s;
    full.before = QJsonObject{{u"status"_s, u"active"_s}, {u"limits"_s, QJsonArray{1, 2.5, true, QJsonValue()}}};
    full.after = u"plain text state"_s;
    full.requestId = u"req-42"_s;
    full.source = u"::1"_s;
    full.prevHash = QString(64, u'a');
    full.hash = QString(64, u'0');

    AuditEntry bare;
    bare.seq = 1;
    // Another zone on the way in: it must come back as the same instant, in UTC.
    bare.at = QDateTime(QDate(2026, 3, 1), QTime(14, 0, 1, 5), Qt::OffsetFromUTC, 7200);
    bare.actor = u"system"_s;
    bare.action = u"auth.failure"_s;
    bare.before = QJsonValue(QJsonValue::Null);
    bare.after = QJsonValue(QJsonValue::Null);
    bare.prevHash = QString(64, u'0');
    bare.hash = QString(64, u'b');

    for (const AuditEntry &written : {full, bare}) {
        // Through the text as well, as an export or the HTTP API carries it.
        const QByteArray text = QJsonDocument(toJson(written)).toJson(QJsonDocument::Compact);
        auto read = auditEntryFromJson(QJsonDocument::fromJson(text).object());
        ASSERT_TRUE(read.ok()) << read.error().message.toStdString() << " " << text.toStdString();
        expectSameEntry(read.value(), written);
    }
    EXPECT_EQ(auditEntryFromJson(toJson(bare))->at, QDateTime(QDate(2026, 3, 1), QTime(12, 0, 1, 5), Qt::UTC));
    EXPECT_TRUE(auditEntryFromJson(toJson(bare))->tenantId.isEmpty());
}

TEST(AuditEntryJsonTest, NamesEveryFieldThatIsMissingOrMistyped)
{
    AuditEntry entry;
    entry.seq = 3;
    entry.at = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    entry.actor = u"admin"_s;
    entry.action = u"tenant.create"_s;
    QJsonObject object = toJson(entry);
    ASSERT_TRUE(auditEntryFromJson(object).ok());

    QJsonObject broken = object;
    broken.insert(u"seq"_s, 2.5);
    broken.insert(u"at"_s, u"yesterday"_s);
    broken.remove(u"hash"_s);
    broken.insert(u"actor"_s, 7);
    auto read = auditEntryFromJson(broken);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, u"unexpected-response"_s);
    EXPECT_EQ(read.error().kind, ErrorKind::Internal);
    QStringList fields;
    for (const FieldError &f : read.error().fields)
        fields.append(f.field);
    fields.sort();
    EXPECT_EQ(fields, (QStringList{u"actor"_s, u"at"_s, u"hash"_s, u"seq"_s}));

    broken = object;
    broken.insert(u"seq"_s, u"3"_s);
    EXPECT_FALSE(auditEntryFromJson(broken).ok());
    broken = object;
    broken.remove(u"before"_s);
    auto absentState = auditEntryFromJson(broken);
    ASSERT_TRUE(absentState.ok());
    EXPECT_TRUE(absentState->before.isNull());
}

TEST_P(AuditLogTest, StoredEntriesReadBackFromTheirJson)
{
    fill(3);
    ASSERT_TRUE(m_log->recordNow(actor(u"system"_s), {QString(), u"auth.failure"_s, QString(), QJsonValue(),
                                                       QJsonArray{u"x"_s, 1}})
                    .ok());
    const QList<AuditEntry> stored = all({});
    ASSERT_EQ(stored.size(), 4);
    for (const AuditEntry &written : stored) {
        auto read = auditEntryFromJson(toJson(written));
        ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
        expectSameEntry(read.value(), written);
    }
    EXPECT_TRUE(stored.last().before.isNull());
    EXPECT_TRUE(stored.last().tenantId.isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string> &info) { return info.param; });

} // namespace
