// The console over a remote server (run by hand: build/tests/remote_bench): a real `tenantry
// serve` over a demo catalog (TENANTRY_BENCH_TENANTS tenants, default and most 1,000, as
// `tenantry demo-data` makes them, into a temporary directory first, about 8 s), and
// what the console's pages ask of it through the remote services: every tenant for the
// Tenants page (pages of 1,000, as the console pages), one tenant's quota settings and usage
// (the Quotas & Usage page, refreshed every 2 s), the newest audit entries (the Audit Log
// page), every subscription (the Billing page) and one metrics poll (the Monitoring page, once
// a second). Each call is a real HTTP round trip on loopback, through AdminClient's thread.
#include "core/observe/audittrail.h"
#include "core/quota/quotaservice.h"
#include "core/remote/adminclient.h"
#include "core/remote/remoteaudittrail.h"
#include "core/remote/remotebillingservice.h"
#include "core/remote/remotequotaservice.h"
#include "core/remote/remotetenantservice.h"
#include "tests/support/serverprocess.h"
#include "widgets/tenants/tenantloader.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

using namespace Tenantry;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "remote-bench-admin-token-0123456789";

// The server and the services, made once for every benchmark.
struct RemoteFixture {
    QTemporaryDir dir;
    int tenants = 0;
    std::unique_ptr<Testing::ServerProcess> server;
    std::unique_ptr<Remote::AdminClient> client;
    std::unique_ptr<Remote::RemoteTenantService> tenantService;
    std::unique_ptr<Remote::RemoteQuotaService> quotas;
    std::unique_ptr<Remote::RemoteAuditTrail> audit;
    std::unique_ptr<Remote::RemoteBillingService> billing;
    Tenant acme;
};

RemoteFixture *g_fixture = nullptr;

bool setUp(RemoteFixture &f)
{
    f.tenants = qEnvironmentVariableIntValue("TENANTRY_BENCH_TENANTS");
    if (f.tenants <= 0)
        f.tenants = 1'000;
    const QString data = f.dir.filePath(u"data"_s);
    QProcess demo;
    demo.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    demo.start(QString::fromUtf8(TENANTRY_BINARY),
               {u"demo-data"_s, u"--tenants"_s, QString::number(f.tenants), u"--data-dir"_s, data});
    if (!demo.waitForFinished(600'000) || demo.exitCode() != 0) {
        std::fprintf(stderr, "remote_bench: demo-data failed\n");
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TENANTRY_ADMIN_TOKEN"_s, QString::fromLatin1(kAdminToken));
    env.insert(u"TENANTRY_BILLING_INTERVAL"_s, u"0"_s); // no billing run under the measurements
    QString error;
    f.server = Testing::ServerProcess::start({u"--data-dir"_s, data, u"--identify"_s, u"header"_s}, env, &error);
    if (!f.server) {
        std::fprintf(stderr, "remote_bench: %s\n", qPrintable(error));
        return false;
    }
    f.client = std::make_unique<Remote::AdminClient>(
        Remote::AdminEndpoint{QUrl(u"http://127.0.0.1:%1"_s.arg(f.server->port())), kAdminToken});
    f.tenantService = std::make_unique<Remote::RemoteTenantService>(*f.client);
    f.quotas = std::make_unique<Remote::RemoteQuotaService>(*f.client);
    f.audit = std::make_unique<Remote::RemoteAuditTrail>(*f.client);
    f.billing = std::make_unique<Remote::RemoteBillingService>(*f.client);
    auto acme = f.tenantService->get(u"acme"_s);
    if (!acme) {
        std::fprintf(stderr, "remote_bench: %s\n", qPrintable(acme.error().message));
        return false;
    }
    f.acme = acme.value();
    return true;
}

void BM_RemoteLoadEveryTenant(benchmark::State &state)
{
    for (auto _ : state) {
        auto all = Widgets::readAllTenants(*g_fixture->tenantService);
        if (!all) {
            state.SkipWithError(qPrintable(all.error().message));
            return;
        }
        benchmark::DoNotOptimize(all->size());
    }
    state.counters["tenants"] = g_fixture->tenants;
}
BENCHMARK(BM_RemoteLoadEveryTenant)->Unit(benchmark::kMillisecond)->MinTime(3);

void BM_RemoteQuotaSettingsAndUsage(benchmark::State &state)
{
    for (auto _ : state) {
        auto settings = g_fixture->quotas->settings(g_fixture->acme);
        auto usage = g_fixture->quotas->usage(g_fixture->acme);
        if (!settings || !usage) {
            state.SkipWithError("quotas could not be read");
            return;
        }
    }
}
BENCHMARK(BM_RemoteQuotaSettingsAndUsage)->Unit(benchmark::kMillisecond);

void BM_RemoteNewestAuditPage(benchmark::State &state)
{
    Observe::AuditQuery query;
    query.newestFirst = true;
    query.limit = int(state.range(0));
    for (auto _ : state) {
        auto page = g_fixture->audit->query(query);
        if (!page) {
            state.SkipWithError(qPrintable(page.error().message));
            return;
        }
        benchmark::DoNotOptimize(page->items.size());
    }
}
BENCHMARK(BM_RemoteNewestAuditPage)->Arg(200)->Unit(benchmark::kMillisecond);

void BM_RemoteEverySubscription(benchmark::State &state)
{
    for (auto _ : state) {
        auto rows = g_fixture->billing->subscriptionRows();
        if (!rows) {
            state.SkipWithError(qPrintable(rows.error().message));
            return;
        }
        benchmark::DoNotOptimize(rows->size());
    }
}
BENCHMARK(BM_RemoteEverySubscription)->Unit(benchmark::kMillisecond)->MinTime(3);

void BM_RemoteMetricsPoll(benchmark::State &state)
{
    QUrlQuery top;
    top.addQueryItem(u"top"_s, u"200"_s);
    for (auto _ : state) {
        auto metrics = g_fixture->client->getJson(u"/admin/v1/metrics"_s, top);
        if (!metrics) {
            state.SkipWithError(qPrintable(metrics.error().message));
            return;
        }
    }
}
BENCHMARK(BM_RemoteMetricsPoll)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    RemoteFixture fixture;
    if (!setUp(fixture))
        return 1;
    g_fixture = &fixture;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
