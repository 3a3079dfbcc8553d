#include "core/report/usagereport.h"

#include "core/observe/usagerecorder.h"
#include "core/report/usagereportcsv.h"
#include "core/report/usagereportjson.h"
#include "tests/integration/storage/catalogfixture.h"
#include "tests/support/csvreader.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <map>

using namespace Tenantry;
using namespace Tenantry::Observe;
using namespace Tenantry::Report;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;
using std::chrono::microseconds;

namespace {

// Storage figures chosen by the test, so the report's storage arithmetic can be checked exactly.
class FixedDataSpace final : public Storage::DataSpace
{
public:
    Status create(const Tenant &) override { return {}; }
    Status destroy(const Tenant &) override { return {}; }
    Result<qint64> usedBytes(const Tenant &tenant) const override { return sizes.value(tenant.id, 0); }
    QHash<QString, qint64> sizes;
};

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
}

// Real tenants and the recorder writing real rollup rows over four days of March 2026:
//   03-01 12:00  acme 10 ok, globex 3 ok        storage acme 1000, globex 500
//   03-01 14:30  acme 5 server errors           storage acme 3000
//   03-02 09:00  acme 7 not found, globex 1 401 storage acme 2000
//   03-04 18:00  evil 2 ok                      storage as before
// "idle" never serves anything and has no storage. Each tenant's latencies are mirrored
// in a LatencyHistogram to check the report's percentiles against.
class UsageReportTest : public CatalogFixture
{
protected:
    void SetUp() override
    {
        CatalogFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_acme = mustCreate(u"acme"_s).tenant.id;
        m_globex = mustCreate(u"globex"_s).tenant.id;
        m_idle = mustCreate(u"idle"_s).tenant.id;
        m_evil = mustCreate(u"evil"_s).tenant.id;
        ASSERT_TRUE(m_service->updateConfig(m_actor, u"globex"_s, {{u"display_name"_s, u"环球科技有限公司"_s}}).ok());
        ASSERT_TRUE(m_service->updateConfig(m_actor, u"evil"_s, {{u"display_name"_s, u"=HYPERLINK(\"http://x\")"_s}}).ok());
        m_recorder = std::make_unique<UsageRecorder>(*m_catalog, m_metrics, m_directory, m_space, m_clock);
        m_reporter = std::make_unique<UsageReporter>(*m_catalog, m_clock);

        m_clock.set(at(1, 12));
        m_space.sizes = {{m_acme, 1000}, {m_globex, 500}};
        serve(m_acme, 10, 200, {100, 250, 900, 1200, 4000, 8000, 15000, 40000, 90000, 700000});
        serve(m_globex, 3, 200, {60, 60, 60});
        flush();
        m_clock.set(at(1, 14, 30));
        m_space.sizes[m_acme] = 3000;
        serve(m_acme, 5, 500, {3'000'000, 12000, 12000, 12000, 45'000'000});
        flush();
        m_clock.set(at(2, 9));
        m_space.sizes[m_acme] = 2000;
        serve(m_acme, 7, 404, {300, 300, 300, 300, 300, 300, 300});
        serve(m_globex, 1, 401, {40});
        flush();
        m_clock.set(at(4, 18));
        serve(m_evil, 2, 200, {5000, 5000});
        flush();
        m_clock.set(at(10, 8)); // "now", when the reports are generated
    }

    void TearDown() override
    {
        m_reporter.reset();
        m_recorder.reset();
        CatalogFixture::TearDown();
    }

    void serve(const QString &tenant, int n, int status, std::initializer_list<qint64> latenciesUs)
    {
        ASSERT_EQ(qsizetype(latenciesUs.size()), n);
        for (qint64 us : latenciesUs) {
            m_metrics.record(tenant, status, microseconds(us), 10, 100);
            m_histograms[tenant].record(microseconds(us));
            m_all.record(microseconds(us));
        }
    }

    void flush()
    {
        auto flushed = m_recorder->flush();
        ASSERT_TRUE(flushed.ok()) << flushed.error().message.toStdString();
    }

    UsageReport mustReport(const Result<UsageReport> &report)
    {
        EXPECT_TRUE(report.ok()) << report.error().message.toStdString();
        return report.ok() ? report.value() : UsageReport{};
    }

    UsageReport acmeReport() { return mustReport(m_reporter->tenantReport(m_acme, {at(1, 0), at(5, 0)})); }
    UsageReport everyone() { return mustReport(m_reporter->allTenantsReport({at(1, 0), at(5, 0)})); }

