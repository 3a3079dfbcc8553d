// `tenantry plans|subscriptions|invoices` as an operator runs them: the real binary on a data
// directory (and, for the PostgreSQL case, a real catalog database).
#include "tests/support/clicatalogtest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class BillingCliTest : public CliCatalogTest
{
protected:
    QJsonArray invoicesOf(const QString &slug)
    {
        return json({u"invoices"_s, u"list"_s, u"--tenant"_s, slug}).array();
    }
};

TEST_P(BillingCliTest, SubscribeUpgradeAtThePreviewsTimeAndPayAnInvoiceFromItsPdf)
{
    json({u"tenants"_s, u"create"_s, u"acme"_s});
    json({u"tenants"_s, u"create"_s, u"globex"_s});

    const QJsonObject pro = json({u"plans"_s, u"pricing"_s, u"pro"_s}).object();
    EXPECT_EQ(pro.value(u"pricing"_s).toObject().value(u"monthly"_s).toString(), u"99.00"_s);

    const QJsonObject sub = json({u"subscriptions"_s, u"create"_s, u"acme"_s, u"--plan"_s, u"basic"_s,
                                  u"--no-trial"_s}).object();
    EXPECT_EQ(sub.value(u"status"_s).toString(), u"active"_s);
    EXPECT_EQ(sub.value(u"plan"_s).toString(), u"basic"_s);
    const QJsonArray listed = json({u"subscriptions"_s, u"list"_s}).array();
    ASSERT_EQ(listed.size(), 1); // globex has none
    EXPECT_EQ(listed.first().toObject().value(u"tenant"_s).toString(), u"acme"_s);

    const QJsonObject preview = json({u"subscriptions"_s, u"preview"_s, u"acme"_s, u"--plan"_s, u"pro"_s}).object();
    EXPECT_EQ(preview.value(u"direction"_s).toString(), u"upgrade"_s);
    const QString atMs = QString::number(qint64(preview.value(u"at_ms"_s).toDouble()));
    const QJsonObject booked = json({u"subscriptions"_s, u"change"_s, u"acme"_s, u"--plan"_s, u"pro"_s,
                                     u"--at"_s, atMs}).object();
    EXPECT_EQ(booked.value(u"net"_s).toString(), preview.value(u"net"_s).toString());
    EXPECT_EQ(booked.value(u"lines"_s).toArray(), preview.value(u"lines"_s).toArray());
    EXPECT_EQ(json({u"subscriptions"_s, u"show"_s, u"acme"_s}).object().value(u"plan"_s).toString(), u"pro"_s);

    const QJsonArray invoices = invoicesOf(u"acme"_s);
    ASSERT_EQ(invoices.size(), 2); // the first period's, and the upgrade's
    EXPECT_TRUE(invoicesOf(u"globex"_s).isEmpty());
    const QJsonObject upgrade = invoices.first().toObject();
    EXPECT_EQ(upgrade.value(u"status"_s).toString(), u"open"_s);
    const QString id = upgrade.value(u"id"_s).toString();

    const QString pdfPath = m_dir.filePath(u"upgrade.pdf"_s);
    const CliResult pdf = run({u"invoices"_s, u"pdf"_s, id, u"--output"_s, pdfPath});
    ASSERT_EQ(pdf.exitCode, 0) << pdf.err.toStdString();
    QFile file(pdfPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readAll().startsWith("%PDF"));

    const QJsonObject paid = json({u"invoices"_s, u"pay"_s, id, u"bank-transfer-0042"_s}).object();
    EXPECT_EQ(paid.value(u"status"_s).toString(), u"paid"_s);
    EXPECT_EQ(json({u"invoices"_s, u"show"_s, id}).object().value(u"status"_s).toString(), u"paid"_s);
    // Lists say what holds now, not what the document said when it was issued.
    const QJsonObject listedPaid = invoicesOf(u"acme"_s).first().toObject();
    EXPECT_EQ(listedPaid.value(u"id"_s).toString(), id);
    EXPECT_EQ(listedPaid.value(u"status"_s).toString(), u"paid"_s);
    EXPECT_EQ(listedPaid.value(u"amount_due"_s).toString(), u"0.00"_s);
}

TEST_P(BillingCliTest, BadInputSaysWhyAndChangesNothing)
{
    json({u"tenants"_s, u"create"_s, u"acme"_s});
    json({u"subscriptions"_s, u"create"_s, u"acme"_s, u"--plan"_s, u"basic"_s, u"--no-trial"_s});
    const QJsonArray before = invoicesOf(u"acme"_s);

    const CliResult unknownPlan = run({u"subscriptions"_s, u"change"_s, u"acme"_s, u"--plan"_s, u"platinum"_s});
    EXPECT_EQ(unknownPlan.exitCode, 1);
    EXPECT_TRUE(unknownPlan.err.contains("plan-not-found")) << unknownPlan.err.toStdString();
    const CliResult badTiming = run({u"subscriptions"_s, u"change"_s, u"acme"_s, u"--plan"_s, u"pro"_s,
                                     u"--timing"_s, u"tomorrow"_s});
    EXPECT_EQ(badTiming.exitCode, 1);
    EXPECT_TRUE(badTiming.err.contains("invalid-change-timing")) << badTiming.err.toStdString();
    const CliResult noSuchInvoice = run({u"invoices"_s, u"void"_s, u"no-such-invoice"_s});
    EXPECT_EQ(noSuchInvoice.exitCode, 1);
    EXPECT_TRUE(noSuchInvoice.err.contains("invoice-not-found")) << noSuchInvoice.err.toStdString();

    EXPECT_EQ(json({u"subscriptions"_s, u"show"_s, u"acme"_s}).object().value(u"plan"_s).toString(), u"basic"_s);
    EXPECT_EQ(invoicesOf(u"acme"_s), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, BillingCliTest, ::testing::Values("sqlite", "postgres"), catalogName);

} // namespace
