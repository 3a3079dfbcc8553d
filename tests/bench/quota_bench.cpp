// The cost of one quota check on the request path: QuotaState::admit() for a random tenant
// among 10 and among 10,000, with every dimension limited (day, month, rate with burst,
// in-flight), the permit released at the end of each iteration, on one and on two threads
// sharing the same state (run by hand: build/tests/quota_bench).
#include "core/quota/quotagate.h"
#include "core/quota/quotastate.h"
#include "core/tenancy/canonicaltenant.h"
#include "core/tenancy/tenantdirectory.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <benchmark/benchmark.h>

#include <atomic>
#include <random>
#include <vector>

using namespace Tenantry::Quota;

namespace {

struct Fixture {
    explicit Fixture(int tenants)
    {
        limits.apiCallsPerDay = 1'000'000'000;
        limits.apiCallsPerMonth = 10'000'000'000;
        limits.ratePerSecond = 1'000'000;
        limits.burst = 1'000'000;
        limits.maxConcurrent = 64;
        for (int i = 0; i < tenants; ++i) { // canonical and numbered, as the directory has them
            ids.append(Tenantry::canonicalString(QStringLiteral("tenant-%1").arg(i)));
            numbers.push_back(Tenantry::tenantNumber(ids.back()));
        }
        std::mt19937 random(42);
        std::uniform_int_distribution<int> pick(0, tenants - 1);
        // The tenants of successive checks, read in order: the harness's own lookups then cost
        // no cache misses that the check would be charged with.
        for (int i = 0; i < 65536; ++i) {
            const int which = pick(random);
            sequence.push_back({&ids[which], numbers[size_t(which)]});
        }
        for (int i = 0; i < tenants; ++i) // every tenant has state, as in a warm server
            (void)state.admit({ids[i], numbers[size_t(i)]}, limits, startMs, windows);
        resumeMs.store(startMs + 1);
    }

