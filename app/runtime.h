#pragma once

#include "app/billingstack.h"

#include "core/base/clock.h"
#include "core/http/serveroptions.h"
#include "core/observe/auditlog.h"
#include "core/quota/quotapolicies.h"
#include "core/storage/catalog.h"
#include "core/storage/catalogquotaservice.h"
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
    // `clock` (borrowed; it must outlive the runtime) replaces the system clock, for tools that
    // write history, such as the demo-data generator.
    static Result<std::unique_ptr<Runtime>> open(const Http::CommonOptions &options,
                                                 Storage::TenantPolicy policy = {},
                                                 Storage::DataPlaneOptions dataPlane = {},
                                                 const Clock *clock = nullptr);
    // With the tenant policy and connection limits `serve` and the console are configured with.
    static Result<std::unique_ptr<Runtime>> open(const Http::ServeOptions &options);

    Storage::Catalog &catalog() { return *m_catalog; }
    TenantDirectory &directory() { return m_directory; }
    Storage::CatalogTenantService &tenants() { return *m_tenants; }
    Observe::AuditLog &audit() { return *m_audit; }
    Storage::DataPlane &dataPlane() { return *m_dataPlane; }
    const Clock &clock() const { return *m_clock; }
    // Plans and per-tenant overrides, loaded at open; the request path reads quotaPolicies().
    Storage::CatalogQuotaService &quotas() { return *m_quotas; }
    Quota::QuotaPolicies &quotaPolicies() { return m_quotaPolicies; }
    BillingStack &billing() { return *m_billing; }

private:
    Runtime() = default;

    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;
    std::unique_ptr<Storage::Catalog> m_catalog;
    TenantDirectory m_directory;
    std::unique_ptr<Storage::DataPlane> m_dataPlane;
    std::unique_ptr<Observe::AuditLog> m_audit;
    std::unique_ptr<Storage::CatalogTenantService> m_tenants;
    Quota::QuotaPolicies m_quotaPolicies;
    std::unique_ptr<Storage::CatalogQuotaService> m_quotas;
    std::unique_ptr<BillingStack> m_billing;
};

} // namespace Tenantry::App
