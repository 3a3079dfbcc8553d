// `tenantry demo-data` as the screenshots script runs it: the real binary on an empty data
// directory (and on a real PostgreSQL catalog), then read back with the CLI.
#include "tests/support/clicatalogtest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class DemoDataTest : public CliCatalogTest
{
protected:
    QJsonArray list(const QStringList &arguments) { return json(arguments).array(); }
};

TEST_P(DemoDataTest, FillsAnEmptyCatalogWithAFleetInEveryStateAndRefusesAFullOne)
{
    const QString keys = m_dir.filePath(u"keys.txt"_s);
    const CliResult made = run({u"demo-data"_s, u"--tenants"_s, u"30"_s, u"--keys-file"_s, keys});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();

    const QJsonArray tenants = list({u"tenants"_s, u"list"_s});
    QHash<QString, int> statuses;
    QHash<QString, int> plans;
    for (const QJsonValue &t : tenants) {
        ++statuses[t[u"status"_s].toString()];
        ++plans[t[u"plan"_s].toString()];
    }
    EXPECT_EQ(tenants.size(), 31) << "30 and one waiting for activation";
    EXPECT_EQ(statuses.value(u"pending"_s), 1);
    EXPECT_EQ(statuses.value(u"deleted"_s), 1);
    EXPECT_GE(statuses.value(u"active"_s), 20);
    EXPECT_GE(plans.size(), 3) << "a mix of plans";

    // Every active tenant has its key in the file.
    QFile file(keys);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.size(), statuses.value(u"active"_s));
    EXPECT_TRUE(lines.first().contains(" tnt_"));

    // Months of billing: paid invoices and some still open.
    QHash<QString, int> invoiceStatuses;
    const QJsonArray invoices = list({u"invoices"_s, u"list"_s, u"--limit"_s, u"1000"_s});
    for (const QJsonValue &i : invoices)
        ++invoiceStatuses[i[u"status"_s].toString()];
    EXPECT_GE(invoices.size(), 30);
    EXPECT_GE(invoiceStatuses.value(u"paid"_s), 20);
    EXPECT_GE(invoiceStatuses.value(u"open"_s), 1);

    // Today's quota counters, as a server would have saved them.
    const QJsonArray usage = list({u"quotas"_s, u"list"_s});
    const bool someUse = std::any_of(usage.cbegin(), usage.cend(), [](const QJsonValue &u) {
        return u[u"name"_s].toString() == "api_calls_per_day"_L1 && u[u"used"_s].toDouble() > 0;
    });
    EXPECT_TRUE(someUse);

    const CliResult again = run({u"demo-data"_s});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains("catalog-not-empty")) << again.err.toStdString();
    EXPECT_EQ(list({u"tenants"_s, u"list"_s}).size(), 31) << "nothing added";
}

TEST_P(DemoDataTest, RejectsNonsenseArguments)
{
    EXPECT_EQ(run({u"demo-data"_s, u"--tenants"_s, u"0"_s}).exitCode, 2);
    EXPECT_EQ(run({u"demo-data"_s, u"--tenants"_s, u"many"_s}).exitCode, 2);
    EXPECT_EQ(run({u"demo-data"_s, u"--seed"_s, u"-1"_s}).exitCode, 2);
}

INSTANTIATE_TEST_SUITE_P(Catalogs, DemoDataTest, ::testing::Values("sqlite", "postgres"), catalogName);

} // namespace
