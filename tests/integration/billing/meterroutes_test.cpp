// The meter routes through the whole pipeline (ApiServer::dispatch, no sockets): admin token,
// tenant resolution and API keys as in the server, on a real catalog of both backends.
#include "core/http/meterroutes.h"

#include "core/http/apiserver.h"
#include "core/identify/headerstrategy.h"
#include "core/security/apikey.h"
#include "tests/integration/storage/catalogfixture.h"
#include "tests/support/dispatchreply.h"

using namespace Tenantry;
using namespace Tenantry::Http;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "meter-routes-admin-token";

using Reply = DispatchReply;

class MeterRoutesTest : public CatalogBackendTest
{
protected:
    void SetUp() override
    {
        CatalogBackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_a.id = u"0b7c1f2e-0000-4000-8000-0000000000a1"_s;
        m_a.slug = u"acme"_s;
        m_a.status = TenantStatus::Active;
        m_b.id = u"0b7c1f2e-0000-4000-8000-0000000000b1"_s;
        m_b.slug = u"globex"_s;
        m_b.status = TenantStatus::Active;
        m_keyA = Security::generateApiKey();
        m_keyB = Security::generateApiKey();
        m_directory.reset({m_a, m_b}, {{m_keyA.hash, {u"ka"_s, m_a.id}}, {m_keyB.hash, {u"kb"_s, m_b.id}}});
        std::vector<std::unique_ptr<Identify::IdentificationStrategy>> strategies;
        strategies.push_back(std::make_unique<Identify::HeaderStrategy>());
        m_resolver = std::make_unique<Identify::TenantResolver>(std::move(strategies), m_directory);
        m_meter = std::make_unique<Storage::MeterRepository>(*m_catalog);
        registerMeterRoutes(m_router, *m_meter, m_directory, m_clock);
        ApiServerSettings settings;
        settings.adminToken = kAdminToken;
        m_server = std::make_unique<ApiServer>(m_router, *m_resolver, m_directory, Identify::JwtVerifier(), m_clock,
                                               settings);
    }
    void TearDown() override
    {
        m_server.reset();
        m_meter.reset();
        CatalogBackendTest::TearDown();
    }

    Reply call(const QByteArray &method, const QString &target, const HeaderList &headers, const QByteArray &body = {})
    {
        return dispatchTo(*m_server, method, target, headers, body);
    }
    Reply admin(const QByteArray &method, const QString &target, const QByteArray &body = {})
    {
        return call(method, target, {{"Authorization", "Bearer " + kAdminToken}}, body);
    }
    Reply asTenant(const QByteArray &slug, const Security::GeneratedKey &key, const QByteArray &body)
    {
        return call("POST", u"/api/v1/meter-events"_s, {{"X-Tenant-ID", slug}, {"X-API-Key", key.secret.toLatin1()}},
                    body);
    }
    qint64 smsOf(const QString &slug)
    {
        const Reply r = admin("GET", u"/admin/v1/tenants/%1/metered-usage?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z"_s.arg(slug));
        EXPECT_EQ(r.status, 200);
        return qint64(r.body.value("events"_L1).toObject().value("sms_sent"_L1).toDouble());
    }

    Tenant m_a, m_b;
    Security::GeneratedKey m_keyA, m_keyB;
    TenantDirectory m_directory;
    std::unique_ptr<Identify::TenantResolver> m_resolver;
    std::unique_ptr<Storage::MeterRepository> m_meter;
    Router m_router;
    std::unique_ptr<ApiServer> m_server;
};

