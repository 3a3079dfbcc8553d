// The billing routes through the whole pipeline (ApiServer::dispatch, no sockets): the admin
// API, bad input as problem documents, and a tenant that tries to reach another tenant's
// invoices.
#include "core/http/apiserver.h"
#include "core/http/billingroutes.h"
#include "core/http/invoiceroutes.h"
#include "core/http/subscriptionroutes.h"
#include "core/identify/headerstrategy.h"
#include "tests/integration/billing/billingfixture.h"
#include "tests/support/dispatchreply.h"

#include <QDeadlineTimer>
#include <QThread>

using namespace Tenantry;
using namespace Tenantry::Http;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "billing-routes-admin-token";

class BillingRoutesTest : public BillingFixture
{
protected:
    void SetUp() override
    {
        BillingFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_keyA = mustCreate(u"acme"_s).firstKey.secret.toLatin1();
        m_keyB = mustCreate(u"globex"_s).firstKey.secret.toLatin1();
        std::vector<std::unique_ptr<Identify::IdentificationStrategy>> strategies;
        strategies.push_back(std::make_unique<Identify::HeaderStrategy>());
        m_resolver = std::make_unique<Identify::TenantResolver>(std::move(strategies), m_directory);
        registerBillingRoutes(m_router, *m_settings, *m_plans, m_clock);
        registerSubscriptionRoutes(m_router, *m_subscriptions, m_directory);
        registerInvoiceRoutes(
            m_router, *m_invoices, m_directory,
            [](const Billing::Invoice &invoice) -> Result<QByteArray> { return QByteArray(QByteArray("%PDF-fake ") + invoice.number.toUtf8()); },
            [this] { ++m_runsTriggered; });
        ApiServerSettings settings;
        settings.adminToken = kAdminToken;
        m_server = std::make_unique<ApiServer>(m_router, *m_resolver, m_directory, Identify::JwtVerifier(), m_clock,
                                               settings);
    }
    void TearDown() override
    {
        m_server.reset();
        BillingFixture::TearDown();
    }

    DispatchReply admin(const QByteArray &method, const QString &target, const QByteArray &body = {})
    {
        return dispatchTo(*m_server, method, target, {{"Authorization", "Bearer " + kAdminToken}}, body);
    }
    DispatchReply asTenant(const QByteArray &slug, const QByteArray &key, const QString &target)
    {
        return dispatchTo(*m_server, "GET", target, {{"X-Tenant-ID", slug}, {"X-API-Key", key}});
    }
    // The watched run `id` once it is no longer running (it runs on a thread of its own).
    DispatchReply endOfRun(const QString &id)
    {
        QDeadlineTimer deadline(20000);
        for (;;) {
            DispatchReply run = admin("GET", u"/admin/v1/billing/runs/"_s + id);
            if (run.body.value(u"state"_s).toString() != u"running"_s || deadline.hasExpired())
                return run;
            QThread::msleep(5);
        }
    }

    Http::Router m_router;
    std::unique_ptr<Identify::TenantResolver> m_resolver;
    std::unique_ptr<ApiServer> m_server;
    QByteArray m_keyA, m_keyB;
    int m_runsTriggered = 0;
};

