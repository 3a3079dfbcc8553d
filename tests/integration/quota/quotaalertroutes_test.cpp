// The quota alert routes through the whole pipeline (ApiServer::dispatch, no sockets):
// admin token, tenant resolution and API keys as in the server, on a real catalog.
#include "core/http/quotaalertroutes.h"

#include "core/http/apiserver.h"
#include "core/identify/headerstrategy.h"
#include "core/identify/pathstrategy.h"
#include "core/security/apikey.h"
#include "tests/integration/quota/quotaalertfixture.h"
#include "tests/support/dispatchreply.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Tenantry;
using namespace Tenantry::Http;
using namespace Tenantry::Quota;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "quota-alert-routes-admin-token";

struct Reply : DispatchReply {
    QJsonArray alerts() const { return body.value("alerts"_L1).toArray(); }
};

class QuotaAlertRoutesTest : public QuotaAlertFixture
{
protected:
    void SetUp() override
    {
        QuotaAlertFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_a.id = u"0b7c1f2e-0000-4000-8000-00000000000a"_s;
        m_a.slug = u"acme"_s;
        m_a.status = TenantStatus::Active;
        m_b.id = u"0b7c1f2e-0000-4000-8000-00000000000b"_s;
        m_b.slug = u"globex"_s;
        m_b.status = TenantStatus::Active;
        m_keyA = Security::generateApiKey();
        m_keyB = Security::generateApiKey();
        m_directory.reset({m_a, m_b}, {{m_keyA.hash, {u"ka"_s, m_a.id}}, {m_keyB.hash, {u"kb"_s, m_b.id}}});

        std::vector<std::unique_ptr<Identify::IdentificationStrategy>> strategies;
        strategies.push_back(std::make_unique<Identify::PathStrategy>());
        strategies.push_back(std::make_unique<Identify::HeaderStrategy>());
        m_resolver = std::make_unique<Identify::TenantResolver>(std::move(strategies), m_directory);
        registerQuotaAlertRoutes(m_router, *m_repository, m_directory);
        ApiServerSettings settings;
        settings.adminToken = kAdminToken;
        m_server = std::make_unique<ApiServer>(m_router, *m_resolver, m_directory, Identify::JwtVerifier(), m_clock,
                                               settings);
    }

    void TearDown() override
    {
        m_server.reset();
        QuotaAlertFixture::TearDown();
    }

    Reply call(const QByteArray &method, const QString &target, const HeaderList &headers, const QByteArray &body = {})
    {
        return {dispatchTo(*m_server, method, target, headers, body)};
    }
    Reply admin(const QByteArray &method, const QString &target, const QByteArray &body = {})
    {
        return call(method, target, {{"Authorization", "Bearer " + kAdminToken}}, body);
    }
    Reply asB(const QString &target, HeaderList extra = {{"X-Tenant-ID", "globex"}})
    {
        extra.append({"X-API-Key", m_keyB.secret.toLatin1()});
        return call("GET", target, extra);
    }

    void recordSome()
    {
        ASSERT_TRUE(m_repository->record({alert(m_a.id, 80, 0), alert(m_b.id, 80, 1), alert(m_a.id, 90, 2),
                                          alert(m_a.id, 95, 3)}).ok());
    }

    Tenant m_a;
    Tenant m_b;
    Security::GeneratedKey m_keyA;
    Security::GeneratedKey m_keyB;
    TenantDirectory m_directory;
    std::unique_ptr<Identify::TenantResolver> m_resolver;
    Router m_router;
    std::unique_ptr<ApiServer> m_server;
};

