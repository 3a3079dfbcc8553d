// Usage metering end to end, on SQLite and on PostgreSQL: traffic through the real
// `tenantry serve` reaches the catalog's hourly rollup, and the usage reports of the admin
// API, the tenant API and the CLI show it — each tenant only its own.
#include "tests/support/csvreader.h"
#include "tests/support/pgtestdb.h"
#include "tests/support/rawhttp.h"
#include "tests/support/serverprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "usage-e2e-admin-token-0123456789";

#define EXPECT_PROBLEM(response, wantStatus, wantCode)                                                \
    do {                                                                                               \
        const RawResponse &r_ = (response);                                                            \
        EXPECT_EQ(r_.status, wantStatus) << r_.body.toStdString();                                     \
        EXPECT_EQ(r_.header("Content-Type"), QByteArray("application/problem+json"));                 \
        EXPECT_EQ(r_.problemCode().toStdString(), wantCode) << r_.body.toStdString();                 \
    } while (0)

class UsageServeTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_args = QStringList{u"--data-dir"_s, m_dir.filePath(u"data"_s)};
        if (GetParam() == "postgres") {
            m_pg = PgTestDatabase::create();
            TENANTRY_REQUIRE_PG(m_pg);
            m_args << u"--database"_s << m_pg->url();
        }
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(u"TENANTRY_ADMIN_TOKEN"_s, QString::fromLatin1(kAdminToken));
        // No display, and a platform that would need one: serve must render PDFs anyway.
        m_env.remove(u"DISPLAY"_s);
        m_env.remove(u"WAYLAND_DISPLAY"_s);
        m_env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
        // The report period: around today (UTC), so the test does not care when it runs.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        m_from = today.addDays(-1).toString(Qt::ISODate).toLatin1();
        m_to = today.addDays(2).toString(Qt::ISODate).toLatin1();
    }

    void startServer(const QString &flushInterval)
    {
        QString error;
        m_server = ServerProcess::start(m_args + QStringList{u"--identify"_s, u"path,header"_s,
                                                             u"--usage-flush-interval"_s, flushInterval},
                                        m_env, &error);
        ASSERT_TRUE(m_server) << error.toStdString();
    }

    RawResponse admin(const QByteArray &target)
    {
        return sendRequest(m_server->port(), "GET", target, {{"Authorization", "Bearer " + kAdminToken}});
    }

    QByteArray createTenant(const QString &slug, const QString &name)
    {
        const RawResponse r = sendRequest(m_server->port(), "POST", "/admin/v1/tenants",
                                          {{"Authorization", "Bearer " + kAdminToken}},
                                          QJsonDocument(QJsonObject{{u"slug"_s, slug}, {u"display_name"_s, name}}).toJson());
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.json().value(u"api_key"_s).toString().toLatin1();
    }

    // Stores one record for the tenant through the operator's entity routes (admin calls are
    // not the tenant's traffic), so the tenant has storage to report.
    void storeRecord(const QByteArray &slug)
    {
        const RawHeaders auth{{"Authorization", "Bearer " + kAdminToken}};
        const QJsonObject entity{{u"name"_s, u"notes"_s},
                                 {u"fields"_s, QJsonArray{QJsonObject{{u"name"_s, u"text"_s}, {u"type"_s, u"string"_s}}}}};
        EXPECT_EQ(sendRequest(m_server->port(), "POST", "/admin/v1/tenants/" + slug + "/entities", auth,
                              QJsonDocument(entity).toJson()).status, 201);
        EXPECT_EQ(sendRequest(m_server->port(), "POST", "/admin/v1/tenants/" + slug + "/entities/notes/records", auth,
                              QJsonDocument(QJsonObject{{u"text"_s, u"a note worth some bytes"_s}}).toJson()).status,
                  201);
    }

    RawResponse asTenant(const QByteArray &slug, const QByteArray &key, const QByteArray &target,
                         const QByteArray &body = {})
    {
        return sendRequest(m_server->port(), "GET", target, {{"X-Tenant-ID", slug}, {"X-API-Key", key}}, body);
    }

    QByteArray period() const { return "from=" + m_from + "&to=" + m_to; }

    // The admin report's row for `slug` once the server has flushed at least `requests`
    // requests of that tenant (flushes run every second in these tests).
    QJsonObject waitForRow(const QString &slug, qint64 requests)
    {
        QElapsedTimer timer;
        timer.start();
        QJsonObject found;
        while (timer.elapsed() < 15000) {
            const RawResponse r = admin("/admin/v1/reports/usage?" + period());
            EXPECT_EQ(r.status, 200) << r.body.toStdString();
            for (const QJsonValue &row : r.json().value(u"tenants"_s).toArray()) {
                if (row.toObject().value(u"slug"_s).toString() == slug)
                    found = row.toObject();
            }
            if (found.value(u"requests"_s).toInteger() >= requests)
                return found;
            QThread::msleep(200);
        }
        ADD_FAILURE() << "the usage of " << slug.toStdString() << " never reached " << requests << " requests";
        return found;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<PgTestDatabase> m_pg;
    QStringList m_args;
    QProcessEnvironment m_env;
    std::unique_ptr<ServerProcess> m_server;
    QByteArray m_from, m_to;
};

