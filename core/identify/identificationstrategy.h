#pragma once

#include "core/base/result.h"
#include "core/identify/jwtverifier.h"
#include "core/identify/requestsignals.h"

#include <QString>

#include <optional>

namespace Tenantry::Identify {

// What one strategy read from a request.
struct Candidate {
    QString slug;          // normalized lower-case slug
    QByteArray strippedPath; // path strategy only: the path with "/t/<slug>" removed
    std::optional<JwtClaims> token; // JWT strategy only: the verified claims, reused to authenticate
};

// One way of telling which tenant a request is for. identify() returns nullopt when the
// request carries no signal for this strategy, a Candidate when it names a tenant, and an
// error when the signal is present but malformed or forged (code "invalid-tenant-identifier",
// or "invalid-token" from the JWT strategy). Implementations are immutable and thread-safe.
class IdentificationStrategy
{
public:
    virtual ~IdentificationStrategy() = default;
    virtual QString name() const = 0;
    virtual Result<std::optional<Candidate>> identify(const RequestSignals &request) const = 0;
};

// Shared by the strategies: the error for a signal that is present but not a valid slug.
Error invalidIdentifier(const QString &strategy, const QString &why);

} // namespace Tenantry::Identify
