#include "support/auditcatalogtest.h"
#include "widgets/audit/auditfilterbar.h"
#include "widgets/audit/auditpage.h"
#include "widgets/audit/audittablemodel.h"
#include "widgets/audit/auditworker.h"
#include "widgets/audit/jsondiffview.h"
#include "widgets/messagebanner.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using Tenantry::Error;
using Tenantry::LifecycleAction;
using Tenantry::Tenant;
using Tenantry::Observe::AuditQuery;
using Tenantry::Observe::VerifyReport;
using Tenantry::Testing::AuditCatalogTest;
using Tenantry::Widgets::AuditFilterBar;
using Tenantry::Widgets::AuditPage;
using Tenantry::Widgets::AuditTableModel;
using Tenantry::Widgets::AuditWorker;
using Tenantry::Widgets::JsonDiffView;
using Tenantry::Widgets::MessageBanner;

namespace {

// acme and globex with a realistic history: created, one suspended and activated again, a
// key issued, failed authentications and an anomaly.
class AuditPageTest : public AuditCatalogTest
{
protected:
    void SetUp() override
    {
        AuditCatalogTest::SetUp();
        if (HasFatalFailure())
            return;
        acme = create(u"acme"_s);                           // 1
        globex = create(u"globex"_s);                       // 2
        apply(u"acme"_s, LifecycleAction::Suspend);         // 3
        apply(u"acme"_s, LifecycleAction::Activate);        // 4
        m_clock.advanceSeconds(1);
        ASSERT_TRUE(m_tenants->issueKey(m_operator, u"globex"_s, u"ci"_s).ok()); // 5
        recordAuthFailure(globex);                          // 6
        recordAuthFailure(acme);                            // 7
        recordAnomaly(acme);                                // 8

        page = std::make_unique<AuditPage>(m_audit.get(), m_tenants.get());
        page->filters()->setClock(&m_clock);
        page->setErrorPresenter([this](const QString &what, const Error &error) {
            errors.append(what + u" ["_s + error.code + u']');
        });
        page->setVerifyPresenter([this](const VerifyReport &report) { reports.append(report); });
        page->setExportPresenter([this](qint64 written, const QString &path) { exports.append({written, path}); });
        page->resize(1200, 800);
        page->show();
        QCoreApplication::processEvents(); // the first load happens once shown
    }

    void TearDown() override
    {
        page.reset();
        AuditCatalogTest::TearDown();
    }

    template <typename T>
    T *child(const QString &name) const
    {
        return page->findChild<T *>(name);
    }

    QList<qint64> shownSeqs() const
    {
        QList<qint64> out;
        for (int row = 0; row < page->model()->rowCount(); ++row)
            out.append(page->model()->entryAt(row).seq);
        return out;
    }

    MessageBanner *banner() const { return child<MessageBanner>(u"auditBanner"_s); }

    QByteArray readFile(const QString &path) const
    {
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
        return file.readAll();
    }

