#include "core/identify/headerstrategy.h"

#include "core/tenancy/slug.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Identify {

QString HeaderStrategy::name() const
{
    return u"header"_s;
}

Result<std::optional<Candidate>> HeaderStrategy::identify(const RequestSignals &request) const
{
    if (request.tenantHeaders.isEmpty())
        return std::optional<Candidate>{};
    if (request.tenantHeaders.size() > 1)
        return invalidIdentifier(u"X-Tenant-ID header"_s, u"it was sent more than once"_s);
    const QString slug = QString::fromLatin1(request.tenantHeaders.first().trimmed()).toLower();
    if (!isValidSlug(slug))
        return invalidIdentifier(u"X-Tenant-ID header"_s, u"'%1' is not a valid slug"_s.arg(slug.left(64)));
    return std::optional<Candidate>{Candidate{slug, {}}};
}

} // namespace Tenantry::Identify
