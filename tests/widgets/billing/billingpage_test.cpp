#include "widgets/billing/billingpage.h"

#include "core/billing/billingservice.h"
#include "support/waituntil.h"
#include "widgets/messagebanner.h"

#include <QFile>
#include <QThread>
#include <QPixmap>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Qt::StringLiterals;
using Tenantry::Widgets::BillingPage;

namespace {

// Billing as the page sees it: two tenants, their subscriptions and invoices.
class FakeBilling final : public BillingService
{
public:
    FakeBilling()
    {
        const Currency usd = currencyOf(u"USD"_s).value();
        Subscription acme;
        acme.tenantId = u"t-acme"_s;
        acme.plan = u"pro"_s;
        acme.cycle = u"monthly"_s;
        acme.status = SubscriptionStatus::PastDue;
        Subscription globex = acme;
        globex.tenantId = u"t-globex"_s;
        globex.plan = u"basic"_s;
        globex.status = SubscriptionStatus::Active;
        rows = {{u"acme"_s, acme}, {u"globex"_s, globex}};
        for (const auto &[slug, number, minor] : {std::tuple{u"acme"_s, u"INV-000002"_s, 11781},
                                                 std::tuple{u"acme"_s, u"INV-000001"_s, 3689},
                                                 std::tuple{u"globex"_s, u"INV-000003"_s, 2261}}) {
            Invoice i;
            i.id = u"id-"_s + number;
            i.number = number;
            i.tenantSlug = slug;
            i.currency = usd;
            i.status = InvoiceStatus::Open;
            i.total = Money(minor, usd);
            i.amountPaid = Money(0, usd);
            all.append(i);
        }
    }
    Result<QList<SubscriptionRow>> subscriptionRows() override { return rows; }
    Result<QList<Invoice>> invoiceList(const QString &slug, int) override
    {
        QList<Invoice> out;
        for (const Invoice &i : all)
            if (slug.isEmpty() || i.tenantSlug == slug)
                out.append(i);
        return out;
    }
    Result<QByteArray> invoicePdf(const QString &id) override
    {
        if (failPdf)
            return Error::internal(u"the renderer broke"_s);
        rendered.append(id);
        return QByteArray(QByteArray("%PDF-1.4 ") + id.toUtf8());
    }

    // The page only passes plan changes on; PlanChangeDialog's own test books real ones.
    Result<QList<PlanOffer>> planOffers() override { return QList<PlanOffer>{}; }
    Result<PlanChangeQuote> previewPlanChange(const QString &, const PlanChangeRequest &) override
    {
        return Error::internal(u"not used"_s);
    }
    Result<PlanChangeQuote> changePlan(const Actor &, const QString &, const PlanChangeRequest &) override
    {
        return Error::internal(u"not used"_s);
    }

    // Holds the run until `release` is set, watching its stop control meanwhile.
    Result<BillingRunReport> runBilling(const BillingRunControl &control) override
    {
        control.progress(u"renewing"_s, 0);
        BillingRunReport report;
        while (!release.load()) {
            if (control.stop()) {
                report.stopped = true;
                return report;
            }
            QThread::msleep(5);
        }
        report.renewed = 2;
        return report;
    }
    std::atomic<bool> release{false};

    QList<SubscriptionRow> rows;
    QList<Invoice> all;
    QStringList rendered;
    bool failPdf = false;
};

class BillingPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        page.setPdfOpener([this](const QString &path) { opened.append(path); });
        page.reload();
    }
    void selectTenant(int row) { page.subscriptionsView()->setCurrentIndex(page.subscriptionsModel()->index(row, 0)); }
    void selectInvoice(int row) { page.invoicesView()->setCurrentIndex(page.invoicesModel()->index(row, 0)); }

    FakeBilling billing;
    BillingPage page{&billing};
    QStringList opened;
};

} // namespace

TEST_F(BillingPageTest, ListsEverySubscriptionAndEveryInvoiceUntilATenantIsChosen)
{
    ASSERT_EQ(page.subscriptionsModel()->rowCount(), 2);
    EXPECT_EQ(page.subscriptionsModel()->item(0, 0)->text(), u"acme"_s);
    EXPECT_EQ(page.subscriptionsModel()->item(0, 3)->text(), u"Past due"_s);
    EXPECT_EQ(page.invoicesModel()->rowCount(), 3);
    selectTenant(1);
    ASSERT_EQ(page.invoicesModel()->rowCount(), 1);
    EXPECT_EQ(page.invoicesModel()->item(0, 0)->text(), u"INV-000003"_s);
    EXPECT_EQ(page.invoicesModel()->item(0, 4)->text(), u"22.61 USD"_s);
}