    Tenant acme, globex;
    std::unique_ptr<AuditPage> page;
    QStringList errors;
    QList<VerifyReport> reports;
    QList<std::pair<qint64, QString>> exports;
};

TEST_F(AuditPageTest, OpensWithTheNewestEntriesAndNoSelection)
{
    EXPECT_EQ(shownSeqs(), (QList<qint64>{8, 7, 6, 5, 4, 3, 2, 1}));
    EXPECT_EQ(child<QLabel>(u"auditCountLabel"_s)->text(), u"8"_s);
    EXPECT_FALSE(page->currentEntry().has_value());
    EXPECT_EQ(child<QStackedWidget>(u"auditDetails"_s)->currentIndex(), 0);
    EXPECT_TRUE(errors.isEmpty());
}

TEST_F(AuditPageTest, FilterRowBuildsTheQuery)
{
    auto query = page->filterQuery();
    ASSERT_TRUE(query.ok());
    AuditQuery expected;
    expected.newestFirst = true;
    expected.limit = AuditTableModel::kDefaultPageSize;
    EXPECT_TRUE(query.value() == expected);

    page->filters()->setTenant(u"acme"_s);
    page->filters()->setActor(u" console:alice "_s);
    page->filters()->setAction(u"tenant.*"_s);
    page->filters()->setTimeRange(AuditFilterBar::TimeRange::LastHour);
    query = page->filterQuery();
    ASSERT_TRUE(query.ok()) << query.error().message.toStdString();
    EXPECT_EQ(query->tenantId, acme.id);
    EXPECT_EQ(query->actor, u"console:alice"_s);
    EXPECT_EQ(query->action, u"tenant.*"_s);
    EXPECT_EQ(query->from, m_clock.now().addSecs(-3600));
    EXPECT_FALSE(query->to.isValid());
    EXPECT_TRUE(query->newestFirst);
    EXPECT_EQ(query->afterSeq, 0);

    page->filters()->setTimeRange(AuditFilterBar::TimeRange::LastWeek);
    EXPECT_EQ(page->filterQuery()->from, m_clock.now().addDays(-7));
    page->filters()->setTimeRange(AuditFilterBar::TimeRange::LastDay);
    EXPECT_EQ(page->filterQuery()->from, m_clock.now().addDays(-1));

    // Custom ends, each optional; whole minutes, as the editors show them.
    const QDateTime from(QDate(2026, 2, 27), QTime(8, 30), Qt::UTC), to(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    page->filters()->setCustomRange(from, to);
    EXPECT_EQ(page->filterQuery()->from, from);
    EXPECT_EQ(page->filterQuery()->to, to);
    page->filters()->setCustomRange(QDateTime(), to);
    EXPECT_FALSE(page->filterQuery()->from.isValid());
    EXPECT_EQ(page->filterQuery()->to, to);

    // A tenant by id (also one that no longer exists), and one that is neither.
    page->filters()->setTenant(globex.id.toUpper());
    EXPECT_EQ(page->filterQuery()->tenantId, globex.id);
    page->filters()->setTenant(u"initech"_s);
    query = page->filterQuery();
    ASSERT_FALSE(query.ok());
    EXPECT_EQ(query.error().code, u"unknown-tenant"_s);
    page->filters()->setTenant(QString());
    EXPECT_TRUE(page->filterQuery()->tenantId.isEmpty());
}

TEST_F(AuditPageTest, TenantChoicesAreTheKnownSlugs)
{
    auto *tenant = child<QComboBox>(u"tenantFilter"_s);
    ASSERT_EQ(tenant->count(), 3);
    EXPECT_EQ(tenant->itemText(0), u"All tenants"_s);
    EXPECT_EQ(tenant->itemText(1), u"acme"_s);
    EXPECT_EQ(tenant->itemText(2), u"globex"_s);
    create(u"initech"_s); // tenantChanged adds it
    EXPECT_EQ(tenant->count(), 4);
    EXPECT_EQ(tenant->currentIndex(), 0);
}

TEST_F(AuditPageTest, ApplyShowsOnlyTheTenantsEntries)
{
    page->filters()->setTenant(u"globex"_s);
    page->applyFilters();
    EXPECT_EQ(shownSeqs(), (QList<qint64>{6, 5, 2}));

    // Another tenant's filter never shows globex's entries.
    page->filters()->setTenant(u"acme"_s);
    page->filters()->setAction(u"auth.failure"_s);
    page->applyFilters();
    EXPECT_EQ(shownSeqs(), QList<qint64>{7});
    EXPECT_EQ(page->model()->entryAt(0).tenantId, acme.id);

    page->filters()->setAction(u"quota.*"_s);
    page->applyFilters();
    EXPECT_TRUE(shownSeqs().isEmpty());
    EXPECT_EQ(child<QLabel>(u"auditEmptyLabel"_s)->text(), u"No audit entries match these filters."_s);
    EXPECT_TRUE(child<QLabel>(u"auditEmptyLabel"_s)->isVisible());

    page->resetFilters();
    EXPECT_EQ(shownSeqs().size(), 8);
    EXPECT_TRUE(child<QTableView>(u"auditTable"_s)->isVisible());
}

TEST_F(AuditPageTest, ARefusedFilterShowsWhyAndKeepsTheTable)
{
    page->filters()->setAction(u"Tenant Suspend"_s);
    page->applyFilters();
    ASSERT_TRUE(banner()->isVisible());
    EXPECT_EQ(banner()->kind(), MessageBanner::Kind::Error);
    EXPECT_TRUE(banner()->text().contains(u"invalid-action-filter"_s)) << banner()->text().toStdString();
    EXPECT_TRUE(banner()->text().contains(u"Tenant Suspend"_s));
    EXPECT_EQ(shownSeqs().size(), 8);

    page->filters()->setAction(QString());
    page->filters()->setTenant(u"nobody"_s);
    page->applyFilters();
    EXPECT_TRUE(banner()->text().contains(u"There is no tenant 'nobody'"_s)) << banner()->text().toStdString();

    page->filters()->setTenant(QString());
    page->applyFilters();
    EXPECT_FALSE(banner()->isVisible());
}

TEST_F(AuditPageTest, DetailShowsTheSelectedEntryWithBeforeAndAfter)
{
    ASSERT_TRUE(page->selectSeq(3)); // acme suspended
    ASSERT_TRUE(page->currentEntry().has_value());
    EXPECT_EQ(page->currentEntry()->seq, 3);
    EXPECT_EQ(child<QStackedWidget>(u"auditDetails"_s)->currentIndex(), 1);
    EXPECT_EQ(child<QLabel>(u"detailAction"_s)->text(), u"tenant.suspend"_s);
    EXPECT_EQ(child<QLabel>(u"detailSummary"_s)->text(), u"Tenant suspended · entry #3"_s);
    EXPECT_EQ(child<QLabel>(u"detailActor"_s)->text(), u"console:alice"_s);
    EXPECT_EQ(child<QLabel>(u"detailTenant"_s)->text(), u"acme"_s);
    EXPECT_EQ(child<QLineEdit>(u"detailTenantId"_s)->text(), acme.id);
    EXPECT_EQ(child<QLabel>(u"detailTarget"_s)->text(), u"tenant:acme"_s);
    EXPECT_EQ(child<QLabel>(u"detailUtc"_s)->text(), u"2026-03-01 12:00:03.000 UTC"_s);
    EXPECT_EQ(child<QLabel>(u"detailTime"_s)->text(), AuditTableModel::localTimeText(page->currentEntry()->at));
    EXPECT_EQ(child<QLineEdit>(u"detailHash"_s)->text(), page->currentEntry()->hash);
    EXPECT_EQ(child<QLineEdit>(u"detailPrevHash"_s)->text(), page->currentEntry()->prevHash);

    auto *diff = child<JsonDiffView>(u"detailDiff"_s);
    EXPECT_TRUE(diff->beforeText().contains(u"\"status\": \"active\""_s)) << diff->beforeText().toStdString();
    EXPECT_TRUE(diff->afterText().contains(u"\"status\": \"suspended\""_s)) << diff->afterText().toStdString();
    EXPECT_TRUE(diff->afterText().contains(u"\"slug\": \"acme\""_s));
    EXPECT_EQ(diff->changedKeys(), (QStringList{u"status"_s, u"updated_at"_s}));

    // A creation has no before; an auth failure no before either, and its after is the reason.
    ASSERT_TRUE(page->selectSeq(6));
    EXPECT_TRUE(diff->beforeText().isEmpty());
    EXPECT_TRUE(diff->afterText().contains(u"invalid-api-key"_s));
    EXPECT_TRUE(diff->changedKeys().isEmpty());
    EXPECT_EQ(child<QLabel>(u"detailSource"_s)->text(), u"203.0.113.7"_s);
    EXPECT_EQ(child<QLabel>(u"detailRequest"_s)->text(), u"req-9"_s);
}

TEST(JsonDiffViewTest, ChangedTopLevelKeysCoverChangedAddedAndRemoved)
{
    const QJsonObject before{{u"a"_s, 1}, {u"b"_s, QJsonObject{{u"x"_s, 1}}}, {u"gone"_s, true}, {u"same"_s, u"s"_s}};
    const QJsonObject after{{u"a"_s, 2}, {u"b"_s, QJsonObject{{u"x"_s, 2}}}, {u"new"_s, 0}, {u"same"_s, u"s"_s}};
    EXPECT_EQ(JsonDiffView::changedTopLevelKeys(before, after), (QStringList{u"a"_s, u"b"_s, u"gone"_s, u"new"_s}));
    EXPECT_TRUE(JsonDiffView::changedTopLevelKeys(QJsonValue::Null, after).isEmpty());
    EXPECT_TRUE(JsonDiffView::changedTopLevelKeys(u"old"_s, 42).isEmpty());

    JsonDiffView view;
    view.setStates(before, after);
    // Nested values are indented under their key.
    EXPECT_EQ(view.beforeText(),
              u"{\n    \"a\": 1,\n    \"b\": {\n        \"x\": 1\n    },\n    \"gone\": true,\n    \"same\": \"s\"\n}"_s);
    view.setStates(u"old"_s, 42);
    EXPECT_EQ(view.beforeText(), u"\"old\""_s);
    EXPECT_EQ(view.afterText(), u"42"_s);
}

TEST_F(AuditPageTest, VerifyReportsAnIntactChain)
{
    page->verifyChain();
    EXPECT_TRUE(page->isBusy());
    EXPECT_FALSE(child<QPushButton>(u"verifyChainButton"_s)->isEnabled());
    ASSERT_TRUE(waitUntil([this] { return !page->isBusy(); }));
    ASSERT_EQ(reports.size(), 1);
    EXPECT_TRUE(reports[0].intact) << reports[0].message.toStdString();
    EXPECT_EQ(reports[0].checked, 8);
    EXPECT_TRUE(errors.isEmpty());
    EXPECT_TRUE(child<QPushButton>(u"verifyChainButton"_s)->isEnabled());

    // The worker thread is reused for the next run.
    recordAnomaly(globex);
    page->verifyChain();
    ASSERT_TRUE(waitUntil([this] { return !page->isBusy(); }));
    ASSERT_EQ(reports.size(), 2);
    EXPECT_TRUE(reports[1].intact);
    EXPECT_EQ(reports[1].checked, 9);
}

TEST_F(AuditPageTest, VerifyFindsATamperedEntryAndShowsIt)
{
    // Rewrite what happened to acme behind the log's back.
    exec(u"UPDATE audit_log SET target = 'tenant:globex' WHERE seq = 3"_s);
    page->verifyChain();
    ASSERT_TRUE(waitUntil([this] { return !page->isBusy(); }));
    ASSERT_EQ(reports.size(), 1);
    EXPECT_FALSE(reports[0].intact);
    EXPECT_EQ(reports[0].firstBadSeq, 3);
    EXPECT_EQ(reports[0].problem, u"altered"_s);

    page->showEntry(reports[0].firstBadSeq);
    EXPECT_EQ(shownSeqs(), (QList<qint64>{3, 2, 1}));
    ASSERT_TRUE(page->currentEntry().has_value());
    EXPECT_EQ(page->currentEntry()->seq, 3);
    EXPECT_EQ(child<QLabel>(u"detailTarget"_s)->text(), u"tenant:globex"_s);
    EXPECT_TRUE(banner()->isVisible());
    EXPECT_TRUE(banner()->text().contains(u"#3"_s));
}

TEST_F(AuditPageTest, ExportWritesTheFilteredEntriesOldestFirst)
{
    page->filters()->setTenant(u"acme"_s);
    page->applyFilters();
    ASSERT_EQ(shownSeqs(), (QList<qint64>{8, 7, 4, 3, 1}));

    const QString csv = m_dir.filePath(u"acme.csv"_s);
    page->exportTo(csv, AuditWorker::Format::Csv);
    ASSERT_TRUE(waitUntil([this] { return !page->isBusy(); }));
    ASSERT_EQ(exports.size(), 1);
    EXPECT_EQ(exports[0].first, 5);
    EXPECT_EQ(exports[0].second, csv);
    const QList<QByteArray> lines = readFile(csv).split('\n');
    ASSERT_EQ(lines.size(), 7); // header, 5 entries, and the empty rest after the last CRLF
    EXPECT_TRUE(lines[0].startsWith("seq,occurred_at,actor,tenant_id,action"));
    QList<QByteArray> seqs;
    for (int i = 1; i <= 5; ++i) {
        EXPECT_TRUE(lines[i].contains(acme.id.toUtf8())) << lines[i].toStdString();
        EXPECT_FALSE(lines[i].contains(globex.id.toUtf8())) << lines[i].toStdString();
        seqs.append(lines[i].left(lines[i].indexOf(',')));
    }
    EXPECT_EQ(seqs, (QList<QByteArray>{"1", "3", "4", "7", "8"}));

    const QString jsonl = m_dir.filePath(u"acme.jsonl"_s);
    page->exportTo(jsonl, AuditWorker::Format::JsonLines);
    ASSERT_TRUE(waitUntil([this] { return !page->isBusy(); }));
    ASSERT_EQ(exports.size(), 2);
    EXPECT_EQ(exports[1].first, 5);
    QList<qint64> jsonSeqs;
    for (const QByteArray &line : readFile(jsonl).split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        EXPECT_EQ(entry.value(u"tenant_id"_s).toString(), acme.id);
        jsonSeqs.append(entry.value(u"seq"_s).toInteger());
    }
    EXPECT_EQ(jsonSeqs, (QList<qint64>{1, 3, 4, 7, 8}));
    EXPECT_TRUE(errors.isEmpty()) << errors.join(u'\n').toStdString();
}

TEST_F(AuditPageTest, ExportThatCannotWriteSaysSo)
{
    page->exportTo(m_dir.filePath(u"no/such/dir/audit.csv"_s), AuditWorker::Format::Csv);
    ASSERT_TRUE(waitUntil([this] { return !page->isBusy(); }));
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors[0].startsWith(u"Could not export the audit log."_s));
    EXPECT_TRUE(errors[0].endsWith(u"[export-open-failed]"_s)) << errors[0].toStdString();
    EXPECT_TRUE(exports.isEmpty());
}

// The worker on the test's own thread, in small steps, to see the steps join up.
class AuditWorkerTest : public AuditPageTest
{
protected:
    struct Outcome {
        qint64 written = -1;
        QList<qint64> progress;
        bool cancelled = false;
        QList<Error> failures;
    };

