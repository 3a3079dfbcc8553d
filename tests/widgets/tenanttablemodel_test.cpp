#include "fakes/fakes_tenantservice.h"
#include "widgets/tenants/tenantfilterproxy.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QColor>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using Tenantry::Tenant;
using Tenantry::TenantStatus;
using Tenantry::LifecycleAction;
using Tenantry::Testing::FakeTenantService;
using Tenantry::Widgets::TenantFilterProxy;
using Tenantry::Widgets::TenantTableModel;

namespace {

constexpr int kMany = 10'000;

// Statuses cycle pending, active, suspended, deleted; slugs are tenant-00000, tenant-00001, ...
QList<Tenant> manyTenants(int count)
{
    QList<Tenant> tenants;
    tenants.reserve(count);
    const TenantStatus statuses[] = {TenantStatus::Pending, TenantStatus::Active, TenantStatus::Suspended,
                                     TenantStatus::Deleted};
    for (int i = 0; i < count; ++i) {
        const QString number = u"%1"_s.arg(i, 5, 10, QChar(u'0'));
        tenants.append(FakeTenantService::makeTenant(u"tenant-"_s + number, statuses[i % 4],
                                                     u"Company "_s + number));
    }
    return tenants;
}

class TenantTableModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QObject::connect(&model, &QAbstractItemModel::modelReset, [this] { ++resets; });
        QObject::connect(&model, &QAbstractItemModel::dataChanged,
                         [this](const QModelIndex &from, const QModelIndex &to) { changes.append({from, to}); });
        QObject::connect(&model, &QAbstractItemModel::rowsInserted, [this] { ++inserts; });
    }

    void load(const QList<Tenant> &tenants)
    {
        service.seed(tenants);
        ASSERT_TRUE(model.reload().ok());
        resets = 0;
    }

    QVariant cell(int row, int column, int role = Qt::DisplayRole) const
    {
        return model.data(model.index(row, column), role);
    }

    FakeTenantService service;
    TenantTableModel model{&service};
    int resets = 0;
    int inserts = 0;
    QList<std::pair<QModelIndex, QModelIndex>> changes;
};

TEST_F(TenantTableModelTest, LoadsTenThousandTenantsPageByPage)
{
    load(manyTenants(kMany));

    EXPECT_EQ(model.rowCount(), kMany);
    EXPECT_EQ(model.columnCount(), 6);
    // 1000 per page: ten list calls, no more.
    EXPECT_EQ(service.calls().count(u"list"_s), 10);
    EXPECT_EQ(cell(0, TenantTableModel::SlugColumn).toString(), u"tenant-00000"_s);
    EXPECT_EQ(cell(kMany - 1, TenantTableModel::SlugColumn).toString(), u"tenant-09999"_s);
    EXPECT_EQ(cell(1234, TenantTableModel::DisplayNameColumn).toString(), u"Company 01234"_s);
}

TEST_F(TenantTableModelTest, ShowsEveryColumnReadably)
{
    Tenant t = FakeTenantService::makeTenant(u"acme"_s, TenantStatus::Suspended, u"Acme Corp"_s, u"pro"_s);
    t.isolation = u"database"_s;
    t.config.themeColor = u"#ff8800"_s;
    load({t});

    EXPECT_EQ(cell(0, TenantTableModel::SlugColumn).toString(), u"acme"_s);
    EXPECT_EQ(cell(0, TenantTableModel::DisplayNameColumn).toString(), u"Acme Corp"_s);
    EXPECT_EQ(cell(0, TenantTableModel::StatusColumn).toString(), u"Suspended"_s);
    EXPECT_EQ(cell(0, TenantTableModel::PlanColumn).toString(), u"Pro"_s);
    EXPECT_EQ(cell(0, TenantTableModel::IsolationColumn).toString(), u"Own database"_s);
    EXPECT_FALSE(cell(0, TenantTableModel::CreatedColumn).toString().isEmpty());
    EXPECT_EQ(cell(0, TenantTableModel::StatusColumn, Qt::ForegroundRole).value<QColor>(),
              TenantTableModel::statusColor(TenantStatus::Suspended));
    EXPECT_EQ(cell(0, TenantTableModel::SlugColumn, Qt::DecorationRole).value<QColor>(), QColor(0xff, 0x88, 0x00));

    EXPECT_EQ(cell(0, TenantTableModel::PlanColumn, TenantTableModel::SlugRole).toString(), u"acme"_s);
    EXPECT_EQ(cell(0, 0, TenantTableModel::StatusRole).toInt(), int(TenantStatus::Suspended));
    const Tenant whole = cell(0, 0, TenantTableModel::TenantRole).value<Tenant>();
    EXPECT_EQ(whole.id, t.id);
    EXPECT_EQ(whole.config.displayName, u"Acme Corp"_s);

    EXPECT_EQ(model.headerData(TenantTableModel::SlugColumn, Qt::Horizontal).toString(), u"Slug"_s);
    EXPECT_EQ(model.headerData(TenantTableModel::CreatedColumn, Qt::Horizontal).toString(), u"Created"_s);
}