    static void expectPercentilesOf(const UsageFigures &figures, const LatencyHistogram &histogram)
    {
        for (double q : {0.0, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0})
            EXPECT_EQ(figures.latencyPercentile(q), histogram.percentile(q)) << "quantile " << q;
        EXPECT_EQ(figures.latencySumUs, histogram.sumUs());
    }

    FixedDataSpace m_space;
    RequestMetrics m_metrics;
    std::unique_ptr<UsageRecorder> m_recorder;
    std::unique_ptr<UsageReporter> m_reporter;
    QString m_acme, m_globex, m_idle, m_evil;
    std::map<QString, LatencyHistogram> m_histograms; // not QHash: a histogram cannot move
    LatencyHistogram m_all;
};

TEST_P(UsageReportTest, ATenantsReportHasADayPerRowAndTotalsThatAddUp)
{
    const UsageReport r = acmeReport();
    ASSERT_TRUE(r.tenant);
    EXPECT_EQ(r.tenant->slug, u"acme"_s);
    EXPECT_EQ(r.tenant->name, u"acme Inc."_s);
    EXPECT_EQ(r.tenant->status, u"active"_s);
    EXPECT_EQ(r.generatedAt, at(10, 8));
    ASSERT_EQ(r.rows.size(), 4); // every day of the period, with usage or not
    EXPECT_EQ(r.rows[0].day, QDate(2026, 3, 1));
    EXPECT_EQ(r.rows[3].day, QDate(2026, 3, 4));

    const UsageFigures &first = r.rows[0].figures;
    EXPECT_EQ(first.requests, 15);
    EXPECT_EQ(first.serverErrors, 5);
    EXPECT_EQ(first.clientErrors, 0);
    EXPECT_EQ(first.bytesIn, 150);
    EXPECT_EQ(first.bytesOut, 1500);
    EXPECT_EQ(first.storagePeakBytes, 3000);
    EXPECT_EQ(first.storageLatestBytes, 3000);
    const UsageFigures &second = r.rows[1].figures;
    EXPECT_EQ(second.requests, 7);
    EXPECT_EQ(second.clientErrors, 7);
    EXPECT_EQ(second.authFailures, 0);
    EXPECT_DOUBLE_EQ(second.errorRate(), 1.0);
    EXPECT_EQ(second.storagePeakBytes, 2000);
    EXPECT_EQ(r.rows[2].figures.requests, 0);
    EXPECT_FALSE(r.rows[2].figures.storagePeakBytes); // nothing sampled that day
    EXPECT_EQ(r.rows[3].figures.storageLatestBytes, 2000); // sampled with evil's flush

    // Totals are the rows added up; nothing of globex's traffic is in acme's report.
    UsageFigures sum;
    for (const UsageRow &row : r.rows)
        sum.addTraffic(row.figures);
    EXPECT_EQ(r.totals.requests, sum.requests);
    EXPECT_EQ(r.totals.requests, 22);
    EXPECT_EQ(r.totals.clientErrors, 7);
    EXPECT_EQ(r.totals.serverErrors, 5);
    EXPECT_EQ(r.totals.latency, sum.latency);
    EXPECT_NEAR(r.totals.errorRate(), 12.0 / 22.0, 1e-12);
    EXPECT_EQ(r.totals.storagePeakBytes, 3000);
    EXPECT_EQ(r.totals.storageLatestBytes, 2000);
    expectPercentilesOf(r.totals, m_histograms[m_acme]);
    EXPECT_EQ(r.totals.latencyMean(), microseconds(m_histograms[m_acme].sumUs() / 22));
}

TEST_P(UsageReportTest, HourAlignedPeriodsCountOnlyTheirHours)
{
    const UsageReport r = mustReport(m_reporter->tenantReport(m_acme, {at(1, 13), at(2, 0)}));
    ASSERT_EQ(r.rows.size(), 1);
    EXPECT_EQ(r.totals.requests, 5); // the 14:00 hour only
    EXPECT_EQ(r.totals.serverErrors, 5);
    EXPECT_EQ(usageReportFileName(r, u"pdf"_s), u"usage-acme-2026-03-01T1300Z-2026-03-02.pdf"_s);
    const UsageReport later = mustReport(m_reporter->tenantReport(m_acme, {at(2, 10), at(3, 5)}));
    ASSERT_EQ(later.rows.size(), 2); // 03-02 and 03-03
    EXPECT_EQ(later.totals.requests, 0);
}

