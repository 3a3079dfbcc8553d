#pragma once

#include "core/identify/identificationstrategy.h"

namespace Tenantry::Identify {

// "X-Tenant-ID: acme". More than one such header is an error (a proxy may have appended
// one), as is a value that is not a valid slug.
class HeaderStrategy final : public IdentificationStrategy
{
public:
    QString name() const override;
    Result<std::optional<Candidate>> identify(const RequestSignals &request) const override;
};

} // namespace Tenantry::Identify
