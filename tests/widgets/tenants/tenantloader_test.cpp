#include "widgets/tenants/tenantloader.h"

#include "fakes/fakes_tenantservice.h"
#include "support/waituntil.h"
#include "widgets/tenants/tenantspage.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

using namespace Tenantry;
using namespace Qt::StringLiterals;
using Testing::FakeTenantService;
using Testing::waitUntil;

namespace {

// FakeTenantService behind a mutex (the loader reads from its own thread), with a gate that
// holds list() calls beyond the first `allowed` until opened: a load caught half-way.
class GatedTenantService final : public TenantService
{
    template <typename F>
    auto locked(F f) -> decltype(f())
    {
        std::lock_guard lock(m_mutex);
        return f();
    }

public:
    Result<TenantPage> list(const TenantQuery &query) override
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_served < m_allowed; });
        ++m_served;
        return inner.list(query);
    }
    void allow(int pages)
    {
        std::lock_guard lock(m_mutex);
        m_allowed = m_served + pages;
        m_changed.notify_all();
    }
    void open() { allow(1 << 30); }
    int served()
    {
        std::lock_guard lock(m_mutex);
        return m_served;
    }
    void failNextWith(Error error)
    {
        std::lock_guard lock(m_mutex);
        inner.failNextWith(std::move(error));
    }
    void seed(int from, int count)
    {
        QList<Tenant> tenants;
        for (int i = from; i < from + count; ++i)
            tenants.append(FakeTenantService::makeTenant(u"t%1"_s.arg(i, 5, 10, QChar(u'0'))));
        std::lock_guard lock(m_mutex);
        inner.seed(tenants);
    }

    Result<Tenant> get(const QString &slug) override { return locked([&] { return inner.get(slug); }); }
    Result<CreatedTenant> create(const Actor &a, const NewTenant &r) override { return locked([&] { return inner.create(a, r); }); }
    Result<Tenant> updateConfig(const Actor &a, const QString &s, const QJsonObject &p) override
    {
        return locked([&] { return inner.updateConfig(a, s, p); });
    }
    Result<Tenant> apply(const Actor &a, const QString &s, LifecycleAction l, bool f) override
    {
        return locked([&] { return inner.apply(a, s, l, f); });
    }
    Result<CreatedTenant> clone(const Actor &a, const QString &s, const QString &n, const QJsonObject &o) override
    {
        return locked([&] { return inner.clone(a, s, n, o); });
    }
    Result<IssuedApiKey> issueKey(const Actor &a, const QString &s, const QString &n) override
    {
        return locked([&] { return inner.issueKey(a, s, n); });
    }
    Result<QList<ApiKeyInfo>> listKeys(const QString &s) override { return locked([&] { return inner.listKeys(s); }); }
    Status revokeKey(const Actor &a, const QString &s, const QString &k) override
    {
        return locked([&] { return inner.revokeKey(a, s, k); });
    }

private:
    FakeTenantService inner;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_allowed = 1 << 30;
    int m_served = 0;
};

TEST(ReadAllTenants, PagesThroughEveryTenantInSlugOrderReportingProgress)
{
    GatedTenantService service;
    service.seed(1, 2345);
    QList<std::pair<qint64, qint64>> steps;
    auto all = Widgets::readAllTenants(service, nullptr, [&](qint64 n, qint64 total) { steps.append({n, total}); });
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2345);
    EXPECT_EQ(all->first().slug, u"t00001"_s);
    EXPECT_EQ(all->last().slug, u"t02345"_s);
    EXPECT_EQ(steps, (QList<std::pair<qint64, qint64>>{{1000, 2345}, {2000, 2345}, {2345, 2345}}));

    int asked = 0;
    auto stopped = Widgets::readAllTenants(service, nullptr, {}, [&] { return ++asked > 1; });
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().code, u"load-cancelled"_s);
}

class TenantsPageLoadTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        service.seed(1, 2345);
        page.setErrorPresenter([this](const QString &what, const Error &e) { errors.append(what + u' ' + e.message); });
    }

    int rows() const { return page.model()->rowCount(); }

    GatedTenantService service;
    Widgets::TenantsPage page{&service};
    QStringList errors;
};

TEST_F(TenantsPageLoadTest, ALargeCatalogLoadsInTheBackgroundWithProgress)
{
    service.allow(1);
    page.reload();
    EXPECT_TRUE(page.isLoading()) << "the window is free while the rest loads";
    EXPECT_EQ(rows(), 0) << "rows appear when the load is complete";
    auto *row = page.findChild<QWidget *>(u"tenantLoadRow"_s);
    ASSERT_NE(row, nullptr);
    EXPECT_FALSE(row->isHidden());
    service.open();
    ASSERT_TRUE(waitUntil([&] { return !page.isLoading(); }));
    EXPECT_EQ(rows(), 2345);
    EXPECT_TRUE(row->isHidden());
    EXPECT_TRUE(errors.isEmpty());
}

TEST_F(TenantsPageLoadTest, CancelKeepsTheRowsShown)
{
    page.reload();
    ASSERT_TRUE(waitUntil([&] { return !page.isLoading(); }));
    ASSERT_EQ(rows(), 2345);

    service.seed(5000, 10);
    service.allow(1);
    page.reload();
    ASSERT_TRUE(page.isLoading());
    page.cancelLoad();
    service.open();
    ASSERT_TRUE(waitUntil([&] { return !page.isLoading(); }));
    EXPECT_EQ(rows(), 2345) << "the cancelled load replaced nothing";
    EXPECT_TRUE(errors.isEmpty());

    page.reload();
    ASSERT_TRUE(waitUntil([&] { return !page.isLoading(); }));
    EXPECT_EQ(rows(), 2355);
}

TEST_F(TenantsPageLoadTest, AFailedPageIsShownAndTheRowsStay)
{
    page.reload();
    ASSERT_TRUE(waitUntil([&] { return !page.isLoading(); }));
    service.allow(1);
    page.reload();
    service.failNextWith(Error::unavailable(u"database-unavailable"_s, u"The catalog went away."_s));
    service.open();
    ASSERT_TRUE(waitUntil([&] { return !page.isLoading(); }));
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors.first().contains(u"The catalog went away."_s));
    EXPECT_EQ(rows(), 2345);
}

} // namespace
