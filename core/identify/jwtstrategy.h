#pragma once

#include "core/base/clock.h"
#include "core/identify/identificationstrategy.h"
#include "core/identify/jwtverifier.h"

namespace Tenantry::Identify {

// A bearer JWT whose configured claim names the tenant. The token is verified here
// (signature, algorithm, exp/nbf/iss/aud); an invalid token is an Unauthenticated error,
// never silently ignored. A valid token without the claim carries no signal.
class JwtStrategy final : public IdentificationStrategy
{
public:
    JwtStrategy(JwtVerifier verifier, const Clock &clock);
    QString name() const override;
    Result<std::optional<Candidate>> identify(const RequestSignals &request) const override;

private:
    JwtVerifier m_verifier;
    const Clock &m_clock;
};

} // namespace Tenantry::Identify
