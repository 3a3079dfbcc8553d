// What one tick of the console's Monitoring page costs the process that serves: one
// MetricsSampler::sample() with 10,000 tenants that all served requests in the interval
// (run by hand: build/tests/metricssampler_bench).
#include "core/base/clock.h"
#include "core/observe/metricssampler.h"

#include <benchmark/benchmark.h>

using namespace Tenantry::Observe;

static void BM_Sample(benchmark::State &state)
{
    const int tenants = int(state.range(0));
    RequestMetrics metrics;
    QList<QString> ids;
    for (int i = 0; i < tenants; ++i)
        ids.append(QStringLiteral("tenant-%1").arg(i));
    Tenantry::ManualClock clock(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    MetricsSampler sampler(metrics, clock);
    sampler.setSelectedTenant(ids.last());
    for (auto _ : state) {
        state.PauseTiming();
        // Every tenant active in every interval, with uneven load so the top changes.
        for (int i = 0; i < tenants; ++i)
            metrics.record(ids[i], i % 50 == 0 ? 500 : 200, std::chrono::microseconds(200 + (i * 37) % 20000));
        clock.advanceSeconds(1);
        state.ResumeTiming();
        benchmark::DoNotOptimize(sampler.sample());
    }
}
BENCHMARK(BM_Sample)->Arg(100)->Arg(10000)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
