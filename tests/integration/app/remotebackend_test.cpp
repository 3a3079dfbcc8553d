// The console's remote backend against a real server: the connection check, live usage and
// the quota alerts the server recorded, each tenant's its own.
#include "app/remotebackend.h"
#include "core/quota/quotaservice.h"
#include "core/tenancy/tenantservice.h"
#include "tests/integration/remote/remoteserverfixture.h"
#include "tests/support/rawhttp.h"

#include <QJsonArray>

#include <chrono>
#include <thread>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class RemoteBackendTest : public RemoteServerTest
{
protected:
    void SetUp() override
    {
        RemoteServerTest::SetUp();
        if (HasFatalFailure())
            return;
        m_backend = std::make_unique<App::RemoteBackend>(endpoint(kAdminToken));
    }

    CreatedTenant create(const QString &slug, int callsPerDay)
    {
        NewTenant request;
        request.slug = slug;
        auto created = m_backend->tenants().create(m_operator, request);
        EXPECT_TRUE(created) << created.error().message.toStdString();
        if (!created)
            return {};
        EXPECT_TRUE(m_backend->quotas().setOverrides(m_operator, created->tenant, {{u"api_calls_per_day"_s, callsPerDay}}));
        return created.value();
    }

    void callAs(const CreatedTenant &tenant, int times)
    {
        for (int i = 0; i < times; ++i) {
            sendRequest(server().port(), "GET", "/api/v1/me",
                        {{"X-Tenant-ID", tenant.tenant.slug.toUtf8()}, {"X-API-Key", tenant.firstKey.secret.toUtf8()}});
        }
    }

    // The alerts after `afterId` once at least `count` were recorded (the server records them
    // off the request path), or what there was at the deadline.
    QList<Widgets::FedQuotaAlert> alertsAfter(qint64 afterId, int count)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        QList<Widgets::FedQuotaAlert> alerts;
        while (std::chrono::steady_clock::now() < deadline) {
            auto read = m_backend->quotaAlerts().after(afterId, 100);
            EXPECT_TRUE(read) << read.error().message.toStdString();
            if (read)
                alerts = read.value();
            if (alerts.size() >= count)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return alerts;
    }

    const Actor m_operator{u"console:alice"_s, {}, {}};
    std::unique_ptr<App::RemoteBackend> m_backend;
};

TEST_F(RemoteBackendTest, ChecksTheAddressAndTheToken)
{
    EXPECT_TRUE(m_backend->check());
    EXPECT_TRUE(m_backend->describe().contains(u"127.0.0.1:%1"_s.arg(server().port())));

    App::RemoteBackend wrongToken(endpoint("not-the-admin-token-0123456789"));
    const Status refused = wrongToken.check();
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::Unauthenticated);
}

TEST_F(RemoteBackendTest, UsageIsLiveFromTheServer)
{
    const CreatedTenant acme = create(u"acme"_s, 100);
    callAs(acme, 6);
    auto usage = m_backend->usage().usage(acme.tenant);
    ASSERT_TRUE(usage) << usage.error().message.toStdString();
    bool found = false;
    for (const Quota::DimensionUsage &u : usage.value()) {
        if (u.name == u"api_calls_per_day"_s) {
            found = true;
            EXPECT_EQ(u.used, 6);
            EXPECT_EQ(u.limit, 100);
        }
    }
    EXPECT_TRUE(found);
    EXPECT_FALSE(m_backend->usage().origin().isEmpty());
}

TEST_F(RemoteBackendTest, FeedsTheQuotaAlertsInTheOrderTheyWereRecorded)
{
    auto none = m_backend->quotaAlerts().newestId();
    ASSERT_TRUE(none) << none.error().message.toStdString();
    EXPECT_EQ(none.value(), 0);

    const CreatedTenant acme = create(u"acme"_s, 10);
    const CreatedTenant globex = create(u"globex"_s, 1000);
    callAs(acme, 10);   // 80, 90, 100 % of 10 (95 % of 10 is 9.5: crossed at 10 with 100)
    callAs(globex, 10); // 1 % of its limit: nothing to say
    const QList<Widgets::FedQuotaAlert> alerts = alertsAfter(0, 4);
    ASSERT_GE(alerts.size(), 3);
    QList<int> thresholds;
    qint64 previousId = 0;
    for (const Widgets::FedQuotaAlert &a : alerts) {
        EXPECT_GT(a.id, previousId) << "oldest first";
        previousId = a.id;
        EXPECT_EQ(a.alert.tenantId, acme.tenant.id) << "only the tenant that crossed its limits";
        EXPECT_EQ(a.alert.dimension, u"api_calls_per_day"_s);
        EXPECT_EQ(a.alert.limit, 10);
        EXPECT_GT(a.alert.atMs, 0);
        thresholds.append(a.alert.threshold);
    }
    EXPECT_TRUE(thresholds.contains(80));
    EXPECT_TRUE(thresholds.contains(100));

    auto newest = m_backend->quotaAlerts().newestId();
    ASSERT_TRUE(newest);
    EXPECT_EQ(newest.value(), alerts.last().id);
    auto later = m_backend->quotaAlerts().after(newest.value(), 100);
    ASSERT_TRUE(later);
    EXPECT_TRUE(later->isEmpty());
    auto firstOnly = m_backend->quotaAlerts().after(0, 1);
    ASSERT_TRUE(firstOnly);
    ASSERT_EQ(firstOnly->size(), 1);
    EXPECT_EQ(firstOnly->first().id, alerts.first().id);
}

} // namespace