TEST_F(BillingPageTest, OpenPdfRendersTheSelectedInvoiceToAFileAndOpensIt)
{
    auto *open = page.findChild<QPushButton *>(u"openInvoicePdf"_s);
    ASSERT_NE(open, nullptr);
    EXPECT_FALSE(open->isEnabled()); // nothing selected yet
    selectTenant(0);
    selectInvoice(1);
    EXPECT_TRUE(open->isEnabled());
    open->click();
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(billing.rendered, QStringList{u"id-INV-000001"_s});
    QFile file(opened.first());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readAll().startsWith("%PDF-"));
    file.remove();
}

TEST_F(BillingPageTest, ARenderingFailureIsShownAndOpensNothing)
{
    billing.failPdf = true;
    selectTenant(0);
    selectInvoice(0);
    EXPECT_FALSE(page.openSelectedPdf());
    EXPECT_TRUE(opened.isEmpty());
    auto *banner = page.findChild<Tenantry::Widgets::MessageBanner *>();
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->isHidden());
}

TEST_F(BillingPageTest, ChangePlanRunsForTheSelectedSubscriptionAndShowsWhatWasBooked)
{
    auto *change = page.findChild<QPushButton *>(u"changePlanButton"_s);
    ASSERT_NE(change, nullptr);
    EXPECT_FALSE(change->isEnabled());
    QStringList asked;
    page.setPlanChanger([&](const SubscriptionRow &row) -> std::optional<PlanChangeQuote> {
        asked.append(row.tenantSlug);
        PlanChangeQuote q;
        q.toPlan = u"enterprise"_s;
        q.net = Money(40000, currencyOf(u"USD"_s).value());
        billing.rows[1].subscription.plan = u"enterprise"_s; // what the service now says
        return q;
    });
    selectTenant(1);
    ASSERT_TRUE(change->isEnabled());
    change->click();
    EXPECT_EQ(asked, QStringList{u"globex"_s});
    EXPECT_EQ(page.subscriptionsModel()->item(1, 1)->text(), u"Enterprise"_s) << "reloaded";
    EXPECT_EQ(page.subscriptionsView()->currentIndex().row(), 1) << "still on globex";
    auto *banner = page.findChild<Tenantry::Widgets::MessageBanner *>();
    EXPECT_TRUE(banner->text().contains(u"400.00 USD"_s)) << banner->text().toStdString();
}

TEST_F(BillingPageTest, ABillingRunGoesOnInTheBackgroundAndCanBeStopped)
{
    auto *run = page.findChild<QPushButton *>(u"runBillingButton"_s);
    ASSERT_NE(run, nullptr);
    run->click();
    EXPECT_TRUE(page.isBillingRunning()) << "the click returns at once";
    EXPECT_FALSE(run->isEnabled());
    EXPECT_FALSE(page.findChild<QWidget *>(u"billingRunRow"_s)->isHidden());
    page.findChild<QPushButton *>(u"stopBillingButton"_s)->click();
    ASSERT_TRUE(Testing::waitUntil([&] { return !page.isBillingRunning(); }));
    EXPECT_TRUE(run->isEnabled());
    auto *banner = page.findChild<Tenantry::Widgets::MessageBanner *>();
    EXPECT_TRUE(banner->text().contains(u"stopped"_s)) << banner->text().toStdString();

    billing.release = true;
    run->click();
    ASSERT_TRUE(Testing::waitUntil([&] { return !page.isBillingRunning(); }));
    EXPECT_TRUE(banner->text().contains(u"2 renewed"_s)) << banner->text().toStdString();
}

// With TENANTRY_SCREENSHOT_DIR set, writes the page as billing-page.png there, to look at.
TEST_F(BillingPageTest, RendersForAScreenshot)
{
    selectTenant(0);
    page.resize(1100, 640);
    page.show();
    const QPixmap shot = page.grab();
    EXPECT_FALSE(shot.isNull());
    const QString dir = qEnvironmentVariable("TENANTRY_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        EXPECT_TRUE(shot.save(dir + u"/billing-page.png"_s));
    }
}