TEST_P(UsageServeTest, ReportsShowEachTenantsTrafficAndOnlyItsOwn)
{
    startServer(u"1"_s);
    const QByteArray acmeKey = createTenant(u"acme"_s, u"Acme Inc."_s);
    const QByteArray globexKey = createTenant(u"globex"_s, u"环球科技"_s);
    storeRecord("acme");
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(asTenant("acme", acmeKey, "/api/v1/me").status, 200);
    ASSERT_EQ(asTenant("acme", acmeKey, "/api/v1/me", "12345").status, 200); // a 5-byte body
    ASSERT_EQ(asTenant("acme", "tnt_not-a-real-key-of-anyone-0000000000000000", "/api/v1/me").status, 401);
    ASSERT_EQ(asTenant("globex", globexKey, "/api/v1/me").status, 200);
    ASSERT_EQ(asTenant("globex", globexKey, "/api/v1/me").status, 200);

    const QJsonObject acme = waitForRow(u"acme"_s, 7);
    EXPECT_EQ(acme.value(u"requests"_s).toInteger(), 7);
    EXPECT_EQ(acme.value(u"client_errors"_s).toInteger(), 1);
    EXPECT_EQ(acme.value(u"auth_failures"_s).toInteger(), 1);
    EXPECT_EQ(acme.value(u"bytes_in"_s).toInteger(), 5);
    EXPECT_GT(acme.value(u"bytes_out"_s).toInteger(), 6 * 100);
    EXPECT_GT(acme.value(u"storage_bytes"_s).toObject().value(u"peak"_s).toInteger(), 20); // its record
    EXPECT_GT(acme.value(u"latency_ms"_s).toObject().value(u"p99"_s).toDouble(), 0.0);
    const QJsonObject globex = waitForRow(u"globex"_s, 2);
    EXPECT_EQ(globex.value(u"requests"_s).toInteger(), 2);
    EXPECT_EQ(globex.value(u"name"_s).toString(), u"环球科技"_s);

    // One tenant through the admin API, as CSV and PDF downloads.
    const RawResponse csv = admin("/admin/v1/tenants/acme/reports/usage?format=csv&" + period());
    ASSERT_EQ(csv.status, 200) << csv.body.toStdString();
    EXPECT_EQ(csv.header("Content-Type"), QByteArray("text/csv; charset=utf-8"));
    EXPECT_EQ(csv.header("Content-Disposition"), "attachment; filename=\"usage-acme-" + m_from + '-' + m_to + ".csv\"");
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.body));
    ASSERT_EQ(rows.size(), 1 + 3 + 1); // header, three days, totals
    EXPECT_EQ(rows.last().at(0), u"total"_s);
    EXPECT_EQ(rows.last().at(3), u"7"_s);
    const RawResponse pdf = admin("/admin/v1/reports/usage?format=pdf&" + period());
    ASSERT_EQ(pdf.status, 200) << pdf.body.left(300).toStdString();
    EXPECT_EQ(pdf.header("Content-Type"), QByteArray("application/pdf"));
    EXPECT_EQ(pdf.header("Content-Disposition"),
              "attachment; filename=\"usage-all-tenants-" + m_from + '-' + m_to + ".pdf\"");
    EXPECT_TRUE(pdf.body.startsWith("%PDF-"));
    EXPECT_PROBLEM(admin("/admin/v1/tenants/nobody/reports/usage?" + period()), 404, "tenant-not-found");

    // A tenant reads its own report, whatever the request names.
    const QByteArray globexId = globex.value(u"tenant_id"_s).toString().toLatin1();
    for (const QByteArray &extra : {QByteArray(), QByteArray("&tenant=globex"), QByteArray("&slug=globex"),
                                    QByteArray("&tenant_id=" + globexId)}) {
        const RawResponse own = asTenant("acme", acmeKey, "/api/v1/reports/usage?" + period() + extra);
        ASSERT_EQ(own.status, 200) << own.body.toStdString();
        EXPECT_EQ(own.json().value(u"tenant"_s).toObject().value(u"slug"_s).toString(), u"acme"_s);
        EXPECT_FALSE(own.body.contains("globex")) << own.body.toStdString();
        EXPECT_FALSE(own.body.contains(globexId));
        EXPECT_GE(own.json().value(u"totals"_s).toObject().value(u"requests"_s).toInteger(), 7);
    }
    const RawResponse ownCsv = asTenant("acme", acmeKey, "/api/v1/reports/usage?format=csv&" + period());
    EXPECT_TRUE(ownCsv.header("Content-Disposition").contains("usage-acme-"));
    // ... and cannot reach another's by naming it.
    EXPECT_PROBLEM(asTenant("globex", acmeKey, "/api/v1/reports/usage?" + period()), 401, "invalid-api-key");
    EXPECT_PROBLEM(sendRequest(m_server->port(), "GET", "/t/globex/api/v1/reports/usage?" + period(),
                               {{"X-API-Key", acmeKey}}),
                   401, "invalid-api-key");
    EXPECT_PROBLEM(sendRequest(m_server->port(), "GET", "/admin/v1/tenants/globex/reports/usage?" + period(),
                               {{"Authorization", "Bearer " + acmeKey}}),
                   401, "admin-authentication-required");
    EXPECT_PROBLEM(sendRequest(m_server->port(), "GET", "/admin/v1/reports/usage?" + period(), {{"X-API-Key", acmeKey}}),
                   401, "admin-authentication-required");
}