TEST_P(QuotaAlertRoutesTest, AdminListsEveryTenantsAlertsWithFilters)
{
    recordSome();
    const Reply all = admin("GET", u"/admin/v1/quota-alerts"_s);
    ASSERT_EQ(all.status, 200) << all.raw.toStdString();
    ASSERT_EQ(all.alerts().size(), 4);
    EXPECT_TRUE(all.body.value("next_cursor"_L1).isNull());
    const QJsonObject newest = all.alerts().at(0).toObject();
    EXPECT_EQ(newest.value("tenant_id"_L1).toString(), m_a.id);
    EXPECT_EQ(newest.value("slug"_L1).toString(), u"acme"_s);
    EXPECT_EQ(newest.value("threshold"_L1).toInt(), 95);
    EXPECT_EQ(newest.value("dimension"_L1).toString(), u"api_calls_per_day"_s);
    EXPECT_EQ(newest.value("used"_L1).toInteger(), 950);
    EXPECT_EQ(newest.value("limit"_L1).toInteger(), 1000);
    EXPECT_EQ(newest.value("window_start"_L1).toString(), u"2026-03-01T00:00:00.000Z"_s);
    EXPECT_EQ(newest.value("window_end"_L1).toString(), u"2026-03-02T00:00:00.000Z"_s);
    EXPECT_EQ(newest.value("at"_L1).toString(), u"2026-03-01T12:03:00.000Z"_s);
    EXPECT_FALSE(newest.value("id"_L1).toString().isEmpty());

    EXPECT_EQ(admin("GET", u"/admin/v1/quota-alerts?tenant=globex"_s).alerts().size(), 1);
    EXPECT_EQ(admin("GET", u"/admin/v1/quota-alerts?tenant=ACME"_s).alerts().size(), 3);
    EXPECT_EQ(admin("GET", u"/admin/v1/tenants/acme/quota-alerts"_s).alerts().size(), 3);
    EXPECT_EQ(admin("GET", u"/admin/v1/quota-alerts?tenant=nobody"_s).code(), u"tenant-not-found"_s);
    EXPECT_EQ(admin("GET", u"/admin/v1/tenants/nobody/quota-alerts"_s).status, 404);
    EXPECT_EQ(admin("GET", u"/admin/v1/quota-alerts?since=2026-03-01T12:01:00Z&until=2026-03-01T12:03:00Z"_s)
                  .alerts().size(), 2);

    const Reply first = admin("GET", u"/admin/v1/quota-alerts?limit=3"_s);
    ASSERT_EQ(first.alerts().size(), 3);
    const QString cursor = first.body.value("next_cursor"_L1).toString();
    ASSERT_FALSE(cursor.isEmpty());
    const Reply second = admin("GET", u"/admin/v1/quota-alerts?limit=3&cursor="_s + cursor);
    ASSERT_EQ(second.alerts().size(), 1);
    EXPECT_EQ(second.alerts().at(0).toObject().value("threshold"_L1).toInt(), 80);
    EXPECT_EQ(second.alerts().at(0).toObject().value("tenant_id"_L1).toString(), m_a.id);
    EXPECT_TRUE(second.body.value("next_cursor"_L1).isNull());
}

TEST_P(QuotaAlertRoutesTest, BadQueryValuesAreProblemsNamingTheField)
{
    const struct {
        const char *query;
        const char *field;
    } cases[] = {
        {"since=yesterday", "since"},
        {"until=2026-13-01T00:00:00Z", "until"},
        {"since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z", "until"},
        {"limit=0", "limit"},
        {"limit=1001", "limit"},
        {"limit=ten", "limit"},
        {"cursor=abc", "cursor"},
        {"cursor=-1", "cursor"},
    };
    for (const auto &c : cases) {
        const Reply r = admin("GET", u"/admin/v1/quota-alerts?"_s + QString::fromLatin1(c.query));
        EXPECT_EQ(r.status, 400) << c.query;
        EXPECT_EQ(r.contentType, "application/problem+json") << c.query;
        EXPECT_EQ(r.code(), u"invalid-query"_s) << c.query;
        EXPECT_TRUE(r.fieldErrors().contains(QString::fromLatin1(c.field))) << c.query << ": " << r.raw.toStdString();
        // The tenant route reads the same filters.
        EXPECT_EQ(asB(u"/api/v1/quota-alerts?"_s + QString::fromLatin1(c.query)).status, 400) << c.query;
    }
}

