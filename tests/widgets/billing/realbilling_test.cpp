#include "widgets/billing/planchangedialog.h"

#include "app/billingstack.h"
#include "support/auditcatalogtest.h"
#include "widgets/billing/billingpage.h"
#include "widgets/messagebanner.h"

#include <QComboBox>
#include <QTableWidget>

using namespace Tenantry;
using namespace Qt::StringLiterals;
using Tenantry::Widgets::PlanChangeDialog;

namespace {

// The plan change dialog and the billing run over the billing the console really runs: shipped plans and prices, a real
// SQLite catalog, subscriptions and their invoices.
class RealBillingTest : public Testing::AuditCatalogTest
{
protected:
    void SetUp() override
    {
        AuditCatalogTest::SetUp();
        m_billing = std::make_unique<App::BillingStack>(*m_catalog, *m_audit, m_directory, m_clock);
        ASSERT_TRUE(m_billing->seed().ok());
        for (const QString &slug : {u"acme"_s, u"globex"_s}) {
            const Tenant t = create(slug);
            Storage::SubscribeRequest basic;
            basic.plan = u"basic"_s;
            basic.trial = false;
            ASSERT_TRUE(m_billing->subscriptions().subscribe(m_operator, t, basic).ok());
        }
        m_clock.advanceSeconds(10 * 86400); // a third of the period used
    }

    Billing::SubscriptionRow row(const QString &slug)
    {
        for (const Billing::SubscriptionRow &r : m_billing->subscriptionRows().value()) {
            if (r.tenantSlug == slug)
                return r;
        }
        ADD_FAILURE() << "no subscription of " << slug.toStdString();
        return {};
    }

    static void choose(QComboBox *box, const QString &value) { box->setCurrentIndex(box->findData(value)); }

    std::unique_ptr<App::BillingStack> m_billing;
};

TEST_F(RealBillingTest, PreviewsTheProrationAndBooksExactlyIt)
{
    PlanChangeDialog dialog(m_billing.get(), row(u"acme"_s));
    EXPECT_FALSE(dialog.quote().has_value()) << "the current plan is no change";
    EXPECT_FALSE(dialog.problem().isEmpty());
    ASSERT_GE(dialog.planBox()->findData(u"pro"_s), 0);

    choose(dialog.planBox(), u"pro"_s);
    ASSERT_TRUE(dialog.quote().has_value()) << dialog.problem().toStdString();
    const Billing::PlanChangeQuote shown = *dialog.quote();
    EXPECT_EQ(shown.direction, u"upgrade"_s);
    ASSERT_EQ(shown.lines.size(), 2) << "a credit for basic and a charge for pro";
    EXPECT_LT(shown.lines.at(0).amount.minor() * shown.lines.at(1).amount.minor(), 0) << "one of each sign";
    EXPECT_GT(shown.net.minor(), 0);
    EXPECT_EQ(dialog.findChild<QTableWidget *>(u"prorationLines"_s)->rowCount(), 2);

    m_clock.advanceSeconds(60); // the operator reads it for a minute: still the preview's amounts
    ASSERT_TRUE(dialog.book()) << dialog.problem().toStdString();
    ASSERT_TRUE(dialog.booked().has_value());
    EXPECT_EQ(dialog.booked()->net.minor(), shown.net.minor());
    EXPECT_EQ(row(u"acme"_s).subscription.plan, u"pro"_s);
    EXPECT_EQ(m_tenants->get(u"acme"_s)->plan, u"pro"_s);

    // Another tenant on the same plan is not touched.
    EXPECT_EQ(row(u"globex"_s).subscription.plan, u"basic"_s);
    EXPECT_EQ(m_tenants->get(u"globex"_s)->plan, u"basic"_s);
}

TEST_F(RealBillingTest, AStalePreviewIsRefusedAndShownAgain)
{
    PlanChangeDialog dialog(m_billing.get(), row(u"acme"_s));
    choose(dialog.planBox(), u"pro"_s);
    ASSERT_TRUE(dialog.quote().has_value());
    m_clock.advanceSeconds(20 * 60); // left open over lunch
    EXPECT_FALSE(dialog.book());
    EXPECT_FALSE(dialog.booked().has_value());
    EXPECT_FALSE(dialog.problem().isEmpty());
    EXPECT_EQ(row(u"acme"_s).subscription.plan, u"basic"_s) << "nothing booked";
    ASSERT_TRUE(dialog.quote().has_value()) << "a fresh preview to confirm";
    EXPECT_TRUE(dialog.book()) << dialog.problem().toStdString();
    EXPECT_EQ(row(u"acme"_s).subscription.plan, u"pro"_s);
}

TEST_F(RealBillingTest, RunBillingNowRenewsTheEndedPeriodsOfEveryTenant)
{
    m_clock.advanceSeconds(25 * 86400); // past the end of the first period
    Widgets::BillingPage page(m_billing.get());
    page.reload();
    const int before = int(m_billing->invoiceList({}, 100).value().size());
    page.runBilling();
    ASSERT_TRUE(waitUntil([&] { return !page.isBillingRunning(); }));
    const QList<Billing::Invoice> after = m_billing->invoiceList({}, 100).value();
    EXPECT_EQ(after.size(), before + 2) << "acme's and globex's renewals";
    auto *banner = page.findChild<Widgets::MessageBanner *>();
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->text().contains(u"2 renewed"_s)) << banner->text().toStdString();
    EXPECT_GT(row(u"acme"_s).subscription.periodStartMs, 0);
}

} // namespace
