// What usage metering costs off the request path, on an embedded SQLite catalog: one flush of
// the usage of N busy tenants, and the reports of a month of hourly rows.
//
//   usage_bench                                    everything (fills a month for 100 tenants first)
//   usage_bench --benchmark_filter=Flush/10000     one case
//   TENANTRY_BENCH_DATABASE_URL=postgresql://…/empty-db usage_bench --benchmark_filter=Flush
//                                                  the flushes on PostgreSQL
//
// Not a test: it proves speed, and is never run by ctest.
#include "core/base/clock.h"
#include "core/observe/usagerecorder.h"
#include "core/report/usagereport.h"
#include "core/storage/catalog.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

using namespace Tenantry;
using namespace Tenantry::Observe;
using namespace Qt::StringLiterals;

namespace {

// A temporary catalog with a recorder over fresh metrics. Destroyed before the QCoreApplication.
struct UsageEnv {
    QTemporaryDir dir;
    ManualClock clock{QDateTime(QDate(2026, 10, 1), QTime(0, 30), Qt::UTC)};
    std::unique_ptr<Storage::Catalog> catalog;
    RequestMetrics metrics;
    TenantDirectory directory;
    std::unique_ptr<Storage::DirectoryDataSpace> space;
    std::unique_ptr<UsageRecorder> recorder;
    QList<QString> tenants;

    bool open(int tenantCount, int rowsPerStatement = UsageRecorderSettings{}.rowsPerStatement)
    {
        Storage::CatalogLocation location{dir.path(), std::nullopt};
        // An empty PostgreSQL database instead of SQLite, e.g. one of scripts/services.sh.
        if (const QString url = qEnvironmentVariable("TENANTRY_BENCH_DATABASE_URL"); !url.isEmpty())
            location.database = Storage::DatabaseUrl::parse(url).value();
        auto opened = Storage::Catalog::open(location);
        if (!opened.ok()) {
            std::fprintf(stderr, "cannot open the catalog: %s\n", qPrintable(opened.error().message));
            return false;
        }
        catalog = std::move(opened).value();
        space = std::make_unique<Storage::DirectoryDataSpace>(dir.path());
        UsageRecorderSettings settings;
        settings.rowsPerStatement = rowsPerStatement;
        recorder = std::make_unique<UsageRecorder>(*catalog, metrics, directory, *space, clock, settings);
        for (int i = 0; i < tenantCount; ++i)
            tenants.append(u"5f1c2a3e-8b7d-4c1e-9f00-%1"_s.arg(i, 12, 10, QChar(u'0')));
        return true;
    }

    // Some traffic for every tenant, with a spread of latencies and statuses.
    void serveEveryTenant(int requestsEach)
    {
        for (qsizetype t = 0; t < tenants.size(); ++t) {
            for (int r = 0; r < requestsEach; ++r)
                metrics.record(tenants[t], r % 50 ? 200 : 404, std::chrono::microseconds(300 + 97 * r * (t % 13)), 0, 900);
        }
    }

    bool flush()
    {
        auto flushed = recorder->flush();
        if (!flushed)
            std::fprintf(stderr, "flush failed: %s\n", qPrintable(flushed.error().message));
        return flushed.ok();
    }
};

void BM_Flush(benchmark::State &state)
{
    UsageEnv env;
    if (!env.open(int(state.range(0)), int(state.range(1)))) {
        state.SkipWithError("no catalog");
        return;
    }
    for (auto _ : state) {
        state.PauseTiming();
        env.serveEveryTenant(3);
        env.clock.advanceSeconds(60);
        state.ResumeTiming();
        if (!env.flush()) {
            state.SkipWithError("flush failed");
            break;
        }
    }
    state.counters["tenants"] = double(state.range(0));
}
// Arguments: busy tenants, rows per statement (25 is the recorder's default).
BENCHMARK(BM_Flush)->Args({100, 25})->Args({1000, 25})->Args({10000, 25})->Args({1000, 200})->Unit(benchmark::kMillisecond)->UseRealTime();

std::unique_ptr<UsageEnv> g_month;

// October 2026 for 100 tenants: 744 hourly rows each, 74,400 in all; the first tenant is
// registered in the catalog (a tenant's report names it).
UsageEnv &month()
{
    if (g_month)
        return *g_month;
    g_month = std::make_unique<UsageEnv>();
    UsageEnv &e = *g_month;
    if (!e.open(100))
        std::abort();
    auto db = e.catalog->connection();
    if (!db || !Storage::runQuery(db.value(),
                                  u"INSERT INTO tenants (id, slug, slug_key, status, plan, isolation, display_name, "
                                  "theme_color, locale, time_zone, settings, created_at, updated_at) "
                                  "VALUES (?, 'acme', 'acme', 'active', 'pro', 'shared', 'Acme', '#2f6feb', 'en_US', "
                                  "'UTC', '{}', 0, 0)"_s,
                                  {e.tenants.first()})) {
        std::abort();
    }
    for (int hour = 0; hour < 31 * 24; ++hour) {
        e.serveEveryTenant(2);
        if (!e.flush())
            std::abort();
        e.clock.advanceSeconds(3600);
    }
    return e;
}

void BM_AllTenantsReport(benchmark::State &state)
{
    UsageEnv &env = month();
    Report::UsageReporter reporter(*env.catalog, env.clock);
    const Report::UsagePeriod october{QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC),
                                      QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC)};
    for (auto _ : state) {
        auto report = reporter.allTenantsReport(october);
        if (!report || report->rows.size() != 100) {
            state.SkipWithError("wrong report");
            break;
        }
        benchmark::DoNotOptimize(report);
    }
}
BENCHMARK(BM_AllTenantsReport)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TenantReport(benchmark::State &state)
{
    UsageEnv &env = month();
    Report::UsageReporter reporter(*env.catalog, env.clock);
    const Report::UsagePeriod october{QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC),
                                      QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC)};
    for (auto _ : state) {
        auto report = reporter.tenantReport(env.tenants.first(), october);
        if (!report || report->rows.size() != 31) {
            state.SkipWithError("wrong report");
            break;
        }
        benchmark::DoNotOptimize(report);
    }
}
BENCHMARK(BM_TenantReport)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_month.reset(); // close the catalog while Qt is still up
    return 0;
}
