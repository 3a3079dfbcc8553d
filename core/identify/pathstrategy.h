#pragma once

#include "core/identify/identificationstrategy.h"

namespace Tenantry::Identify {

// "/t/acme/api/v1/me" names tenant "acme"; the rest ("/api/v1/me") is routed. The slug
// segment is taken literally: percent-encoding, dots or anything that is not a valid slug
// is an error, so "/t/%2e%2e/" or "/t/../" can never be decoded into another tenant.
class PathStrategy final : public IdentificationStrategy
{
public:
    QString name() const override;
    Result<std::optional<Candidate>> identify(const RequestSignals &request) const override;
};

} // namespace Tenantry::Identify
