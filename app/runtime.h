#pragma once

#include "core/base/clock.h"
#include "core/http/serveroptions.h"
#include "core/observe/auditlog.h"
#include "core/storage/catalog.h"
#include "core/storage/catalogtenantservice.h"
#include "core/storage/dataspace.h"
#include "core/tenancy/tenantdirectory.h"

#include <memory>

namespace Tenantry::App {

// The object graph every mode shares: catalog, directory, data spaces and the tenant
// service, built in dependency order and torn down in reverse.
class Runtime final
{
public:
    static Result<std::unique_ptr<Runtime>> open(const Http::CommonOptions &options,
                                                 Storage::TenantPolicy policy = {});

    Storage::Catalog &catalog() { return *m_catalog; }
    TenantDirectory &directory() { return m_directory; }
    Storage::CatalogTenantService &tenants() { return *m_tenants; }
    Observe::AuditLog &audit() { return *m_audit; }
    const Storage::DataSpace &dataSpace() const { return *m_dataSpace; }
    const Clock &clock() const { return m_clock; }

private:
    Runtime() = default;

    SystemClock m_clock;
    std::unique_ptr<Storage::Catalog> m_catalog;
    TenantDirectory m_directory;
    std::unique_ptr<Storage::DirectoryDataSpace> m_dataSpace;
    std::unique_ptr<Observe::AuditLog> m_audit;
    std::unique_ptr<Storage::CatalogTenantService> m_tenants;
};

} // namespace Tenantry::App