TEST_P(UsageReportTest, TheReportOfAllTenantsHasARowPerTenantWithUsage)
{
    const UsageReport r = everyone();
    EXPECT_TRUE(r.isAllTenants());
    ASSERT_EQ(r.rows.size(), 3); // idle had no usage at all
    EXPECT_EQ(r.rows[0].tenant.slug, u"acme"_s);
    EXPECT_EQ(r.rows[1].tenant.slug, u"evil"_s);
    EXPECT_EQ(r.rows[2].tenant.slug, u"globex"_s);
    EXPECT_EQ(r.rows[2].tenant.name, u"环球科技有限公司"_s);
    EXPECT_EQ(r.rows[2].tenant.id, m_globex);

    const UsageFigures &acme = r.rows[0].figures;
    EXPECT_EQ(acme.requests, 22);
    expectPercentilesOf(acme, m_histograms[m_acme]);
    EXPECT_EQ(acme.storagePeakBytes, 3000);
    EXPECT_EQ(acme.storageLatestBytes, 2000);
    const UsageFigures &globex = r.rows[2].figures;
    EXPECT_EQ(globex.requests, 4);
    EXPECT_EQ(globex.authFailures, 1);
    EXPECT_EQ(globex.storageLatestBytes, 500);
    EXPECT_FALSE(r.rows[1].figures.storagePeakBytes);

    UsageFigures sum;
    for (const UsageRow &row : r.rows)
        sum.addTraffic(row.figures);
    EXPECT_EQ(r.totals.requests, sum.requests);
    EXPECT_EQ(r.totals.requests, 28);
    EXPECT_EQ(r.totals.clientErrors, sum.clientErrors);
    EXPECT_EQ(r.totals.serverErrors, sum.serverErrors);
    EXPECT_EQ(r.totals.authFailures, 1);
    EXPECT_EQ(r.totals.bytesIn, 280);
    EXPECT_EQ(r.totals.bytesOut, 2800);
    EXPECT_EQ(r.totals.latency, sum.latency);
    expectPercentilesOf(r.totals, m_all);
    // Storage: the latest samples added up, and the fullest hour (03-01 14:00: 3000 + 500).
    EXPECT_EQ(r.totals.storageLatestBytes, 2500);
    EXPECT_EQ(r.totals.storagePeakBytes, 3500);

    // Gone tenants stay in the reports of the time they had usage.
    ASSERT_TRUE(m_service->apply(m_actor, u"globex"_s, LifecycleAction::Delete).ok());
    const UsageReport afterDelete = everyone();
    ASSERT_EQ(afterDelete.rows.size(), 3);
    EXPECT_EQ(afterDelete.rows[2].tenant.status, u"deleted"_s);
    EXPECT_EQ(afterDelete.totals.requests, 28);

    const UsageReport quiet = mustReport(m_reporter->allTenantsReport({at(5, 0), at(6, 0)}));
    EXPECT_TRUE(quiet.rows.isEmpty());
    EXPECT_EQ(quiet.totals.requests, 0);
    EXPECT_FALSE(quiet.totals.storagePeakBytes);
}

TEST_P(UsageReportTest, AnUnknownTenantHasNoReport)
{
    const auto r = m_reporter->tenantReport(u"no-such-id"_s, {at(1, 0), at(2, 0)});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, u"tenant-not-found"_s);
}

