#include "core/identify/subdomainstrategy.h"

#include "core/tenancy/slug.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Identify {

Error invalidIdentifier(const QString &strategy, const QString &why)
{
    return Error::invalid(u"invalid-tenant-identifier"_s,
                          u"The %1 does not name a valid tenant: %2."_s.arg(strategy, why));
}

SubdomainStrategy::SubdomainStrategy(const QString &baseDomain)
    : m_suffix('.' + baseDomain.trimmed().toLower().toUtf8())
{
}

QString SubdomainStrategy::name() const
{
    return u"subdomain"_s;
}

Result<std::optional<Candidate>> SubdomainStrategy::identify(const RequestSignals &request) const
{
    QByteArray host = request.host.trimmed().toLower();
    if (host.isEmpty() || m_suffix.size() < 2)
        return std::optional<Candidate>{};
    // Strip a port, but not from an IPv6 literal ("[::1]:8080").
    if (!host.startsWith('[')) {
        if (const qsizetype colon = host.lastIndexOf(':'); colon >= 0)
            host.truncate(colon);
    }
    if (host.endsWith('.')) // absolute form "acme.example.com."
        host.chop(1);
    if (!host.endsWith(m_suffix))
        return std::optional<Candidate>{};
    const QByteArray label = host.left(host.size() - m_suffix.size());
    if (label.contains('.'))
        return invalidIdentifier(u"subdomain"_s, u"only one label may precede the base domain"_s);
    const QString slug = QString::fromLatin1(label);
    if (!isValidSlug(slug))
        return invalidIdentifier(u"subdomain"_s, u"'%1' is not a valid slug"_s.arg(slug.left(64)));
    return std::optional<Candidate>{Candidate{slug, {}}};
}

} // namespace Tenantry::Identify