    QuotaState state;
    WindowClock windows{QTimeZone(QByteArrayLiteral("America/New_York"))};
    Limits limits;
    QStringList ids;
    std::vector<quint32> numbers;
    std::vector<std::pair<const QString *, quint32>> sequence;
    // Where the next run's clock starts: runs reuse the state, so time must not go back.
    std::atomic<qint64> resumeMs{0};
    const qint64 startMs = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
};

Fixture &fixture(int tenants)
{
    static Fixture ten(10);
    static Fixture tenThousand(10'000);
    return tenants == 10 ? ten : tenThousand;
}

} // namespace

static void BM_Admit(benchmark::State &state)
{
    Fixture &f = fixture(int(state.range(0)));
    size_t i = size_t(state.thread_index()) * 7919;
    qint64 nowMs = f.resumeMs.load();
    qint64 refused = 0;
    for (auto _ : state) {
        // The clock moves a millisecond every 4,096 checks, about real time on one thread.
        nowMs += (i & 4095) == 0 ? 1 : 0;
        const auto &[id, number] = f.sequence[i & 65535];
        auto admission = f.state.admit({*id, number}, f.limits, nowMs, f.windows);
        refused += admission.value().admitted ? 0 : 1;
        benchmark::DoNotOptimize(admission);
        ++i;
    }
    // Every check should pass: a refusal would measure the undo path instead.
    state.counters["refused"] = double(refused);
    qint64 resume = f.resumeMs.load();
    while (resume < nowMs + 1 && !f.resumeMs.compare_exchange_weak(resume, nowMs + 1)) {
    }
}
BENCHMARK(BM_Admit)->Arg(10)->Arg(10'000)->Threads(1)->Threads(2)->UseRealTime();

// The whole check the pipeline runs: QuotaGate::admit() for a random tenant on a plan that
// limits every dimension and a route cost (policy lookup, cost, windows in the tenant's zone,
// all-or-nothing admit, the headers' figures, the alert check), with and without a custom
// request rule on the route.
struct GateFixture {
    GateFixture(int count, bool withRule)
    {
        Limits plan;
        plan.apiCallsPerDay = 1'000'000'000;
        plan.apiCallsPerMonth = 10'000'000'000;
        plan.ratePerSecond = 1'000'000;
        plan.burst = 1'000'000;
        plan.maxConcurrent = 64;
        plan.storageBytes = 1'000'000'000;
        if (withRule) {
            plan.rules = {{QStringLiteral("me"), RuleMetric::Requests, {"GET", QStringLiteral("/api/v1/me")},
                           RuleWindow::Minute, QString(), 1'000'000'000'000}};
        }
        plan.costs = {{{"POST", QStringLiteral("/api/v1/entities/*/records")}, 2}};
        policies.reset({{QStringLiteral("bench"), plan}}, {});
        QList<Tenantry::Tenant> loaded;
        for (int i = 0; i < count; ++i) {
            Tenantry::Tenant t;
            t.id = QStringLiteral("tenant-%1").arg(i);
            t.slug = t.id;
            t.plan = QStringLiteral("bench");
            t.config.timeZone = QStringLiteral("America/New_York");
            t.updatedAt = QDateTime::fromMSecsSinceEpoch(startMs - 1000 * i, Qt::UTC); // as the catalog loads it
            loaded.append(t);
        }
        // As the server has them: from the directory, canonical, each its own allocation.
        directory.reset(loaded, {});
        const auto snapshot = directory.snapshot();
        for (const Tenantry::Tenant &t : loaded)
            tenants.push_back(snapshot->findId(t.id));
        std::mt19937 random(42);
        std::uniform_int_distribution<int> pick(0, count - 1);
        for (int i = 0; i < 65536; ++i)
            sequence.push_back(tenants[size_t(pick(random))].get());
        gate.setAlertQueue(&alerts);
        for (const auto &t : tenants)
            (void)gate.admit(*t, "GET", "/api/v1/me", startMs);
    }

    QuotaPolicies policies;
    QuotaGate gate{policies};
    QuotaAlertQueue alerts;
    Tenantry::TenantDirectory directory;
    std::vector<std::shared_ptr<const Tenantry::Tenant>> tenants;
    std::vector<const Tenantry::Tenant *> sequence; // as in Fixture
    std::atomic<qint64> resumeMs{0};
    const qint64 startMs = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
};

GateFixture &gateFixture(int tenants, bool withRule)
{
    static GateFixture ten(10, false), tenThousand(10'000, false);
    static GateFixture tenRule(10, true), tenThousandRule(10'000, true);
    if (withRule)
        return tenants == 10 ? tenRule : tenThousandRule;
    return tenants == 10 ? ten : tenThousand;
}

static void BM_GateAdmit(benchmark::State &state)
{
    GateFixture &f = gateFixture(int(state.range(0)), state.range(1) != 0);
    // resolved=1: the tenant object is in cache, as the server has it after resolving the
    // request's tenant and checking its key, just before the quota check; the harness
    // prefetches the tenant objects ahead for that. resolved=0: it is not (one more miss).
    // prefetch=1: also what the server does once it knows the tenant, before checking the
    // key: QuotaGate::prefetch(), here one check ahead.
    const bool resolved = state.range(2) != 0;
    const bool prefetch = state.range(3) != 0;
    size_t i = size_t(state.thread_index()) * 7919;
    qint64 nowMs = std::max(f.resumeMs.load(), f.startMs + 1);
    const QByteArray method("GET"); // as the server has it: parsed once per request
    qint64 refused = 0;
    for (auto _ : state) {
        nowMs += (i & 4095) == 0 ? 1 : 0;
        if (resolved) {
            const char *ahead = reinterpret_cast<const char *>(f.sequence[(i + 2) & 65535]);
            __builtin_prefetch(ahead);
            __builtin_prefetch(ahead + 64);
            if (prefetch)
                f.gate.prefetch(*f.sequence[(i + 1) & 65535]); // its object was fetched last time
        }
        GateDecision d = f.gate.admit(*f.sequence[i & 65535], method, "/api/v1/me", nowMs);
        refused += d.admitted() ? 0 : 1;
        benchmark::DoNotOptimize(d);
        ++i;
    }
    state.counters["refused"] = double(refused);
    qint64 resume = f.resumeMs.load();
    while (resume < nowMs + 1 && !f.resumeMs.compare_exchange_weak(resume, nowMs + 1)) {
    }
}
static void gateArguments(benchmark::internal::Benchmark *b)
{
    b->ArgNames({"tenants", "rule", "resolved", "prefetch"});
    for (const int tenants : {10, 10'000}) {
        for (const int rule : {0, 1}) {
            b->Args({tenants, rule, 0, 0});
            b->Args({tenants, rule, 1, 0});
            b->Args({tenants, rule, 1, 1});
        }
    }
}
BENCHMARK(BM_GateAdmit)->Apply(gateArguments)->Threads(1)->Threads(2)->UseRealTime();

BENCHMARK_MAIN();