TEST_F(TenantTableModelTest, FailedReloadKeepsRowsAndReportsError)
{
    load(manyTenants(3));
    service.failNextWith(Tenantry::Error::unavailable(u"catalog-unavailable"_s, u"The catalog is down."_s));

    const Tenantry::Status reloaded = model.reload();

    ASSERT_FALSE(reloaded.ok());
    EXPECT_EQ(reloaded.error().code, u"catalog-unavailable"_s);
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(resets, 0);
}

TEST_F(TenantTableModelTest, TenantChangedUpdatesOnlyThatRow)
{
    load(manyTenants(kMany));
    const int row = model.rowOfSlug(u"tenant-04241"_s); // index 4241 % 4 == 1: active
    ASSERT_GE(row, 0);

    ASSERT_TRUE(service.apply(Tenantry::Actor::system(), u"tenant-04241"_s, LifecycleAction::Suspend).ok());

    EXPECT_EQ(resets, 0);
    ASSERT_EQ(changes.size(), 1);
    EXPECT_EQ(changes.first().first, model.index(row, 0));
    EXPECT_EQ(changes.first().second, model.index(row, TenantTableModel::ColumnCount - 1));
    EXPECT_EQ(cell(row, TenantTableModel::StatusColumn).toString(), u"Suspended"_s);
    EXPECT_EQ(model.rowCount(), kMany);
}

TEST_F(TenantTableModelTest, NewTenantIsAppendedAndPurgedTenantRemoved)
{
    load(manyTenants(8));

    Tenantry::NewTenant request;
    request.slug = u"globex"_s;
    request.config.displayName = u"Globex"_s;
    ASSERT_TRUE(service.create(Tenantry::Actor::system(), request).ok());
    EXPECT_EQ(inserts, 1);
    EXPECT_EQ(model.rowCount(), 9);
    EXPECT_EQ(model.tenantAt(8).slug, u"globex"_s);
    EXPECT_EQ(model.rowOfSlug(u"GLOBEX"_s), 8) << "found by slug as typed, any case";

    // tenant-00003 is deleted in the fixture; purging removes its row and later rows shift.
    ASSERT_TRUE(service.apply(Tenantry::Actor::system(), u"tenant-00003"_s, LifecycleAction::Purge, /*force=*/true).ok());
    EXPECT_EQ(model.rowCount(), 8);
    EXPECT_EQ(model.rowOfSlug(u"tenant-00003"_s), -1);
    EXPECT_EQ(model.rowOfSlug(u"tenant-00004"_s), 3) << "later rows shift";
    EXPECT_EQ(model.rowOfSlug(u"globex"_s), 7);
    EXPECT_EQ(resets, 0);

    // The row index must follow the shift: a change to the last tenant lands on its new row.
    ASSERT_TRUE(service.apply(Tenantry::Actor::system(), u"globex"_s, LifecycleAction::Suspend).ok());
    EXPECT_EQ(model.tenantAt(7).slug, u"globex"_s);
    EXPECT_EQ(model.tenantAt(7).status, TenantStatus::Suspended);
}

class TenantFilterProxyTest : public TenantTableModelTest
{
protected:
    void SetUp() override
    {
        TenantTableModelTest::SetUp();
        proxy.setSourceModel(&model);
    }

    QStringList visibleSlugs() const
    {
        QStringList slugs;
        for (int row = 0; row < proxy.rowCount(); ++row)
            slugs.append(proxy.index(row, TenantTableModel::SlugColumn).data().toString());
        return slugs;
    }

    TenantFilterProxy proxy;
};

TEST_F(TenantFilterProxyTest, SearchMatchesSlugOrDisplayNameIgnoringCase)
{
    load({FakeTenantService::makeTenant(u"acme"_s, TenantStatus::Active, u"Acme Corporation"_s),
          FakeTenantService::makeTenant(u"globex"_s, TenantStatus::Active, u"Globex Inc."_s),
          FakeTenantService::makeTenant(u"initech"_s, TenantStatus::Suspended, u"Initech (ACME reseller)"_s),
          FakeTenantService::makeTenant(u"hooli"_s, TenantStatus::Pending, u"Hooli"_s)});
    proxy.sort(TenantTableModel::SlugColumn);

    proxy.setSearchText(u"ACME"_s);
    EXPECT_EQ(visibleSlugs(), (QStringList{u"acme"_s, u"initech"_s}));

    proxy.setSearchText(u"  inc. "_s);
    EXPECT_EQ(visibleSlugs(), QStringList{u"globex"_s});

    proxy.setSearchText(u"nothing like it"_s);
    EXPECT_TRUE(visibleSlugs().isEmpty());

    proxy.setSearchText({});
    EXPECT_EQ(proxy.rowCount(), 4);
}

