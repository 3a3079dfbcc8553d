#pragma once

#include "core/storage/dataplane.h"
#include "tests/integration/storage/catalogfixture.h"

namespace Tenantry::Testing {

// The catalog with the real tenant data plane as the tenant service's data space, on SQLite
// and on PostgreSQL: tenants registered here get real data spaces of their strategy.
class DataPlaneFixture : public CatalogBackendTest
{
protected:
    void SetUp() override { openWith({}); }

    void openWith(Storage::DataPlaneOptions options)
    {
        CatalogBackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        auto plane = Storage::DataPlane::open(*m_catalog, m_location.database, std::move(options));
        ASSERT_TRUE(plane.ok()) << plane.error().message.toStdString();
        m_plane = std::move(plane).value();
        m_audit = std::make_unique<Observe::AuditLog>(*m_catalog, m_clock);
        m_service = std::make_unique<Storage::CatalogTenantService>(*m_catalog, m_directory, *m_plane, *m_audit, m_clock);
        ASSERT_TRUE(m_service->loadDirectory().ok());
    }

    void TearDown() override
    {
        m_service.reset();
        m_audit.reset();
        m_plane.reset();
        CatalogBackendTest::TearDown();
    }

    // The strategies this dialect offers.
    QStringList strategies() const
    {
        return isPostgres() ? QStringList{QStringLiteral("shared"), QStringLiteral("schema"), QStringLiteral("database")}
                            : QStringList{QStringLiteral("shared"), QStringLiteral("database")};
    }

    Tenant mustCreate(const QString &slug, const QString &isolation)
    {
        NewTenant request;
        request.slug = slug;
        request.isolation = isolation;
        request.activate = true;
        auto created = m_service->create(m_actor, request);
        EXPECT_TRUE(created.ok()) << created.error().message.toStdString();
        return created.ok() ? created->tenant : Tenant{};
    }

    TenantDirectory m_directory;
    std::unique_ptr<Storage::DataPlane> m_plane;
    std::unique_ptr<Observe::AuditLog> m_audit;
    std::unique_ptr<Storage::CatalogTenantService> m_service;
    Actor m_actor{QStringLiteral("test-operator"), QStringLiteral("req-1"), QStringLiteral("127.0.0.1")};
};

} // namespace Tenantry::Testing