TEST_P(UsageReportTest, JsonCarriesEveryFigure)
{
    const QJsonObject tenant = usageReportToJson(acmeReport());
    EXPECT_EQ(tenant.value(u"report"_s).toString(), u"tenant"_s);
    EXPECT_EQ(tenant.value(u"from"_s).toString(), u"2026-03-01T00:00:00Z"_s);
    EXPECT_EQ(tenant.value(u"to"_s).toString(), u"2026-03-05T00:00:00Z"_s);
    EXPECT_EQ(tenant.value(u"generated_at"_s).toString(), u"2026-03-10T08:00:00Z"_s);
    EXPECT_EQ(tenant.value(u"tenant"_s).toObject().value(u"slug"_s).toString(), u"acme"_s);
    EXPECT_FALSE(tenant.contains(u"tenants"_s));
    const QJsonArray days = tenant.value(u"days"_s).toArray();
    ASSERT_EQ(days.size(), 4);
    const QJsonObject first = days.at(0).toObject();
    EXPECT_EQ(first.value(u"date"_s).toString(), u"2026-03-01"_s);
    EXPECT_EQ(first.value(u"requests"_s).toInteger(), 15);
    EXPECT_EQ(first.value(u"server_errors"_s).toInteger(), 5);
    EXPECT_DOUBLE_EQ(first.value(u"error_rate"_s).toDouble(), 5.0 / 15.0);
    EXPECT_EQ(first.value(u"bytes_in"_s).toInteger(), 150);
    EXPECT_EQ(first.value(u"bytes_out"_s).toInteger(), 1500);
    EXPECT_EQ(first.value(u"storage_bytes"_s).toObject().value(u"peak"_s).toInteger(), 3000);
    for (const char *key : {"mean", "p50", "p95", "p99"})
        EXPECT_TRUE(first.value(u"latency_ms"_s).toObject().value(QLatin1StringView(key)).isDouble()) << key;
    EXPECT_TRUE(days.at(2).toObject().value(u"storage_bytes"_s).toObject().value(u"latest"_s).isNull());
    EXPECT_EQ(tenant.value(u"totals"_s).toObject().value(u"requests"_s).toInteger(), 22);

    const QJsonObject all = usageReportToJson(everyone());
    EXPECT_EQ(all.value(u"report"_s).toString(), u"all-tenants"_s);
    EXPECT_FALSE(all.contains(u"tenant"_s));
    const QJsonArray tenants = all.value(u"tenants"_s).toArray();
    ASSERT_EQ(tenants.size(), 3);
    EXPECT_EQ(tenants.at(2).toObject().value(u"name"_s).toString(), u"环球科技有限公司"_s);
    EXPECT_EQ(tenants.at(2).toObject().value(u"tenant_id"_s).toString(), m_globex);
    EXPECT_EQ(all.value(u"totals"_s).toObject().value(u"storage_bytes"_s).toObject().value(u"peak"_s).toInteger(), 3500);
}

TEST_P(UsageReportTest, CsvIsOneTableWithATotalsRowAndNoFormulas)
{
    const QByteArray raw = usageReportToCsv(everyone());
    EXPECT_TRUE(raw.startsWith("row_type,tenant_id,slug,name,status,requests,client_errors,server_errors,error_rate,"
                               "auth_failures,bytes_in,bytes_out,storage_peak_bytes,storage_latest_bytes,"
                               "latency_mean_ms,latency_p50_ms,latency_p95_ms,latency_p99_ms\r\n"))
        << raw.toStdString();
    EXPECT_TRUE(raw.endsWith("\r\n"));
    EXPECT_EQ(raw.count("\r\n"), 1 + 3 + 1);
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(raw));
    ASSERT_EQ(rows.size(), 5);
    for (const QStringList &row : rows)
        EXPECT_EQ(row.size(), 18);
    EXPECT_EQ(rows[1][0], u"tenant"_s);
    EXPECT_EQ(rows[1][2], u"acme"_s);
    EXPECT_EQ(rows[1][5], u"22"_s);
    EXPECT_EQ(rows[2][3], u"'=HYPERLINK(\"http://x\")"_s); // neutralised, not evaluated
    EXPECT_EQ(rows[2][12], QString());                     // evil: no storage sample
    EXPECT_EQ(rows[3][3], u"环球科技有限公司"_s);
    EXPECT_EQ(rows[4][0], u"total"_s);
    EXPECT_EQ(rows[4][5], u"28"_s);
    EXPECT_EQ(rows[4][12], u"3500"_s);
    EXPECT_EQ(rows[4][13], u"2500"_s);

    const QList<QStringList> days = parseCsv(QString::fromUtf8(usageReportToCsv(acmeReport())));
    ASSERT_EQ(days.size(), 1 + 4 + 1);
    EXPECT_EQ(days[0].mid(0, 4), (QStringList{u"row_type"_s, u"slug"_s, u"date"_s, u"requests"_s}));
    EXPECT_EQ(days[1], (QStringList{u"day"_s, u"acme"_s, u"2026-03-01"_s, u"15"_s, u"0"_s, u"5"_s, u"0.333333"_s,
                                    u"0"_s, u"150"_s, u"1500"_s, u"3000"_s, u"3000"_s})
                           + days[1].mid(12));
    EXPECT_EQ(days[5][0], u"total"_s);
    EXPECT_EQ(days[5][2], QString());
    EXPECT_EQ(days[5][3], u"22"_s);
    EXPECT_EQ(usageReportFileName(acmeReport(), u"csv"_s), u"usage-acme-2026-03-01-2026-03-05.csv"_s);
    EXPECT_EQ(usageReportFileName(everyone(), u"csv"_s), u"usage-all-tenants-2026-03-01-2026-03-05.csv"_s);
}

INSTANTIATE_TEST_SUITE_P(Backends, UsageReportTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