    Outcome run(AuditWorker &worker, const AuditQuery &query, AuditWorker::Format format, const QString &path)
    {
        Outcome outcome;
        QObject::connect(&worker, &AuditWorker::exportProgress, [&](qint64 n) { outcome.progress.append(n); });
        QObject::connect(&worker, &AuditWorker::exported, [&](qint64 n, const QString &) { outcome.written = n; });
        QObject::connect(&worker, &AuditWorker::exportCancelled, [&] { outcome.cancelled = true; });
        QObject::connect(&worker, &AuditWorker::exportFailed, [&](const Error &e) { outcome.failures.append(e); });
        worker.exportTo(query, format, path);
        worker.disconnect();
        return outcome;
    }
};

TEST_F(AuditWorkerTest, CsvInStepsHasOneHeaderAndEveryEntry)
{
    // Commas, quotes and a line break inside a field must not split or merge records.
    record(m_operator, {acme.id, u"tenant.configure"_s, u"tenant:acme, \"quoted\"\r\nsecond line"_s,
                        QJsonObject{{u"display_name"_s, u"Acme"_s}}, QJsonObject{{u"display_name"_s, u"Acme, Inc."_s}}});
    AuditWorker worker(m_audit.get());
    worker.setExportStep(2);
    const QString path = m_dir.filePath(u"all.csv"_s);
    const Outcome outcome = run(worker, {}, AuditWorker::Format::Csv, path);
    ASSERT_TRUE(outcome.failures.isEmpty()) << outcome.failures[0].message.toStdString();
    EXPECT_EQ(outcome.written, 9);
    EXPECT_EQ(outcome.progress, (QList<qint64>{2, 4, 6, 8, 9}));
    const QByteArray csv = readFile(path);
    EXPECT_EQ(csv.count("seq,occurred_at"), 1);
    EXPECT_TRUE(csv.startsWith("seq,occurred_at"));
    EXPECT_TRUE(csv.contains("\"tenant:acme, \"\"quoted\"\"\r\nsecond line\""));
    // Every entry once, in order: each record starts with its seq after a CRLF.
    for (int seq = 1; seq <= 9; ++seq)
        EXPECT_EQ(csv.count(QByteArray("\r\n" + QByteArray::number(seq) + ",2026-")), 1) << seq;
}

TEST_F(AuditWorkerTest, CancelledExportLeavesTheOldFileAsItWas)
{
    const QString path = m_dir.filePath(u"keep.csv"_s);
    {
        QFile old(path);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("previous export\n");
    }
    AuditWorker worker(m_audit.get());
    worker.cancelExport();
    const Outcome outcome = run(worker, {}, AuditWorker::Format::Csv, path);
    EXPECT_TRUE(outcome.cancelled);
    EXPECT_EQ(outcome.written, -1);
    EXPECT_EQ(readFile(path), "previous export\n");
    EXPECT_EQ(QDir(m_dir.path()).entryList({u"keep.csv*"_s}, QDir::Files | QDir::Hidden), QStringList{u"keep.csv"_s});
}

TEST_F(AuditWorkerTest, JsonLinesFollowTheFilters)
{
    AuditWorker worker(m_audit.get());
    worker.setExportStep(1);
    AuditQuery query;
    query.action = u"auth.failure"_s;
    query.newestFirst = true; // ignored: files are oldest first
    query.afterSeq = 7;       // ignored: the whole filtered log
    const QString path = m_dir.filePath(u"failures.jsonl"_s);
    const Outcome outcome = run(worker, query, AuditWorker::Format::JsonLines, path);
    EXPECT_EQ(outcome.written, 2);
    const QList<QByteArray> lines = readFile(path).trimmed().split('\n');
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(QJsonDocument::fromJson(lines[0]).object().value(u"seq"_s).toInteger(), 6);
    EXPECT_EQ(QJsonDocument::fromJson(lines[1]).object().value(u"seq"_s).toInteger(), 7);
}

} // namespace
