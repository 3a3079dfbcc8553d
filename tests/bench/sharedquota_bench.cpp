// The cost of one shared quota check: a SharedQuotaStore::admit() round trip to the real
// Redis (TENANTRY_TEST_REDIS_URL) for a random tenant among 10 and among 10,000, with a
// day and a month window and a rate limit, and then with an in-flight lease too (taken
// and released: two round trips). Run by hand against a local Redis:
//   eval "$(scripts/services.sh start)" && build/tests/sharedquota_bench
#include "core/quota/sharedquotastore.h"

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>
#include <QStringList>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <random>
#include <vector>

using namespace Tenantry;
using namespace Tenantry::Quota;

namespace {

SharedQuotaStore *sharedStore()
{
    static std::unique_ptr<SharedQuotaStore> store = [] {
        std::unique_ptr<SharedQuotaStore> connected;
        const QString text = qEnvironmentVariable("TENANTRY_TEST_REDIS_URL");
        if (text.isEmpty())
            return connected;
        const Result<Storage::RedisUrl> url = Storage::RedisUrl::parse(text);
        if (!url) {
            std::fprintf(stderr, "%s\n", qPrintable(url.error().message));
            return connected;
        }
        SharedQuotaStore::Options options;
        options.keyPrefix = "tenantry-bench:"
            + QByteArray::number(QRandomGenerator::system()->generate64(), 16) + ':';
        Result<std::unique_ptr<SharedQuotaStore>> r =
            SharedQuotaStore::connect(url.value(), options);
        if (!r)
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
        else
            connected = std::move(r).value();
        return connected;
    }();
    return store.get();
}

struct Tenants {
    explicit Tenants(int count)
    {
        for (int i = 0; i < count; ++i)
            ids.append(QStringLiteral("bench-tenant-%1").arg(i));
        std::mt19937 random(42);
        std::uniform_int_distribution<int> pick(0, count - 1);
        for (int i = 0; i < 65536; ++i)
            order.push_back(pick(random));
    }
    QStringList ids;
    std::vector<int> order;
};

const Tenants &tenants(int count)
{
    static const Tenants ten(10);
    static const Tenants tenThousand(10'000);
    return count == 10 ? ten : tenThousand;
}

void runAdmit(benchmark::State &state, bool withLease)
{
    SharedQuotaStore *store = sharedStore();
    if (!store) {
        state.SkipWithError("TENANTRY_TEST_REDIS_URL is unset or Redis is not reachable");
        return;
    }
    const Tenants &t = tenants(int(state.range(0)));
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    SharedAdmitRequest request;
    request.windows = {{QByteArrayLiteral("day"), 20'000, startMs + 3'600'000, 1'000'000'000},
                       {QByteArrayLiteral("month"), 680, startMs + 7'200'000, 10'000'000'000}};
    request.rate = RateCheck{1'000'000, 1'000'000};
    if (withLease)
        request.concurrency = ConcurrencyCheck{64, 60'000};
    size_t i = 0;
    qint64 refused = 0, failed = 0;
    for (auto _ : state) {
        request.tenantId = t.ids[t.order[i & 65535]];
        request.nowMs = startMs + qint64(i / 1024); // about real time at ~10 us a check
        const Result<SharedAdmitResult> r = store->admit(request);
        if (!r)
            ++failed;
        else if (!r->admitted)
            ++refused;
        else if (withLease)
            store->release(request.tenantId, r->leaseId);
        ++i;
    }
    // Every check should pass: a refusal or an error would measure something else.
    state.counters["refused"] = double(refused);
    state.counters["failed"] = double(failed);
}

} // namespace

static void BM_SharedAdmit(benchmark::State &state)
{
    runAdmit(state, false);
}
BENCHMARK(BM_SharedAdmit)->Arg(10)->Arg(10'000)->UseRealTime();

static void BM_SharedAdmitWithLease(benchmark::State &state)
{
    runAdmit(state, true);
}
BENCHMARK(BM_SharedAdmitWithLease)->Arg(10)->Arg(10'000)->UseRealTime();

BENCHMARK_MAIN();
