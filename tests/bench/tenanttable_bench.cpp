// The Tenants page's model at 10,000 tenants (run by hand: build/tests/tenanttable_bench):
// loading every tenant from a TenantService into TenantTableModel (paged as the console
// pages), and narrowing the sorted view with TenantFilterProxy as an operator types: one
// keystroke is one setSearchText() over every row, with the view's sort kept up to date.
#include "fakes/fakes_tenantservice.h"
#include "widgets/tenants/tenantfilterproxy.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QCoreApplication>
#include <QStringList>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using Tenantry::TenantStatus;
using Tenantry::Testing::FakeTenantService;
using Tenantry::Widgets::TenantFilterProxy;
using Tenantry::Widgets::TenantTableModel;

namespace {

// Names that look like a real catalog's: words combined, so searches hit a few percent.
QList<Tenantry::Tenant> catalog(int count)
{
    static const QStringList first = {u"Acme"_s, u"Globex"_s, u"Initech"_s, u"Hooli"_s, u"Umbrella"_s,
                                      u"Stark"_s, u"Wayne"_s, u"Soylent"_s, u"Vandelay"_s, u"Tyrell"_s,
                                      u"Cyberdyne"_s, u"Oscorp"_s, u"Wonka"_s, u"Gringotts"_s, u"Nakatomi"_s};
    static const QStringList second = {u"Labs"_s, u"Systems"_s, u"Logistics"_s, u"Foods"_s, u"Health"_s,
                                       u"Media"_s, u"Energy"_s, u"Robotics"_s, u"Capital"_s, u"Retail"_s};
    static const QStringList plans = {u"free"_s, u"basic"_s, u"pro"_s, u"enterprise"_s};
    static const TenantStatus statuses[] = {TenantStatus::Active, TenantStatus::Active, TenantStatus::Active,
                                            TenantStatus::Suspended, TenantStatus::Pending, TenantStatus::Deleted};
    QList<Tenantry::Tenant> tenants;
    tenants.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString name = first.at(i % first.size()) + u' ' + second.at((i / first.size()) % second.size());
        const QString slug = u"%1-%2"_s.arg(name.toLower().replace(u' ', u'-')).arg(i, 5, 10, QChar(u'0'));
        tenants.append(FakeTenantService::makeTenant(slug, statuses[i % 6], u"%1 %2"_s.arg(name).arg(i),
                                                     plans.at(i % plans.size())));
    }
    return tenants;
}

// A loaded model behind the view's proxy, as the Tenants page has them.
struct LoadedTable {
    explicit LoadedTable(int tenants)
    {
        service.seed(catalog(tenants));
        (void)model.reload();
        proxy.setSourceModel(&model);
    }

    FakeTenantService service;
    TenantTableModel model{&service};
    TenantFilterProxy proxy;
};

void BM_LoadFromService(benchmark::State &state)
{
    FakeTenantService service;
    service.seed(catalog(int(state.range(0))));
    TenantTableModel model(&service);
    for (auto _ : state) {
        if (!model.reload().ok())
            state.SkipWithError("reload failed");
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["tenants"] = double(model.rowCount());
}
BENCHMARK(BM_LoadFromService)->Arg(10'000)->Unit(benchmark::kMillisecond);

// One keystroke each: "g", "gl", "glo", ... then deleting back, so every step both narrows
// and widens the sorted view.
void BM_FilterAsYouType(benchmark::State &state)
{
    LoadedTable table(int(state.range(0)));
    TenantFilterProxy &proxy = table.proxy;
    proxy.sort(TenantTableModel::DisplayNameColumn);
    const QString typed = u"globex logistics"_s;
    QStringList keystrokes;
    for (qsizetype n = 1; n <= typed.size(); ++n)
        keystrokes.append(typed.left(n));
    for (qsizetype n = typed.size() - 1; n >= 0; --n)
        keystrokes.append(typed.left(n));
    qsizetype next = 0;
    qint64 shown = 0;
    for (auto _ : state) {
        proxy.setSearchText(keystrokes.at(next));
        shown += proxy.rowCount();
        next = (next + 1) % keystrokes.size();
    }
    benchmark::DoNotOptimize(shown);
    state.counters["tenants"] = double(table.model.rowCount());
}
BENCHMARK(BM_FilterAsYouType)->Arg(10'000)->Unit(benchmark::kMillisecond);

// Clicking a column header: a full re-sort of every row.
void BM_SortByStatus(benchmark::State &state)
{
    LoadedTable table(int(state.range(0)));
    Qt::SortOrder order = Qt::AscendingOrder;
    for (auto _ : state) {
        table.proxy.sort(TenantTableModel::StatusColumn, order);
        order = order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    }
}
BENCHMARK(BM_SortByStatus)->Arg(10'000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
