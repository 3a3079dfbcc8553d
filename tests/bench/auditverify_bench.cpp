// How fast the audit log verifies its chain and appends, on an embedded SQLite catalog.
//
//   audit_bench                                   everything (fills 1,000,000 entries once, ~1 min)
//   audit_bench --benchmark_filter=Verify/1000$   one case
//
// Not a test: it proves speed, and is never run by ctest.
#include "core/base/clock.h"
#include "core/observe/auditlog.h"
#include "core/storage/catalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>

using namespace Tenantry;
using namespace Tenantry::Observe;
using namespace Qt::StringLiterals;

namespace {

constexpr int kBatch = 10000; // entries per transaction while filling

// A temporary catalog with its audit log. Destroyed before the QCoreApplication.
struct AuditEnv {
    QTemporaryDir dir;
    ManualClock clock{QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC)};
    std::unique_ptr<Storage::Catalog> catalog;
    std::unique_ptr<AuditLog> log;
    qint64 entries = 0;

    bool open()
    {
        auto opened = Storage::Catalog::open({dir.path(), std::nullopt});
        if (!opened.ok()) {
            std::fprintf(stderr, "cannot open the catalog: %s\n", qPrintable(opened.error().message));
            return false;
        }
        catalog = std::move(opened).value();
        log = std::make_unique<AuditLog>(*catalog, clock);
        return true;
    }
};

// A realistic entry: a tenant status change with small before/after objects.
AuditEvent sampleEvent(qint64 i)
{
    return {u"5f1c2a3e-8b7d-4c1e-9f00-%1"_s.arg(i % 1000, 12, 10, QChar(u'0')), u"tenant.suspend"_s,
            u"tenant:acme-%1"_s.arg(i % 1000),
            QJsonObject{{u"status"_s, u"active"_s}, {u"plan"_s, u"pro"_s}},
            QJsonObject{{u"status"_s, u"suspended"_s}, {u"plan"_s, u"pro"_s}}};
}

const Actor kActor{u"api-key:9c1f3b"_s, u"req-7f3a9c2e"_s, u"203.0.113.7"_s};

bool fill(AuditEnv &env, qint64 count)
{
    for (qint64 done = 0; done < count;) {
        const qint64 batch = std::min<qint64>(kBatch, count - done);
        const Status s = env.catalog->transaction([&](QSqlDatabase &tx) -> Status {
            for (qint64 i = 0; i < batch; ++i) {
                env.clock.advanceSeconds(1);
                if (Status r = env.log->record(tx, kActor, sampleEvent(done + i)); !r)
                    return r;
            }
            return {};
        });
        if (!s.ok()) {
            std::fprintf(stderr, "fill failed: %s\n", qPrintable(s.error().message));
            return false;
        }
        done += batch;
    }
    env.entries += count;
    return true;
}

// One filled catalog per size, shared by the runs of that size (filling 1,000,000 takes a while).
std::map<qint64, std::unique_ptr<AuditEnv>> g_filled;

AuditEnv *filled(qint64 count)
{
    auto &env = g_filled[count];
    if (!env) {
        env = std::make_unique<AuditEnv>();
        QElapsedTimer timer;
        timer.start();
        if (!env->open() || !fill(*env, count)) {
            env.reset();
            return nullptr;
        }
        std::fprintf(stderr, "filled %lld entries through record() in %.1f s (%.2f us/entry, %d per transaction)\n",
                     static_cast<long long>(count), timer.elapsed() / 1000.0, timer.nsecsElapsed() / 1000.0 / count,
                     kBatch);
    }
    return env.get();
}

void BM_Verify(benchmark::State &state)
{
    AuditEnv *env = filled(state.range(0));
    if (!env) {
        state.SkipWithError("could not fill the catalog");
        return;
    }
    for (auto _ : state) {
        auto report = env->log->verify();
        if (!report.ok() || !report->intact || report->checked != env->entries) {
            state.SkipWithError("verify failed");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * env->entries);
}
BENCHMARK(BM_Verify)->Arg(1000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();

// record() inside big transactions (one commit per 10,000 entries, included): the cost an
// audited change adds to its own transaction.
void BM_RecordBatched(benchmark::State &state)
{
    AuditEnv env;
    if (!env.open()) {
        state.SkipWithError("could not open the catalog");
        return;
    }
    QSqlDatabase db = env.catalog->connection().value();
    db.transaction();
    qint64 i = 0;
    for (auto _ : state) {
        if (!env.log->record(db, kActor, sampleEvent(i)).ok()) {
            state.SkipWithError("record failed");
            break;
        }
        if (++i % kBatch == 0) {
            db.commit();
            db.transaction();
        }
    }
    db.commit();
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordBatched)->Unit(benchmark::kMicrosecond)->UseRealTime();

// recordNow(): one entry per transaction, commit included (WAL, synchronous=NORMAL).
void BM_RecordNow(benchmark::State &state)
{
    AuditEnv env;
    if (!env.open()) {
        state.SkipWithError("could not open the catalog");
        return;
    }
    qint64 i = 0;
    for (auto _ : state) {
        if (!env.log->recordNow(kActor, sampleEvent(i++)).ok()) {
            state.SkipWithError("recordNow failed");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordNow)->Unit(benchmark::kMicrosecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_filled.clear(); // close the catalogs while Qt is still up
    return 0;
}
