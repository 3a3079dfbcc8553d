#include "core/identify/pathstrategy.h"

#include "core/tenancy/slug.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Identify {

QString PathStrategy::name() const
{
    return u"path"_s;
}

Result<std::optional<Candidate>> PathStrategy::identify(const RequestSignals &request) const
{
    const QByteArray &path = request.path;
    if (!path.startsWith("/t/"))
        return std::optional<Candidate>{};
    const qsizetype end = path.indexOf('/', 3);
    const QByteArray segment = path.mid(3, end < 0 ? -1 : end - 3);
    const QString slug = QString::fromLatin1(segment);
    // Deliberately no lower-casing or decoding: the path must carry the canonical slug.
    if (!isValidSlug(slug))
        return invalidIdentifier(u"path"_s, u"'%1' is not a valid slug"_s.arg(slug.left(64)));
    Candidate c{slug, end < 0 ? QByteArray("/") : path.mid(end)};
    return std::optional<Candidate>{c};
}

} // namespace Tenantry::Identify
