// What tenant data spaces cost: creating one per strategy (a SQLite file copied from the
// template; on PostgreSQL a schema created and migrated, or a database copied from the
// template), and bringing N spaces to a new version with the fleet migrator at concurrency 1
// and 4.
//
//   dataspace_bench                                  the SQLite cases
//   TENANTRY_TEST_PG_URL=postgresql://… dataspace_bench   and the PostgreSQL ones (each run
//                                                    makes and drops throwaway databases)
//   dataspace_bench --benchmark_filter=Fleet         the fleet migrations only
//
// Not a test: it proves speed, and is never run by ctest.
#include "core/storage/catalog.h"
#include "core/storage/dataplane.h"
#include "core/storage/fleetmigrator.h"
#include "core/storage/ownerconnection.h"
#include "tests/support/pgtestdb.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Qt::StringLiterals;

namespace {

constexpr int kExtraVersion = 9001;

enum Space { SqliteFile, PostgresSchema, PostgresDatabase };

const char *spaceName(int space)
{
    switch (space) {
    case SqliteFile:
        return "sqlite-file";
    case PostgresSchema:
        return "pg-schema";
    default:
        return "pg-database";
    }
}

Tenant newTenant(int space)
{
    Tenant t;
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.slug = u"b"_s + QString(t.id).remove(u'-').left(20);
    t.isolation = space == PostgresSchema ? u"schema"_s : u"database"_s;
    t.status = TenantStatus::Active;
    return t;
}

// A throwaway catalog (a fresh PostgreSQL database for the PostgreSQL cases) and a data plane
// that knows the shipped migrations plus one more, a tenant table with an index.
// Members are destroyed bottom-up: the plane and catalog close before the databases are dropped.
struct BenchEnv {
    QTemporaryDir dir;
    std::unique_ptr<Testing::PgTestDatabase> pg;
    std::unique_ptr<Catalog> catalog;
    std::unique_ptr<DataPlane> plane;

    // False (with the reason in `skip`) when the case cannot run here.
    bool open(int space, QString *skip)
    {
        CatalogLocation location{dir.path(), std::nullopt};
        if (space != SqliteFile) {
            pg = Testing::PgTestDatabase::create();
            if (!pg) {
                *skip = u"PostgreSQL not configured (set TENANTRY_TEST_PG_URL)"_s;
                return false;
            }
            location.database = DatabaseUrl::parse(pg->url()).value();
        }
        auto opened = Catalog::open(location);
        if (!opened) {
            *skip = opened.error().message;
            return false;
        }
        catalog = std::move(opened).value();
        DataPlaneOptions options;
        options.migrations = tenantMigrations(catalog->dialect());
        options.migrations.append({kExtraVersion, u"9001_bench_extra.sql"_s,
                                   u"CREATE TABLE bench_extra (tenant_id TEXT NOT NULL, id TEXT NOT NULL, "
                                   "note TEXT NOT NULL, PRIMARY KEY (tenant_id, id));\n"
                                   "CREATE INDEX bench_extra_note ON bench_extra (tenant_id, note);\n"_s});
        auto made = DataPlane::open(*catalog, location.database, options);
        if (!made) {
            *skip = made.error().message;
            return false;
        }
        plane = std::move(made).value();
        return true;
    }

    // Takes the last migration back out of the tenant's space, so the next run has work.
    bool downgrade(const Tenant &tenant)
    {
        const SpaceAddress space = plane->names().locate(tenant).value();
        auto owner = space.isPostgres() ? OwnerConnection::postgres(*DatabaseUrl::parse(pg->url()), space.database)
                                        : OwnerConnection::sqlite(space.database, false);
        if (!owner)
            return false;
        const QString prefix = space.schema.isEmpty() ? QString() : space.schema + u'.';
        QSqlQuery q(owner->db());
        return q.exec(u"DROP TABLE %1bench_extra"_s.arg(prefix))
            && q.exec(u"DELETE FROM %1data_migrations WHERE version = %2"_s.arg(prefix).arg(kExtraVersion));
    }
};

void BM_CreateSpace(benchmark::State &state)
{
    const int space = int(state.range(0));
    state.SetLabel(spaceName(space));
    BenchEnv env;
    QString skip;
    if (!env.open(space, &skip)) {
        state.SkipWithError(qPrintable(skip));
        return;
    }
    for (auto _ : state) {
        const Tenant tenant = newTenant(space);
        if (Status made = env.plane->create(tenant); !made) {
            state.SkipWithError(qPrintable(made.error().message));
            return;
        }
    }
}
BENCHMARK(BM_CreateSpace)->Arg(SqliteFile)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CreateSpace)->Arg(PostgresSchema)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(40);
BENCHMARK(BM_CreateSpace)->Arg(PostgresDatabase)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(15);

// Args: space kind, number of spaces, concurrency, and whether the spaces have work (1: each
// iteration migrates every space from the shipped version to one more, after an untimed
// downgrade; 0: every space is already current, as in a re-run that resumes).
void BM_FleetMigrate(benchmark::State &state)
{
    const int space = int(state.range(0));
    const int count = int(state.range(1));
    const bool work = state.range(3) != 0;
    FleetOptions options;
    options.concurrency = int(state.range(2));
    state.SetLabel(spaceName(space));
    BenchEnv env;
    QString skip;
    if (!env.open(space, &skip)) {
        state.SkipWithError(qPrintable(skip));
        return;
    }
    QList<Tenant> tenants;
    for (int i = 0; i < count; ++i) {
        tenants.append(newTenant(space));
        if (Status made = env.plane->create(tenants.last()); !made) {
            state.SkipWithError(qPrintable(made.error().message));
            return;
        }
    }
    FleetMigrator migrator(*env.plane);
    for (auto _ : state) {
        if (work) {
            state.PauseTiming();
            for (const Tenant &tenant : std::as_const(tenants)) {
                if (!env.downgrade(tenant)) {
                    state.SkipWithError("cannot downgrade a space");
                    return;
                }
            }
            state.ResumeTiming();
        }
        auto report = migrator.migrate(tenants, options);
        if (!report || (work ? report->migrated : report->upToDate) != count) {
            state.SkipWithError("the fleet migration did not reach every space");
            return;
        }
    }
    state.counters["spaces/s"] = benchmark::Counter(double(count) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FleetMigrate)
    ->Args({SqliteFile, 100, 1, 1})
    ->Args({SqliteFile, 100, 4, 1})
    ->Args({SqliteFile, 100, 4, 0})
    ->Args({PostgresSchema, 50, 1, 1})
    ->Args({PostgresSchema, 50, 4, 1})
    ->Args({PostgresSchema, 50, 4, 0})
    ->Args({PostgresDatabase, 20, 1, 1})
    ->Args({PostgresDatabase, 20, 4, 1})
    ->Args({PostgresDatabase, 20, 4, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(5);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
