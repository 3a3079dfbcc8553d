#include "app/runtime.h"

namespace Tenantry::App {

Result<std::unique_ptr<Runtime>> Runtime::open(const Http::ServeOptions &options)
{
    Storage::TenantPolicy policy{options.defaultIsolation, options.planIsolation, options.retentionDays};
    Storage::DataPlaneOptions dataPlane;
    dataPlane.limits = options.dataPool;
    return open(options.common, policy, dataPlane);
}

Result<std::unique_ptr<Runtime>> Runtime::open(const Http::CommonOptions &options, Storage::TenantPolicy policy,
                                               Storage::DataPlaneOptions dataPlane, const Clock *clock)
{
    Storage::CatalogLocation location{options.dataDir, std::nullopt};
    if (!options.databaseUrl.isEmpty()) {
        auto url = Storage::DatabaseUrl::parse(options.databaseUrl);
        if (!url)
            return url.error();
        location.database = url.value();
    }
    auto catalog = Storage::Catalog::open(location);
    if (!catalog)
        return catalog.error();
    std::unique_ptr<Runtime> rt(new Runtime);
    if (clock)
        rt->m_clock = clock;
    rt->m_catalog = std::move(catalog).value();
    auto plane = Storage::DataPlane::open(*rt->m_catalog, location.database, std::move(dataPlane));
    if (!plane)
        return plane.error();
    rt->m_dataPlane = std::move(plane).value();
    rt->m_audit = std::make_unique<Observe::AuditLog>(*rt->m_catalog, *rt->m_clock);
    rt->m_tenants = std::make_unique<Storage::CatalogTenantService>(*rt->m_catalog, rt->m_directory, *rt->m_dataPlane,
                                                                     *rt->m_audit, *rt->m_clock, policy);
    if (Status loaded = rt->m_tenants->loadDirectory(); !loaded)
        return loaded.error();
    rt->m_quotas = std::make_unique<Storage::CatalogQuotaService>(*rt->m_catalog, *rt->m_audit, rt->m_quotaPolicies,
                                                                   *rt->m_clock);
    if (Status loaded = rt->m_quotas->load(); !loaded)
        return loaded.error();
    rt->m_billing = std::make_unique<BillingStack>(*rt->m_catalog, *rt->m_audit, rt->m_directory, *rt->m_clock);
    if (Status seeded = rt->m_billing->seed(); !seeded)
        return seeded.error();
    return rt;
}

} // namespace Tenantry::App
