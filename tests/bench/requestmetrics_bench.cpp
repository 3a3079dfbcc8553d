// The per-request cost of counting a request: RequestMetrics::record() with 10 and with
// 10,000 tenants already known, for a GET (no request body, a response body), as ApiServer
// calls it (run by hand: build/tests/metrics_bench).
#include "core/observe/requestmetrics.h"

#include <benchmark/benchmark.h>

using namespace Tenantry::Observe;

static void BM_Record(benchmark::State &state)
{
    RequestMetrics metrics;
    const int tenants = int(state.range(0));
    QList<QString> ids;
    for (int i = 0; i < tenants; ++i) {
        ids.append(QStringLiteral("tenant-%1").arg(i));
        metrics.record(ids.last(), 200, std::chrono::microseconds(100));
    }
    qsizetype i = 0;
    for (auto _ : state) {
        metrics.record(ids[i], 200, std::chrono::microseconds(850), 0, 1200);
        i = (i + 1) % ids.size();
    }
}
BENCHMARK(BM_Record)->Arg(10)->Arg(10000);

static void BM_PrometheusText(benchmark::State &state)
{
    RequestMetrics metrics;
    for (int i = 0; i < 10000; ++i)
        metrics.record(QStringLiteral("tenant-%1").arg(i), 200, std::chrono::microseconds(100 + i));
    for (auto _ : state)
        benchmark::DoNotOptimize(metrics.prometheusText(20, {}));
}
BENCHMARK(BM_PrometheusText);

BENCHMARK_MAIN();
