// `tenantry migrate` as an operator runs it: the real binary on a data directory (and, for
// the PostgreSQL case, a real catalog database) holding a few tenants.
#include "core/storage/ownerconnection.h"
#include "core/storage/spaceaddress.h"
#include "tests/support/clicatalogtest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class MigrateCliTest : public CliCatalogTest
{
protected:
    Tenant create(const QString &slug, const QString &isolation)
    {
        const CliResult r = run({u"tenants"_s, u"create"_s, slug, u"--isolation"_s, isolation, u"--json"_s});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        Tenant t;
        t.id = QJsonDocument::fromJson(r.out).object().value(u"id"_s).toString();
        t.slug = slug;
        t.isolation = isolation;
        return t;
    }

    // Runs statements in the tenant's space with the owner's rights, as a broken or
    // hand-repaired space would have them.
    void ownerExec(const Tenant &t, const QStringList &statements)
    {
        const SpaceNames names(isPostgres() ? Dialect::Postgres : Dialect::Sqlite, m_dataDir,
                               isPostgres() ? m_pg->name() : QString());
        const SpaceAddress space = names.locate(t).value();
        auto owner = space.isPostgres() ? OwnerConnection::postgres(DatabaseUrl::parse(m_pg->url()).value(), space.database)
                                        : OwnerConnection::sqlite(space.database, false);
        ASSERT_TRUE(owner.ok()) << owner.error().message.toStdString();
        for (QString sql : statements) {
            sql.replace(u"{schema}"_s, space.schema.isEmpty() ? QString() : space.schema + u'.');
            QSqlQuery q(owner->db());
            ASSERT_TRUE(q.exec(sql)) << sql.toStdString() << ": " << q.lastError().text().toStdString();
        }
    }

    // Empties the space completely, as if it had never been migrated.
    void wipe(const Tenant &t)
    {
        if (isPostgres()) {
            const SpaceNames names(Dialect::Postgres, m_dataDir, m_pg->name());
            ownerExec(t, {u"DROP SCHEMA %1 CASCADE"_s.arg(names.locate(t)->schema)});
            return;
        }
        const SpaceNames names(Dialect::Sqlite, m_dataDir, QString());
        auto owner = OwnerConnection::sqlite(names.locate(t)->database, false);
        ASSERT_TRUE(owner.ok()) << owner.error().message.toStdString();
        QStringList tables;
        QSqlQuery q(owner->db());
        ASSERT_TRUE(q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"_s));
        while (q.next())
            tables.append(q.value(0).toString());
        q.finish();
        ASSERT_FALSE(tables.isEmpty());
        for (const QString &table : std::as_const(tables))
            ASSERT_TRUE(q.exec(u"DROP TABLE "_s + table)) << q.lastError().text().toStdString();
    }
};

TEST_P(MigrateCliTest, MigratesReportsFailuresAndResumes)
{
    create(u"acme"_s, u"shared"_s);
    create(u"globex"_s, u"shared"_s);
    const Tenant initech = create(u"initech"_s, u"database"_s);
    create(u"umbrella"_s, u"database"_s);

    // Fresh spaces come from an up-to-date template: nothing to do.
    const CliResult current = run({u"migrate"_s, u"--all"_s});
    EXPECT_EQ(current.exitCode, 0) << current.err.toStdString();
    const QString currentErr = QString::fromUtf8(current.err);
    EXPECT_TRUE(currentErr.contains(QRegularExpression(u"\\[1/3\\] \\(shared space\\) +up to date at \\d+ +\\d+ ms"_s)))
        << current.err.toStdString();
    EXPECT_TRUE(currentErr.contains(QRegularExpression(u"\\[\\d/3\\] initech +up to date"_s))) << current.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(current.out).contains(u"3 data spaces of 4 tenants: 0 migrated, 3 already up to date, 0 failed"_s))
        << current.out.toStdString();
    EXPECT_TRUE(current.out.contains("Every data space is at version")) << current.out.toStdString();

    // initech's space claims version 0 while holding the tables: its first migration fails
    // on a table that already exists.
    ownerExec(initech, {u"DELETE FROM {schema}data_migrations"_s});
    const CliResult status = run({u"migrate"_s, u"--status"_s});
    EXPECT_EQ(status.exitCode, 1) << status.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(status.out).contains(QRegularExpression(u"Behind \\(1\\):\\n  initech +database +version 0"_s)))
        << status.out.toStdString();

    const CliResult broken = run({u"migrate"_s, u"--all"_s, u"--concurrency"_s, u"2"_s});
    EXPECT_EQ(broken.exitCode, 1) << broken.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(broken.err).contains(QRegularExpression(u"\\[\\d/3\\] initech +FAILED: .*already exists"_s)))
        << broken.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(broken.err).contains(QRegularExpression(u"\\[\\d/3\\] umbrella +up to date"_s)))
        << broken.err.toStdString();
    const QString brokenOut = QString::fromUtf8(broken.out);
    EXPECT_TRUE(brokenOut.contains(u"1 failed"_s)) << broken.out.toStdString();
    EXPECT_TRUE(brokenOut.contains(QRegularExpression(u"Failed \\(each keeps the version it had\\):\\n  initech +database +.*already exists.*\\(database-error\\)"_s)))
        << broken.out.toStdString();

    // Repaired by emptying it: the re-run migrates initech from scratch and skips the rest.
    wipe(initech);
    const CliResult resumed = run({u"migrate"_s, u"--all"_s});
    EXPECT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(resumed.err).contains(QRegularExpression(u"\\[\\d/3\\] initech +migrated 0 → \\d+ +\\d+ ms"_s)))
        << resumed.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(resumed.out).contains(u"1 migrated, 2 already up to date, 0 failed, 0 not started"_s))
        << resumed.out.toStdString();

    const CliResult one = run({u"migrate"_s, u"--tenant"_s, u"initech"_s});
    EXPECT_EQ(one.exitCode, 0) << one.err.toStdString();
    EXPECT_TRUE(one.err.contains("[1/1] initech")) << one.err.toStdString();
    const CliResult done = run({u"migrate"_s, u"--status"_s});
    EXPECT_EQ(done.exitCode, 0) << done.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(done.out).contains(QRegularExpression(u"shared +1  \\d+: 1   \\(holds 2 tenants\\)"_s)))
        << done.out.toStdString();
    EXPECT_TRUE(QString::fromUtf8(done.out).contains(QRegularExpression(u"database +2  \\d+: 2\\n"_s))) << done.out.toStdString();
}

TEST_P(MigrateCliTest, RefusesBadUsage)
{
    EXPECT_EQ(run({u"migrate"_s}).exitCode, 2);
    EXPECT_EQ(run({u"migrate"_s, u"--all"_s, u"--status"_s}).exitCode, 2);
    EXPECT_EQ(run({u"migrate"_s, u"--all"_s, u"--concurrency"_s, u"0"_s}).exitCode, 2);
    EXPECT_EQ(run({u"migrate"_s, u"--all"_s, u"--concurrency"_s, u"65"_s}).exitCode, 2);
    EXPECT_EQ(run({u"migrate"_s, u"--all"_s, u"--concurrency"_s, u"four"_s}).exitCode, 2);
    EXPECT_EQ(run({u"migrate"_s, u"extra"_s, u"--all"_s}).exitCode, 2);
    const CliResult missing = run({u"migrate"_s, u"--tenant"_s, u"nosuch"_s});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains("tenant-not-found")) << missing.err.toStdString();
    const CliResult help = runCli({u"migrate"_s, u"--help"_s});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("--concurrency")) << help.out.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrateCliTest, ::testing::Values("sqlite", "postgres"), catalogName);

} // namespace