TEST_P(UsageServeTest, BadPeriodsAndFormatsAreNamedFieldByField)
{
    startServer(u"60"_s);
    const QByteArray key = createTenant(u"acme"_s, u"Acme"_s);
    const auto fieldsOf = [](const RawResponse &r) {
        QStringList fields;
        for (const QJsonValue &e : r.json().value(u"errors"_s).toArray())
            fields.append(e.toObject().value(u"field"_s).toString());
        return fields;
    };
    const struct {
        QByteArray query;
        QStringList fields;
    } cases[] = {
        {"to=2026-04-01", {u"from"_s}},
        {"from=2026-04-01&to=2026-03-01", {u"to"_s}},
        {"from=2026-03-01&to=2026-03-01", {u"to"_s}},
        {"from=2025-01-01&to=2026-03-01", {u"to"_s}},
        {"from=2026-03-01T10:30:00Z&to=2026-03-02", {u"from"_s}},
        {"from=march&to=2026-03-02", {u"from"_s}},
        {"from=2026-03-01&to=2026-03-02&format=xml", {u"format"_s}},
        {"from=x&to=y&format=xls", {u"from"_s, u"to"_s, u"format"_s}},
    };
    for (const auto &c : cases) {
        for (const QByteArray &path : {QByteArray("/admin/v1/reports/usage?"), QByteArray("/admin/v1/tenants/acme/reports/usage?")}) {
            const RawResponse r = admin(path + c.query);
            EXPECT_PROBLEM(r, 400, "invalid-query");
            EXPECT_EQ(fieldsOf(r), c.fields) << QByteArray(path + c.query).toStdString();
        }
        const RawResponse own = asTenant("acme", key, "/api/v1/reports/usage?" + c.query);
        EXPECT_PROBLEM(own, 400, "invalid-query");
        EXPECT_EQ(fieldsOf(own), c.fields) << c.query.toStdString();
    }
}

