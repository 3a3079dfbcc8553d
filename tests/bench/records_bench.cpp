// What creating and reading one record costs as the number of tenants sharing the tables
// grows (10 vs 10,000 tenants, 5 records each, shared tables on one SQLite file or
// PostgreSQL database), through RecordService and a single-connection TenantDataAccess —
// the same statements the server runs, without HTTP.
//
//   records_bench                                          SQLite
//   TENANTRY_BENCH_DATABASE_URL=postgresql://…/empty-db records_bench
//
// Not a test: it proves speed, and is never run by ctest.
#include "core/base/clock.h"
#include "core/records/recordservice.h"
#include "tests/support/singledbaccess.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
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

const QByteArray kDefinition = R"({"name": "customers", "fields": [
    {"name": "email", "type": "string", "required": true, "unique": true},
    {"name": "name", "type": "string"}, {"name": "balance", "type": "decimal"},
    {"name": "since", "type": "date"}]})";

struct RecordsEnv {
    QTemporaryDir dir;
    SystemClock clock;
    std::unique_ptr<Testing::SingleDbAccess> access;
    std::unique_ptr<RecordService> service;
    QList<Tenant> tenants;
    QList<QString> recordIds; // one per tenant
    qint64 sequence = 0;

    bool open(int tenantCount)
    {
        QString error;
        const QString url = qEnvironmentVariable("TENANTRY_BENCH_DATABASE_URL");
        if (!url.isEmpty()) {
            access = Testing::SingleDbAccess::openPostgres(url, &error);
            if (access) {
                QSqlQuery q(access->database());
                for (const char *t : {"records", "record_keys", "entities", "entity_versions", "entity_usage"})
                    q.exec(u"DELETE FROM "_s + QLatin1StringView(t));
            }
        } else {
            access = Testing::SingleDbAccess::openSqlite(dir.filePath(u"tenants.db"_s), &error);
            if (access) {
                QSqlQuery(access->database()).exec(u"PRAGMA journal_mode=WAL"_s);
                QSqlQuery(access->database()).exec(u"PRAGMA synchronous=NORMAL"_s);
            }
        }
        if (!access) {
            std::fprintf(stderr, "records_bench: %s\n", qPrintable(error));
            return false;
        }
        service = std::make_unique<RecordService>(*access, clock);
        const QJsonObject definition = QJsonDocument::fromJson(kDefinition).object();
        for (int i = 0; i < tenantCount; ++i) {
            Tenant t;
            t.id = u"00000000-0000-4000-8000-%1"_s.arg(i, 12, 10, QChar(u'0'));
            t.slug = u"t%1"_s.arg(i);
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

// Built once per tenant count, and closed before the QCoreApplication goes.
std::map<int, std::unique_ptr<RecordsEnv>> g_envs;

RecordsEnv &envFor(int tenants)
{
    auto &env = g_envs[tenants];
    if (!env) {
        env = std::make_unique<RecordsEnv>();
        if (!env->open(tenants)) {
            std::fprintf(stderr, "records_bench: setting up %d tenants failed\n", tenants);
            std::exit(1);
        }
    }
    return *env;
}

void CreateRecord(benchmark::State &state)
{
    RecordsEnv &env = envFor(int(state.range(0)));
    qsizetype i = 0;
    for (auto _ : state) {
        const Tenant &t = env.tenants.at(i++ % env.tenants.size());
        auto created = env.service->createRecord(t, u"customers"_s, env.next());
        if (!created.ok())
            state.SkipWithError(qPrintable(created.error().message));
    }
}
BENCHMARK(CreateRecord)->Arg(10)->Arg(10000)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

void GetRecord(benchmark::State &state)
{
    RecordsEnv &env = envFor(int(state.range(0)));
    qsizetype i = 0;
    for (auto _ : state) {
        const qsizetype k = i++ % env.tenants.size();
        auto record = env.service->record(env.tenants.at(k), u"customers"_s, env.recordIds.at(k));
        if (!record.ok())
            state.SkipWithError(qPrintable(record.error().message));
    }
}
BENCHMARK(GetRecord)->Arg(10)->Arg(10000)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

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