TEST_F(TenantFilterProxyTest, SearchAlsoMatchesStatusAndPlanByCodeOrLabel)
{
    load({FakeTenantService::makeTenant(u"acme"_s, TenantStatus::Active, u"Acme"_s, u"pro"_s),
          FakeTenantService::makeTenant(u"globex"_s, TenantStatus::Suspended, u"Globex"_s, u"free"_s),
          FakeTenantService::makeTenant(u"initech"_s, TenantStatus::Active, u"Initech"_s, u"enterprise"_s),
          FakeTenantService::makeTenant(u"hooli"_s, TenantStatus::Pending, u"Hooli"_s, u"gold-2026"_s)});
    proxy.sort(TenantTableModel::SlugColumn);

    proxy.setSearchText(u"susp"_s);
    EXPECT_EQ(visibleSlugs(), QStringList{u"globex"_s});

    proxy.setSearchText(u"Enterprise"_s);
    EXPECT_EQ(visibleSlugs(), QStringList{u"initech"_s});

    proxy.setSearchText(u"gold"_s); // a custom plan matches by its code
    EXPECT_EQ(visibleSlugs(), QStringList{u"hooli"_s});

    proxy.setSearchText(u"pro"_s); // the Pro plan, not "Pending"
    EXPECT_EQ(visibleSlugs(), QStringList{u"acme"_s});
}

TEST_F(TenantFilterProxyTest, FindsATenantsRowBySlugAndSaysWhenItIsFilteredOut)
{
    load(manyTenants(8));
    bool known = false;
    const QModelIndex shown = proxy.indexOfSlug(u"tenant-00005"_s, TenantTableModel::StatusColumn, &known);
    EXPECT_TRUE(known);
    ASSERT_TRUE(shown.isValid());
    EXPECT_EQ(shown.column(), TenantTableModel::StatusColumn);
    EXPECT_EQ(shown.data(TenantTableModel::SlugRole).toString(), u"tenant-00005"_s);

    proxy.setSearchText(u"tenant-00002"_s);
    EXPECT_FALSE(proxy.indexOfSlug(u"tenant-00005"_s, 0, &known).isValid());
    EXPECT_TRUE(known) << "hidden by the search, not unknown";
    EXPECT_FALSE(proxy.indexOfSlug(u"nobody"_s, 0, &known).isValid());
    EXPECT_FALSE(known);
}

TEST_F(TenantFilterProxyTest, StatusFilterCombinesWithSearch)
{
    load(manyTenants(kMany));

    proxy.setStatusFilter(TenantStatus::Suspended);
    EXPECT_EQ(proxy.rowCount(), kMany / 4);

    // "tenant-0999" matches tenant-09990..09999; of those, index % 4 == 2 (suspended) are
    // 09990, 09994 and 09998.
    proxy.setSearchText(u"tenant-0999"_s);
    proxy.sort(TenantTableModel::SlugColumn);
    EXPECT_EQ(visibleSlugs(), (QStringList{u"tenant-09990"_s, u"tenant-09994"_s, u"tenant-09998"_s}));

    proxy.setStatusFilter(std::nullopt);
    EXPECT_EQ(proxy.rowCount(), 10);
}

TEST_F(TenantFilterProxyTest, RowLeavesStatusFilterWhenItsStatusChanges)
{
    load(manyTenants(8));
    proxy.setStatusFilter(TenantStatus::Active);
    ASSERT_EQ(proxy.rowCount(), 2); // tenant-00001, tenant-00005

    ASSERT_TRUE(service.apply(Tenantry::Actor::system(), u"tenant-00005"_s, LifecycleAction::Suspend).ok());

    proxy.sort(TenantTableModel::SlugColumn);
    EXPECT_EQ(visibleSlugs(), QStringList{u"tenant-00001"_s});
}

TEST_F(TenantFilterProxyTest, SortsStatusInLifecycleOrderAndPlansByTier)
{
    load({FakeTenantService::makeTenant(u"d"_s, TenantStatus::Deleted, {}, u"basic"_s),
          FakeTenantService::makeTenant(u"a"_s, TenantStatus::Active, {}, u"enterprise"_s),
          FakeTenantService::makeTenant(u"p"_s, TenantStatus::Pending, {}, u"free"_s),
          FakeTenantService::makeTenant(u"s"_s, TenantStatus::Suspended, {}, u"pro"_s)});

    proxy.sort(TenantTableModel::StatusColumn);
    EXPECT_EQ(visibleSlugs(), (QStringList{u"p"_s, u"a"_s, u"s"_s, u"d"_s}));

    proxy.sort(TenantTableModel::PlanColumn, Qt::DescendingOrder);
    EXPECT_EQ(visibleSlugs(), (QStringList{u"a"_s, u"s"_s, u"d"_s, u"p"_s}));
}

} // namespace
