#pragma once

#include "tests/support/pgtestdb.h"
#include "tests/support/serverprocess.h"

#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace Tenantry::Testing {

// The real `tenantry` binary as an operator runs it, on a fresh data directory or (parameter
// "postgres") a fresh PostgreSQL catalog: every command gets the catalog's options appended.
class CliCatalogTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_dataDir = m_dir.filePath(QStringLiteral("data"));
        m_args = QStringList{QStringLiteral("--data-dir"), m_dataDir};
        if (isPostgres()) {
            m_pg = PgTestDatabase::create();
            TENANTRY_REQUIRE_PG(m_pg);
            m_args << QStringLiteral("--database") << m_pg->url();
        }
    }

    bool isPostgres() const { return GetParam() == "postgres"; }

    CliResult run(const QStringList &arguments) { return runCli(arguments + m_args); }

    // Runs a command that must succeed and answers its JSON.
    QJsonDocument json(const QStringList &arguments)
    {
        const CliResult r = run(arguments + QStringList{QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << arguments.join(u' ').toStdString() << ": " << r.err.toStdString();
        return QJsonDocument::fromJson(r.out);
    }

    QTemporaryDir m_dir;
    QString m_dataDir;
    QStringList m_args;
    std::unique_ptr<PgTestDatabase> m_pg;
};

// "sqlite" and "postgres" as test name suffixes.
inline std::string catalogName(const ::testing::TestParamInfo<std::string> &info)
{
    return info.param;
}

} // namespace Tenantry::Testing