TEST_P(QuotaAlertRoutesTest, AdminRoutesNeedTheAdminToken)
{
    EXPECT_EQ(call("GET", u"/admin/v1/quota-alerts"_s, {}).status, 401);
    EXPECT_EQ(call("GET", u"/admin/v1/quota-alerts"_s, {{"Authorization", "Bearer wrong"}}).status, 401);
    // A tenant's API key is no admin token.
    EXPECT_EQ(asB(u"/admin/v1/tenants/acme/webhook"_s).status, 401);
    EXPECT_EQ(call("PUT", u"/admin/v1/tenants/globex/webhook"_s, {{"X-API-Key", m_keyB.secret.toLatin1()}},
                   R"({"url": "https://evil.example.com/"})").status, 401);
}

TEST_P(QuotaAlertRoutesTest, ATenantSeesItsOwnAlertsAndNeverAnothers)
{
    recordSome();
    const QByteArray idA = m_a.id.toLatin1();
    const Reply own = asB(u"/api/v1/quota-alerts"_s);
    ASSERT_EQ(own.status, 200) << own.raw.toStdString();
    ASSERT_EQ(own.alerts().size(), 1);
    EXPECT_EQ(own.alerts().at(0).toObject().value("tenant_id"_L1).toString(), m_b.id);

    const QList<Reply> tricks{
        asB(u"/api/v1/quota-alerts?tenant=acme"_s),
        asB(u"/api/v1/quota-alerts?tenant=acme&tenant_id="_s + m_a.id),
        asB(u"/api/v1/quota-alerts"_s, {{"X-Tenant-ID", "acme"}}),
        asB(u"/api/v1/quota-alerts"_s, {{"X-Tenant-ID", "globex"}, {"X-Tenant-ID", "acme"}}),
        asB(u"/api/v1/quota-alerts"_s, {{"X-Tenant-ID", "globex,acme"}}),
        asB(u"/t/acme/api/v1/quota-alerts"_s, {}),
        asB(u"/t/acme/api/v1/quota-alerts"_s, {{"X-Tenant-ID", "globex"}}),
        asB(u"/t/globex/api/v1/quota-alerts?tenant=acme"_s, {}),
    };
    for (qsizetype i = 0; i < tricks.size(); ++i) {
        const Reply &r = tricks[i];
        EXPECT_FALSE(r.raw.contains(idA)) << "trick " << i << ": " << r.raw.toStdString();
        EXPECT_FALSE(r.raw.contains("\"acme\"")) << "trick " << i << ": " << r.raw.toStdString();
        if (r.status == 200) {
            for (const QJsonValue &a : r.alerts())
                EXPECT_EQ(a.toObject().value("tenant_id"_L1).toString(), m_b.id) << "trick " << i;
        }
    }
    EXPECT_EQ(tricks[0].status, 200);
    EXPECT_EQ(tricks[0].alerts().size(), 1);
    EXPECT_EQ(tricks[2].code(), u"invalid-api-key"_s); // B's key does not open A
    EXPECT_EQ(tricks[5].code(), u"invalid-api-key"_s);
    EXPECT_EQ(tricks[6].status, 400);                    // two tenants named: ambiguous
    EXPECT_EQ(tricks[7].alerts().size(), 1);
    // Without any key, nothing at all.
    EXPECT_EQ(call("GET", u"/api/v1/quota-alerts"_s, {{"X-Tenant-ID", "acme"}}).status, 401);
}

TEST_P(QuotaAlertRoutesTest, WebhookIsSetShownWithoutItsSecretAndRemoved)
{
    EXPECT_EQ(admin("GET", u"/admin/v1/tenants/acme/webhook"_s).code(), u"webhook-not-found"_s);

    const Reply set = admin("PUT", u"/admin/v1/tenants/acme/webhook"_s,
                            R"({"url": "https://hooks.example.com/acme?token=t", "secret": "a-secret-of-enough-bytes"})");
    ASSERT_EQ(set.status, 200) << set.raw.toStdString();
    EXPECT_EQ(set.body.value("url"_L1).toString(), u"https://hooks.example.com/acme?token=t"_s);
    EXPECT_EQ(set.body.value("secret_set"_L1), QJsonValue(true));
    EXPECT_FALSE(set.body.contains("secret"_L1)); // the caller chose it; nothing to show
    EXPECT_FALSE(set.raw.contains("a-secret-of-enough-bytes"));

    const Reply shown = admin("GET", u"/admin/v1/tenants/acme/webhook"_s);
    ASSERT_EQ(shown.status, 200);
    EXPECT_EQ(shown.body.value("secret_set"_L1), QJsonValue(true));
    EXPECT_EQ(shown.body.value("updated_at"_L1).toString(), u"2026-03-01T12:00:00.000Z"_s);
    EXPECT_FALSE(shown.raw.contains("a-secret-of-enough-bytes"));
    EXPECT_FALSE(shown.body.contains("secret"_L1));

    // Without a secret one is generated and shown this once.
    const Reply generated = admin("PUT", u"/admin/v1/tenants/acme/webhook"_s, R"({"url": "https://hooks.example.com/v2"})");
    ASSERT_EQ(generated.status, 200) << generated.raw.toStdString();
    const QString secret = generated.body.value("secret"_L1).toString();
    EXPECT_EQ(secret.size(), 43); // 32 bytes, unpadded base64url
    EXPECT_EQ(QByteArray::fromBase64(secret.toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
    EXPECT_EQ(m_repository->webhook(m_a.id).value()->secret, secret);
    EXPECT_FALSE(admin("GET", u"/admin/v1/tenants/acme/webhook"_s).raw.contains(secret.toLatin1()));
    const QString again = admin("PUT", u"/admin/v1/tenants/acme/webhook"_s, R"({"url": "https://hooks.example.com/v2"})")
                              .body.value("secret"_L1).toString();
    EXPECT_NE(again, secret);

    // Another tenant's webhook is untouched by all of this.
    EXPECT_EQ(admin("GET", u"/admin/v1/tenants/globex/webhook"_s).status, 404);

    EXPECT_EQ(admin("DELETE", u"/admin/v1/tenants/acme/webhook"_s).status, 204);
    EXPECT_EQ(admin("GET", u"/admin/v1/tenants/acme/webhook"_s).status, 404);
    EXPECT_EQ(admin("DELETE", u"/admin/v1/tenants/acme/webhook"_s).code(), u"webhook-not-found"_s);
    EXPECT_EQ(admin("PUT", u"/admin/v1/tenants/nobody/webhook"_s, R"({"url": "https://hooks.example.com/"})").code(),
              u"tenant-not-found"_s);
}

TEST_P(QuotaAlertRoutesTest, HostileWebhookInputIsRefusedNamingTheField)
{
    const QByteArray longUrl = "https://hooks.example.com/" + QByteArray(3000, 'a');
    const QByteArray longSecret = QByteArray(300, 's');
    const struct {
        QByteArray body;
        const char *code;
        const char *field;
    } cases[] = {
        {"[1, 2]", "malformed-json", ""},
        {"\"https://hooks.example.com\"", "malformed-json", ""},
        {"{\"url\": ", "malformed-json", ""},
        {"not json at all", "malformed-json", ""},
        {"{}", "invalid-request", "/url"},
        {R"({"url": null})", "invalid-request", "/url"},
        {R"({"url": 5})", "invalid-request", "/url"},
        {R"({"url": ["https://hooks.example.com"]})", "invalid-request", "/url"},
        {R"({"url": "https://hooks.example.com", "secret": 1234567890123456789})", "invalid-request", "/secret"},
        {R"({"url": "https://hooks.example.com", "active": true})", "invalid-request", "/active"},
        {R"({"url": "https://hooks.example.com", "__proto__": {}})", "invalid-request", "/__proto__"},
        {R"x({"url": "javascript:alert(1)"})x", "webhook-url-scheme", "/url"},
        {R"({"url": "file:///etc/passwd"})", "webhook-url-scheme", "/url"},
        {R"({"url": "https://user:pass@hooks.example.com/"})", "webhook-url-credentials", "/url"},
        {R"({"url": "https://@hooks.example.com/"})", "webhook-url-credentials", "/url"},
        {R"({"url": "/relative/path"})", "webhook-url-invalid", "/url"},
        {R"({"url": ""})", "webhook-url-invalid", "/url"},
        {R"({"url": "https://hooks.example.com", "secret": ""})", "webhook-secret-too-short", "/secret"},
        {R"({"url": "https://hooks.example.com", "secret": "short"})", "webhook-secret-too-short", "/secret"},
        {R"({"url": ")" + longUrl + R"("})", "webhook-url-too-long", "/url"},
        {R"({"url": "https://hooks.example.com", "secret": ")" + longSecret + R"("})", "webhook-secret-too-long",
         "/secret"},
    };
    for (const auto &c : cases) {
        const Reply r = admin("PUT", u"/admin/v1/tenants/acme/webhook"_s, c.body);
        const std::string what = c.body.left(80).toStdString();
        EXPECT_EQ(r.status, 400) << what;
        EXPECT_EQ(r.contentType, "application/problem+json") << what;
        EXPECT_EQ(r.code(), QString::fromLatin1(c.code)) << what << ": " << r.raw.toStdString();
        EXPECT_TRUE(r.fieldErrors().contains(QString::fromLatin1(c.field))) << what << ": " << r.raw.toStdString();
    }
    // None of it was stored.
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM tenant_webhooks"_s), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, QuotaAlertRoutesTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
