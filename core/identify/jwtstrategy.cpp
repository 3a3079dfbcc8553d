#include "core/identify/jwtstrategy.h"

#include "core/tenancy/slug.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Identify {

JwtStrategy::JwtStrategy(JwtVerifier verifier, const Clock &clock)
    : m_verifier(std::move(verifier))
    , m_clock(clock)
{
}

QString JwtStrategy::name() const
{
    return u"jwt"_s;
}

Result<std::optional<Candidate>> JwtStrategy::identify(const RequestSignals &request) const
{
    if (request.bearerToken.isEmpty())
        return std::optional<Candidate>{};
    Result<JwtClaims> claims = m_verifier.verify(request.bearerToken, m_clock.now());
    if (!claims)
        return claims.error();
    if (claims->tenant.isEmpty())
        return std::optional<Candidate>{};
    const QString slug = claims->tenant.toLower();
    if (!isValidSlug(slug))
        return invalidIdentifier(u"token's tenant claim"_s, u"'%1' is not a valid slug"_s.arg(slug.left(64)));
    return std::optional<Candidate>{Candidate{slug, {}, std::move(claims).value()}};
}

} // namespace Tenantry::Identify
