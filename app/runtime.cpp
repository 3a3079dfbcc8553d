#include "app/runtime.h"

namespace Tenantry::App {

Result<std::unique_ptr<Runtime>> Runtime::open(const Http::CommonOptions &options, Storage::TenantPolicy policy)
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
    rt->m_catalog = std::move(catalog).value();
    rt->m_dataSpace = std::make_unique<Storage::DirectoryDataSpace>(options.dataDir);
    rt->m_audit = std::make_unique<Observe::AuditLog>(*rt->m_catalog, rt->m_clock);
    rt->m_tenants = std::make_unique<Storage::CatalogTenantService>(*rt->m_catalog, rt->m_directory, *rt->m_dataSpace,
                                                                     *rt->m_audit, rt->m_clock, policy);
    if (Status loaded = rt->m_tenants->loadDirectory(); !loaded)
        return loaded.error();
    return rt;
}

} // namespace Tenantry::App
