#pragma once

#include "core/base/clock.h"
#include "core/observe/auditlog.h"
#include "core/storage/catalog.h"
#include "core/storage/catalogtenantservice.h"
#include "tests/support/pgtestdb.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace Tenantry::Testing {

// Opens the catalog (with its migrations) once on the embedded SQLite catalog and once on a
// fresh database of the real PostgreSQL server, with a manual clock.
class CatalogBackendTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_location.dataDir = m_dir.path();
        if (GetParam() == "postgres") {
            m_pg = PgTestDatabase::create();
            TENANTRY_REQUIRE_PG(m_pg);
            m_location.database = Storage::DatabaseUrl::parse(m_pg->url()).value();
        }
        auto catalog = Storage::Catalog::open(m_location);
        ASSERT_TRUE(catalog.ok()) << catalog.error().message.toStdString();
        m_catalog = std::move(catalog).value();
    }

    void TearDown() override { m_catalog.reset(); }

    bool isPostgres() const { return GetParam() == "postgres"; }

    QTemporaryDir m_dir;
    Storage::CatalogLocation m_location;
    std::unique_ptr<PgTestDatabase> m_pg;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC)};
    std::unique_ptr<Storage::Catalog> m_catalog;
};

// The catalog with the tenant service and audit log wired as in the app.
class CatalogFixture : public CatalogBackendTest
{
protected:
    void SetUp() override
    {
        CatalogBackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_dataSpace = std::make_unique<Storage::DirectoryDataSpace>(m_dir.path());
        m_audit = std::make_unique<Observe::AuditLog>(*m_catalog, m_clock);
        m_service = std::make_unique<Storage::CatalogTenantService>(*m_catalog, m_directory, *m_dataSpace,
                                                                    *m_audit, m_clock);
        ASSERT_TRUE(m_service->loadDirectory().ok());
    }

    void TearDown() override
    {
        m_service.reset();
        m_audit.reset();
        CatalogBackendTest::TearDown();
    }

    CreatedTenant mustCreate(const QString &slug, const QString &plan = QStringLiteral("free"))
    {
        NewTenant request;
        request.slug = slug;
        request.plan = plan;
        request.config.displayName = slug + QStringLiteral(" Inc.");
        auto created = m_service->create(m_actor, request);
        EXPECT_TRUE(created.ok()) << created.error().message.toStdString();
        return created.ok() ? created.value() : CreatedTenant{};
    }

    TenantDirectory m_directory;
    std::unique_ptr<Storage::DirectoryDataSpace> m_dataSpace;
    std::unique_ptr<Observe::AuditLog> m_audit;
    std::unique_ptr<Storage::CatalogTenantService> m_service;
    Actor m_actor{QStringLiteral("test-operator"), QStringLiteral("req-1"), QStringLiteral("127.0.0.1")};
};

inline std::string backendName(const ::testing::TestParamInfo<std::string> &info)
{
    return info.param;
}

} // namespace Tenantry::Testing