TEST_P(UsageServeTest, TheLastTrafficIsFlushedAtShutdownAndTheCliReportsIt)
{
    startServer(u"3600"_s); // no timed flush during the test: only the one at shutdown
    const QByteArray key = createTenant(u"acme"_s, u"Acme Inc."_s);
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(asTenant("acme", key, "/api/v1/me").status, 200);
    ASSERT_EQ(m_server->stop(), 0) << m_server->output().toStdString();

    QProcessEnvironment cliEnv = m_env;
    const QStringList base = m_args + QStringList{u"--from"_s, QString::fromLatin1(m_from), u"--to"_s,
                                                  QString::fromLatin1(m_to)};
    const CliResult json = runCli(QStringList{u"report"_s, u"usage"_s, u"--tenant"_s, u"acme"_s} + base, cliEnv);
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    EXPECT_EQ(report.value(u"report"_s).toString(), u"tenant"_s);
    EXPECT_EQ(report.value(u"totals"_s).toObject().value(u"requests"_s).toInteger(), 3);
    EXPECT_EQ(report.value(u"days"_s).toArray().size(), 3);
    EXPECT_FALSE(json.err.contains("XDG_RUNTIME_DIR")) << json.err.toStdString();

    const CliResult csv = runCli(QStringList{u"report"_s, u"usage"_s, u"--format"_s, u"csv"_s} + base, cliEnv);
    ASSERT_EQ(csv.exitCode, 0) << csv.err.toStdString();
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.out));
    ASSERT_EQ(rows.size(), 3); // header, acme, totals
    EXPECT_EQ(rows[1][2], u"acme"_s);
    EXPECT_EQ(rows[1][5], u"3"_s);

    EXPECT_EQ(runCli(QStringList{u"report"_s, u"usage"_s, u"--format"_s, u"pdf"_s} + base, cliEnv).exitCode, 2);
    const QString pdfPath = m_dir.filePath(u"usage.pdf"_s);
    const CliResult pdf = runCli(QStringList{u"report"_s, u"usage"_s, u"--format"_s, u"pdf"_s, u"--output"_s, pdfPath}
                                     + base,
                                 cliEnv);
    ASSERT_EQ(pdf.exitCode, 0) << pdf.err.toStdString();
    QFile file(pdfPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.readAll().startsWith("%PDF-"));

    const CliResult reversed = runCli(QStringList{u"report"_s, u"usage"_s, u"--from"_s, QString::fromLatin1(m_to),
                                                  u"--to"_s, QString::fromLatin1(m_from)} + m_args,
                                      cliEnv);
    EXPECT_EQ(reversed.exitCode, 1);
    EXPECT_TRUE(reversed.err.contains("invalid-report-period")) << reversed.err.toStdString();
    const CliResult unknown = runCli(QStringList{u"report"_s, u"usage"_s, u"--tenant"_s, u"nobody"_s} + base, cliEnv);
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains("tenant-not-found")) << unknown.err.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Backends, UsageServeTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto &info) { return info.param; });

} // namespace