TEST_P(BillingRoutesTest, PreviewAndChangeThroughTheApiAgreeToTheMinorUnit)
{
    auto created = admin("POST", u"/admin/v1/tenants/acme/subscription"_s, R"({"plan": "basic", "trial": false})");
    ASSERT_EQ(created.status, 201) << created.raw.constData();
    EXPECT_EQ(created.body.value(u"status"_s).toString(), u"active"_s);
    at("2026-03-11T12:00:00Z");
    auto preview = admin("POST", u"/admin/v1/tenants/acme/subscription/preview"_s, R"({"plan": "pro"})");
    ASSERT_EQ(preview.status, 200) << preview.raw.constData();
    EXPECT_EQ(preview.body.value(u"net"_s).toString(), u"42.00"_s);
    const qint64 atMs = qint64(preview.body.value(u"at_ms"_s).toDouble());
    m_clock.advanceSeconds(30);
    auto changed = admin("POST", u"/admin/v1/tenants/acme/subscription/change"_s,
                         QByteArray(R"({"plan": "pro", "at_ms": )") + QByteArray::number(atMs) + "}");
    ASSERT_EQ(changed.status, 200) << changed.raw.constData();
    EXPECT_EQ(changed.body.value(u"lines"_s), preview.body.value(u"lines"_s));
    EXPECT_EQ(changed.body.value(u"net"_s), preview.body.value(u"net"_s));

    auto history = admin("GET", u"/admin/v1/tenants/acme/subscription/history"_s);
    ASSERT_EQ(history.status, 200);
    EXPECT_EQ(history.body.value(u"items"_s).toArray().size(), 2);
    auto listed = admin("GET", u"/admin/v1/invoices?tenant=acme"_s);
    ASSERT_EQ(listed.status, 200);
    const QJsonArray items = listed.body.value(u"items"_s).toArray();
    ASSERT_EQ(items.size(), 2);
    EXPECT_EQ(items.at(0).toObject().value(u"total"_s).toString(), u"49.98"_s);
    const QString number = items.at(0).toObject().value(u"number"_s).toString();
    auto pdf = admin("GET", u"/admin/v1/invoices/"_s + number + u"/pdf"_s);
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.contentType, "application/pdf");
    EXPECT_TRUE(pdf.raw.startsWith("%PDF-"));
}

TEST_P(BillingRoutesTest, APreviewWithAnEarlierPreviewsAtMsShowsItsAmountsAgain)
{
    ASSERT_EQ(admin("POST", u"/admin/v1/tenants/acme/subscription"_s, R"({"plan": "basic", "trial": false})").status, 201);
    at("2026-03-11T12:00:00Z");
    auto first = admin("POST", u"/admin/v1/tenants/acme/subscription/preview"_s, R"({"plan": "pro"})");
    ASSERT_EQ(first.status, 200) << first.raw.constData();
    const QByteArray atMs = QByteArray::number(qint64(first.body.value(u"at_ms"_s).toDouble()));
    advanceDays(5);
    auto later = admin("POST", u"/admin/v1/tenants/acme/subscription/preview"_s, R"({"plan": "pro"})");
    ASSERT_EQ(later.status, 200);
    EXPECT_NE(later.body.value(u"net"_s), first.body.value(u"net"_s)); // less of the period is left
    auto again = admin("POST", u"/admin/v1/tenants/acme/subscription/preview"_s,
                       R"({"plan": "pro", "at_ms": )" + atMs + "}");
    ASSERT_EQ(again.status, 200) << again.raw.constData();
    EXPECT_EQ(again.body, first.body);
    auto badAt = admin("POST", u"/admin/v1/tenants/acme/subscription/preview"_s, R"({"plan": "pro", "at_ms": "soon"})");
    EXPECT_EQ(badAt.status, 400);
    EXPECT_EQ(badAt.code(), u"invalid-change"_s);
}

TEST_P(BillingRoutesTest, AWatchedRunReportsHowItWent)
{
    ASSERT_EQ(admin("POST", u"/admin/v1/tenants/acme/subscription"_s, R"({"plan": "basic", "trial": false})").status, 201);
    advanceDays(40); // the first period ended

    auto started = admin("POST", u"/admin/v1/billing/runs"_s);
    ASSERT_EQ(started.status, 202) << started.raw.constData();
    const QString id = started.body.value(u"id"_s).toString();
    ASSERT_FALSE(id.isEmpty());
    EXPECT_EQ(started.body.value(u"state"_s).toString(), u"running"_s);
    auto ended = endOfRun(id);
    ASSERT_EQ(ended.status, 200);
    EXPECT_EQ(ended.body.value(u"state"_s).toString(), u"finished"_s) << ended.raw.constData();
    EXPECT_TRUE(ended.body.value(u"error"_s).isNull());
    const QJsonObject report = ended.body.value(u"report"_s).toObject();
    EXPECT_EQ(report.value(u"renewed"_s).toInt(), 1);
    EXPECT_EQ(report.value(u"invoiced"_s).toInt(), 1);
    // The first period's invoice and the renewal's, both collected by the scripted gateway.
    EXPECT_EQ(report.value(u"payments_succeeded"_s).toInt(), 2);
    EXPECT_EQ(report.value(u"problems"_s).toArray().size(), 0);
    EXPECT_FALSE(report.contains(u"stopped"_s));
    EXPECT_EQ(ended.body.value(u"renewed"_s).toInt(), 1);
    EXPECT_EQ(m_runsTriggered, 0); // not the schedule's run

    auto stopEnded = admin("POST", u"/admin/v1/billing/runs/"_s + id + u"/stop"_s);
    EXPECT_EQ(stopEnded.status, 200);
    EXPECT_FALSE(stopEnded.body.value(u"stop_requested"_s).toBool());
    auto unknown = admin("GET", u"/admin/v1/billing/runs/no-such-run"_s);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.code(), u"billing-run-not-found"_s);

    auto next = admin("POST", u"/admin/v1/billing/runs"_s);
    ASSERT_EQ(next.status, 202);
    const QString nextId = next.body.value(u"id"_s).toString();
    EXPECT_NE(nextId, id);
    EXPECT_EQ(admin("GET", u"/admin/v1/billing/runs/"_s + id).code(), u"billing-run-not-found"_s);
    auto nothingDue = endOfRun(nextId);
    EXPECT_EQ(nothingDue.body.value(u"report"_s).toObject().value(u"renewed"_s).toInt(), 0);
}