TEST_P(MeterRoutesTest, AdminReportsEventsOnceAndReadsThePeriodsUsage)
{
    const QByteArray batch = R"({"events": [
        {"id": "e-1", "tenant": "acme", "dimension": "sms_sent", "quantity": 3, "occurred_at": "2026-03-01T10:00:00Z"},
        {"id": "e-2", "tenant": "ACME", "dimension": "sms_sent", "quantity": 4}]})";
    const Reply first = admin("POST", u"/admin/v1/meter-events"_s, batch);
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.body.value("accepted"_L1).toInt(), 2);
    const Reply again = admin("POST", u"/admin/v1/meter-events"_s, batch);
    EXPECT_EQ(again.body.value("accepted"_L1).toInt(), 0);
    EXPECT_EQ(again.body.value("duplicates"_L1).toInt(), 2);
    EXPECT_EQ(smsOf(u"acme"_s), 7);
    EXPECT_EQ(smsOf(u"globex"_s), 0);
}

TEST_P(MeterRoutesTest, ABadEventRefusesTheWholeBatchNamingEachField)
{
    const Reply r = admin("POST", u"/admin/v1/meter-events"_s, R"({"events": [
        {"id": "ok-1", "tenant": "acme", "dimension": "sms_sent", "quantity": 1},
        {"id": "", "tenant": "nobody", "dimension": "SMS", "quantity": 1.5, "occurred_at": "yesterday", "extra": 1},
        {"id": "f-1", "tenant": "acme", "dimension": "sms_sent", "quantity": 1, "occurred_at": "2026-03-02T00:00:00Z"}]})");
    ASSERT_EQ(r.status, 400);
    EXPECT_EQ(r.contentType, "application/problem+json");
    EXPECT_EQ(r.code(), u"invalid-meter-event"_s);
    const QStringList fields = r.fieldErrors();
    for (const QString &f : {u"/events/1/id"_s, u"/events/1/tenant"_s, u"/events/1/dimension"_s, u"/events/1/quantity"_s,
                             u"/events/1/occurred_at"_s, u"/events/1/extra"_s, u"/events/2/occurred_at"_s})
        EXPECT_TRUE(fields.contains(f)) << f.toStdString() << " in " << fields.join(u", "_s).toStdString();
    EXPECT_EQ(smsOf(u"acme"_s), 0) << "nothing of a refused batch is recorded";
    EXPECT_EQ(admin("POST", u"/admin/v1/meter-events"_s, R"({"events": []})").status, 400);
}

TEST_P(MeterRoutesTest, ATenantReportsOnlyItsOwnUsage)
{
    const Reply own = asTenant("globex", m_keyB, R"({"events": [{"id": "g-1", "dimension": "sms_sent", "quantity": 5}]})");
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(smsOf(u"globex"_s), 5);
    // Naming another tenant is refused, and so is using another tenant's key.
    const Reply other = asTenant("globex", m_keyB,
                                 R"({"events": [{"id": "g-2", "tenant": "acme", "dimension": "sms_sent", "quantity": 50}]})");
    EXPECT_EQ(other.status, 400);
    EXPECT_TRUE(other.fieldErrors().contains(u"/events/0/tenant"_s));
    const Reply stolen = asTenant("acme", m_keyB, R"({"events": [{"id": "g-3", "dimension": "sms_sent", "quantity": 50}]})");
    EXPECT_EQ(stolen.status, 401);
    // An id another tenant already used does not count for it a second time either.
    const Reply clash = asTenant("acme", m_keyA, R"({"events": [{"id": "g-1", "dimension": "sms_sent", "quantity": 9}]})");
    EXPECT_EQ(clash.body.value("duplicates"_L1).toInt(), 1);
    EXPECT_EQ(smsOf(u"acme"_s), 0);
    EXPECT_EQ(smsOf(u"globex"_s), 5);
}

TEST_P(MeterRoutesTest, UsageNeedsAValidPeriodAndAKnownTenant)
{
    EXPECT_EQ(admin("GET", u"/admin/v1/tenants/acme/metered-usage?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z"_s).status, 400);
    EXPECT_EQ(admin("GET", u"/admin/v1/tenants/acme/metered-usage?from=bad&to=2026-03-01T00:00:00Z"_s).code(), u"invalid-request"_s);
    EXPECT_EQ(admin("GET", u"/admin/v1/tenants/nobody/metered-usage?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z"_s).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, MeterRoutesTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
