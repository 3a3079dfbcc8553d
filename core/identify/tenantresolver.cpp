#include "core/identify/tenantresolver.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Identify {

TenantResolver::TenantResolver(std::vector<std::unique_ptr<IdentificationStrategy>> strategies,
                               const TenantDirectory &directory)
    : m_strategies(std::move(strategies))
    , m_directory(directory)
{
}

QStringList TenantResolver::strategyNames() const
{
    QStringList names;
    for (const auto &s : m_strategies)
        names.append(s->name());
    return names;
}

Status TenantResolver::checkServable(const Tenant &tenant)
{
    switch (tenant.status) {
    case TenantStatus::Active:
        return {};
    case TenantStatus::Pending:
        return Error::forbidden(u"tenant-not-active"_s,
                                u"Tenant '%1' is not activated yet."_s.arg(tenant.slug));
    case TenantStatus::Suspended:
        return Error::forbidden(u"tenant-suspended"_s, u"Tenant '%1' is suspended."_s.arg(tenant.slug));
    case TenantStatus::Deleted:
        return Error::gone(u"tenant-deleted"_s, u"Tenant '%1' has been deleted."_s.arg(tenant.slug));
    case TenantStatus::Purged:
        break;
    }
    return Error::notFound(u"tenant-not-found"_s, u"No tenant '%1'."_s.arg(tenant.slug));
}

Result<Resolution> TenantResolver::resolve(const RequestSignals &request) const
{
    Resolution out;
    out.routedPath = request.path;
    QString slug;
    QStringList agreed;
    for (const auto &strategy : m_strategies) {
        auto found = strategy->identify(request);
        if (!found)
            return found.error();
        if (!found.value())
            continue;
        Candidate &c = *found.value();
        if (!slug.isEmpty() && c.slug != slug) {
            return Error::invalid(u"tenant-ambiguous"_s,
                                  u"The request names two tenants: '%1' by %2 and '%3' by %4."_s.arg(
                                      slug, agreed.join(u'+'), c.slug, strategy->name()));
        }
        slug = c.slug;
        agreed.append(strategy->name());
        if (!c.strippedPath.isEmpty())
            out.routedPath = c.strippedPath;
        if (c.token)
            out.token = std::move(c.token);
    }
    if (slug.isEmpty()) {
        return Error::invalid(u"tenant-required"_s,
                              u"This route needs a tenant; name it by %1."_s.arg(strategyNames().join(u", "_s)));
    }
    out.identifiedBy = agreed.join(u'+');
    out.tenant = m_directory.snapshot()->findSlug(slug);
    if (!out.tenant)
        return Error::notFound(u"tenant-not-found"_s, u"No tenant '%1'."_s.arg(slug));
    if (Status servable = checkServable(*out.tenant); !servable)
        return servable.error();
    return out;
}

} // namespace Tenantry::Identify