TEST_P(BillingRoutesTest, AWatchedRunWaitsForARunningOneAndStopsWhenAsked)
{
    ASSERT_EQ(admin("POST", u"/admin/v1/tenants/acme/subscription"_s, R"({"plan": "basic", "trial": false})").status, 201);
    advanceDays(40);
    // While a run of this process holds billing, a watched run is started: it waits its turn.
    QString id;
    DispatchReply second, stopped;
    Billing::BillingRunControl control;
    control.progress = [&](const QString &, int) {
        if (!id.isEmpty())
            return;
        auto started = admin("POST", u"/admin/v1/billing/runs"_s);
        id = started.body.value(u"id"_s).toString();
        second = admin("POST", u"/admin/v1/billing/runs"_s);
        stopped = admin("POST", u"/admin/v1/billing/runs/"_s + id + u"/stop"_s);
    };
    auto direct = m_invoices->runDue(control);
    ASSERT_TRUE(direct.ok());
    EXPECT_EQ(direct->renewed, 1);
    ASSERT_FALSE(id.isEmpty());
    EXPECT_EQ(second.status, 409);
    EXPECT_EQ(second.code(), u"billing-run-in-progress"_s);
    EXPECT_EQ(stopped.status, 202);
    EXPECT_TRUE(stopped.body.value(u"stop_requested"_s).toBool());

    auto ended = endOfRun(id);
    EXPECT_EQ(ended.body.value(u"state"_s).toString(), u"finished"_s) << ended.raw.constData();
    EXPECT_TRUE(ended.body.value(u"report"_s).toObject().value(u"stopped"_s).toBool());
    EXPECT_EQ(ended.body.value(u"report"_s).toObject().value(u"renewed"_s).toInt(), 0);
}

