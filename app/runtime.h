#pragma once

#include "core/base/clock.h"
#include "core/http/serveroptions.h"
#include "core/observe/auditlog.h"
#include "core/storage/catalog.h"
#include "core/storage/catalogtenantservice.h"
#include "core/storage/dataplane.h"
#include "core/tenancy/tenantdirectory.h"

#include <memory>

namespace Tenantry::App {

// The object graph every mode shares: catalog, directory, tenant data plane and the tenant
// service, built in dependency order and torn down in reverse.
class Runtime final
{
public:
    static Result<std::unique_ptr<Runtime>> open(const Http::CommonOptions &options,
                                                 Storage::TenantPolicy policy = {},
                                                 Storage::DataPlaneOptions dataPlane = {});
    // With the tenant policy and connection limits `serve` and the console are configured with.
    static Result<std::unique_ptr<Runtime>> open(const Http::ServeOptions &options);

    Storage::Catalog &catalog() { return *m_catalog; }
    TenantDirectory &directory() { return m_directory; }
    Storage::CatalogTenantService &tenants() { return *m_tenants; }
    Observe::AuditLog &audit() { return *m_audit; }
    Storage::DataPlane &dataPlane() { return *m_dataPlane; }
    const Clock &clock() const { return m_clock; }

private:
    Runtime() = default;

    SystemClock m_clock;
    std::unique_ptr<Storage::Catalog> m_catalog;
    TenantDirectory m_directory;
    std::unique_ptr<Storage::DataPlane> m_dataPlane;
    std::unique_ptr<Observe::AuditLog> m_audit;
    std::unique_ptr<Storage::CatalogTenantService> m_tenants;
};

} // namespace Tenantry::App
