// What creating and reading one record costs as the number of tenants grows (10 vs 10,000
// tenants, 5 records each), through RecordService and the real ConnectionRouter — the same
// statements and transactions the server runs, without HTTP — for the shared strategy (one
// SQLite file, or PostgreSQL tables under row-level security) and for a SQLite file per
// tenant. Tenants are visited round robin, so with 10,000 files almost every operation finds
// its file's connection closed (the pool holds --data-pool-size of them) and opens it.
//
//   records_bench                                                  SQLite
//   TENANTRY_BENCH_DATABASE_URL=postgresql://…/empty-db records_bench --benchmark_filter=files:0
//
// Not a test: it proves speed, and is never run by ctest.
#include "core/base/clock.h"
#include "core/records/recordservice.h"
#include "core/storage/catalog.h"
#include "core/storage/dataplane.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>

using namespace Tenantry;
using namespace Tenantry::Records;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRecordsPerTenant = 5;
const QStringList kStrategies{u"shared"_s, u"database"_s};

const QByteArray kDefinition = R"({"name": "customers", "fields": [
    {"name": "email", "type": "string", "required": true, "unique": true},
    {"name": "name", "type": "string"}, {"name": "balance", "type": "decimal"},
    {"name": "since", "type": "date"}]})";

struct RecordsEnv {
    QTemporaryDir dir;
    SystemClock clock;
    std::unique_ptr<Storage::Catalog> catalog;
    std::unique_ptr<Storage::DataPlane> plane;
    std::unique_ptr<RecordService> service;
    QList<Tenant> tenants;
    QList<QString> recordIds; // one per tenant
    qint64 sequence = 0;

    bool open(const QString &strategy, int tenantCount)
    {
        Storage::CatalogLocation location{dir.path(), std::nullopt};
        const QString url = qEnvironmentVariable("TENANTRY_BENCH_DATABASE_URL");
        if (!url.isEmpty())
            location.database = Storage::DatabaseUrl::parse(url).value();
        auto opened = Storage::Catalog::open(location);
        if (!opened) {
            std::fprintf(stderr, "records_bench: %s\n", qPrintable(opened.error().message));
            return false;
        }
        catalog = std::move(opened).value();
        auto made = Storage::DataPlane::open(*catalog, location.database);
        if (!made) {
            std::fprintf(stderr, "records_bench: %s\n", qPrintable(made.error().message));
            return false;
        }
        plane = std::move(made).value();
        service = std::make_unique<RecordService>(plane->router(), clock);
        const QJsonObject definition = QJsonDocument::fromJson(kDefinition).object();
        for (int i = 0; i < tenantCount; ++i) {
            Tenant t;
            // Distinct across environments: on PostgreSQL they share one database.
            t.id = u"00000000-0000-4000-8%1-%2"_s.arg(strategy == "shared"_L1 ? 0 : 1, 3, 10, QChar(u'0'))
                       .arg(qint64(tenantCount) * 100000 + i, 12, 10, QChar(u'0'));
            t.slug = u"t%1"_s.arg(i);
            t.isolation = strategy;
            if (Status space = plane->create(t); !space) {
                std::fprintf(stderr, "records_bench: %s\n", qPrintable(space.error().message));
                return false;
            }
            if (!service->createEntity(t, definition, u"bench"_s).ok())
                return false;
            QString id;
            for (int r = 0; r < kRecordsPerTenant; ++r) {
                auto created = service->createRecord(t, u"customers"_s, next());
                if (!created.ok())
                    return false;
                id = created->id;
            }
            tenants.append(t);
            recordIds.append(id);
        }
        return true;
    }

RecordInput next()
    {
        const QByteArray body = R"({"email": "user)" + QByteArray::number(++sequence)
            + R"(@example.com", "name": "Some Body", "balance": "1234.50", "since": "2026-03-01"})";
        return RecordInput::fromBody(body, QJsonDocument::fromJson(body).object());
    }
};

// Built once per strategy and tenant count, and closed before the QCoreApplication goes.
std::map<std::pair<int, int>, std::unique_ptr<RecordsEnv>> g_envs;

RecordsEnv &envFor(int strategy, int tenants)
{
    auto &env = g_envs[{strategy, tenants}];
    if (!env) {
        env = std::make_unique<RecordsEnv>();
        if (!env->open(kStrategies.at(strategy), tenants)) {
            std::fprintf(stderr, "records_bench: setting up %d tenants failed\n", tenants);
            std::exit(1);
        }
    }
    return *env;
}

void CreateRecord(benchmark::State &state)
{
    RecordsEnv &env = envFor(int(state.range(0)), int(state.range(1)));
    state.SetLabel(kStrategies.at(int(state.range(0))).toStdString());
    qsizetype i = 0;
    for (auto _ : state) {
        const Tenant &t = env.tenants.at(i++ % env.tenants.size());
        auto created = env.service->createRecord(t, u"customers"_s, env.next());
        if (!created.ok())
            state.SkipWithError(qPrintable(created.error().message));
    }
}
BENCHMARK(CreateRecord)->ArgsProduct({{0, 1}, {10, 10000}})->ArgNames({"files", "tenants"})->Unit(benchmark::kMicrosecond)->MinTime(2.0);

void GetRecord(benchmark::State &state)
{
    RecordsEnv &env = envFor(int(state.range(0)), int(state.range(1)));
    state.SetLabel(kStrategies.at(int(state.range(0))).toStdString());
    qsizetype i = 0;
    for (auto _ : state) {
        const qsizetype k = i++ % env.tenants.size();
        auto record = env.service->record(env.tenants.at(k), u"customers"_s, env.recordIds.at(k));
        if (!record.ok())
            state.SkipWithError(qPrintable(record.error().message));
    }
}
BENCHMARK(GetRecord)->ArgsProduct({{0, 1}, {10, 10000}})->ArgNames({"files", "tenants"})->Unit(benchmark::kMicrosecond)->MinTime(2.0);

// The same read when 10,000 tenants exist but the traffic of the moment comes from 16 of them:
// their connections stay in the pool, so what remains is the cost of the tenant count itself.
void GetRecordActiveFew(benchmark::State &state)
{
    RecordsEnv &env = envFor(int(state.range(0)), int(state.range(1)));
    state.SetLabel(kStrategies.at(int(state.range(0))).toStdString() + " (16 active)");
    qsizetype i = 0;
    for (auto _ : state) {
        const qsizetype k = (i++ % 16) * (env.tenants.size() / 16);
        auto record = env.service->record(env.tenants.at(k), u"customers"_s, env.recordIds.at(k));
        if (!record.ok())
            state.SkipWithError(qPrintable(record.error().message));
    }
}
BENCHMARK(GetRecordActiveFew)->ArgsProduct({{1}, {10000}})->ArgNames({"files", "tenants"})->Unit(benchmark::kMicrosecond)->MinTime(2.0);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_envs.clear();
    return 0;
}