TEST_P(BillingRoutesTest, BadInputIsAProblemDocumentAndChangesNothing)
{
    auto unknownField = admin("POST", u"/admin/v1/tenants/acme/subscription"_s, R"({"plan": "basic", "price": "0"})");
    EXPECT_EQ(unknownField.status, 400);
    EXPECT_EQ(unknownField.contentType, "application/problem+json");
    auto unknownPlan = admin("POST", u"/admin/v1/tenants/acme/subscription"_s, R"({"plan": "gold"})");
    EXPECT_EQ(unknownPlan.status, 404);
    EXPECT_EQ(unknownPlan.code(), u"plan-not-found"_s);
    auto noTenant = admin("GET", u"/admin/v1/tenants/nobody/subscription"_s);
    EXPECT_EQ(noTenant.status, 404);
    EXPECT_EQ(admin("GET", u"/admin/v1/tenants/acme/subscription"_s).code(), u"subscription-not-found"_s);

    auto badPricing = admin("PUT", u"/admin/v1/plans/basic/pricing"_s,
                            R"({"pricing": {"currency": "XYZ", "monthly": "-1"}})");
    EXPECT_EQ(badPricing.status, 400);
    EXPECT_EQ(badPricing.code(), u"invalid-plan-pricing"_s);
    EXPECT_GE(badPricing.fieldErrors().size(), 2);
    EXPECT_EQ(admin("GET", u"/admin/v1/plans/basic/pricing"_s).body.value(u"pricing"_s).toObject().value(u"monthly"_s),
              QJsonValue(u"31.00"_s));

    ASSERT_EQ(admin("POST", u"/admin/v1/tenants/acme/subscription"_s, R"({"plan": "basic", "trial": false})").status, 201);
    const QString id = admin("GET", u"/admin/v1/invoices?tenant=acme"_s).body.value(u"items"_s).toArray().at(0)
                           .toObject().value(u"id"_s).toString();
    auto noReference = admin("POST", u"/admin/v1/invoices/"_s + id + u"/pay"_s, R"({})");
    EXPECT_EQ(noReference.status, 400);
    auto creditTooLarge = admin("POST", u"/admin/v1/invoices/"_s + id + u"/credit-notes"_s,
                                R"({"reason": "x", "lines": [{"description": "all of it", "amount": "99.00"}]})");
    EXPECT_EQ(creditTooLarge.status, 400);
    EXPECT_EQ(creditTooLarge.code(), u"credit-exceeds-invoice"_s);
    EXPECT_EQ(admin("GET", u"/admin/v1/invoices?tenant=acme"_s).body.value(u"items"_s).toArray().size(), 1);
    auto voided = admin("POST", u"/admin/v1/invoices/"_s + id + u"/void"_s);
    ASSERT_EQ(voided.status, 200);
    auto payVoid = admin("POST", u"/admin/v1/invoices/"_s + id + u"/pay"_s, R"({"reference": "cheque 1"})");
    EXPECT_EQ(payVoid.status, 409);
    EXPECT_EQ(payVoid.code(), u"invoice-not-payable"_s);

    auto run = admin("POST", u"/admin/v1/billing/run"_s);
    EXPECT_EQ(run.status, 202);
    EXPECT_EQ(m_runsTriggered, 1);
}

TEST_P(BillingRoutesTest, ATenantSeesItsOwnInvoicesAndNeverAnotherTenants)
{
    ASSERT_EQ(admin("POST", u"/admin/v1/tenants/acme/subscription"_s, R"({"plan": "basic", "trial": false})").status, 201);
    ASSERT_EQ(admin("POST", u"/admin/v1/tenants/globex/subscription"_s, R"({"plan": "pro", "trial": false})").status, 201);
    const auto acmeInvoices = asTenant("acme", m_keyA, u"/api/v1/billing/invoices"_s);
    ASSERT_EQ(acmeInvoices.status, 200) << acmeInvoices.raw.constData();
    const QJsonArray own = acmeInvoices.body.value(u"items"_s).toArray();
    ASSERT_EQ(own.size(), 1);
    EXPECT_EQ(own.at(0).toObject().value(u"tenant"_s).toString(), u"acme"_s);

    const QJsonObject globexInvoice = admin("GET", u"/admin/v1/invoices?tenant=globex"_s).body.value(u"items"_s).toArray()
                                          .at(0).toObject();
    for (const QString &ref : {globexInvoice.value(u"id"_s).toString(), globexInvoice.value(u"number"_s).toString()}) {
        for (const QString &suffix : {QString(), u"/pdf"_s}) {
            auto stolen = asTenant("acme", m_keyA, u"/api/v1/billing/invoices/"_s + ref + suffix);
            EXPECT_EQ(stolen.status, 404) << ref.toStdString();
            EXPECT_EQ(stolen.code(), u"invoice-not-found"_s);
            EXPECT_FALSE(stolen.raw.contains("globex"));
        }
    }
    // Its own key with the other tenant's name is refused before any route runs.
    EXPECT_EQ(asTenant("globex", m_keyA, u"/api/v1/billing/invoices"_s).status, 401);
    // And tenant credentials do not open the admin API.
    auto adminWithKey = asTenant("acme", m_keyA, u"/admin/v1/invoices"_s);
    EXPECT_TRUE(adminWithKey.status == 401 || adminWithKey.status == 403) << adminWithKey.status;
    EXPECT_EQ(asTenant("globex", m_keyB, u"/api/v1/billing/invoices/"_s + globexInvoice.value(u"id"_s).toString()).status,
              200);
}

INSTANTIATE_TEST_SUITE_P(Backends, BillingRoutesTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
