#pragma once

#include "core/identify/identificationstrategy.h"

namespace Tenantry::Identify {

// "acme.api.example.com" with base domain "api.example.com" names tenant "acme".
// Hosts outside the base domain carry no signal; more than one label in front of the
// base domain, or a label that is not a valid slug, is an error.
class SubdomainStrategy final : public IdentificationStrategy
{
public:
    explicit SubdomainStrategy(const QString &baseDomain);
    QString name() const override;
    Result<std::optional<Candidate>> identify(const RequestSignals &request) const override;

private:
    QByteArray m_suffix; // "." + lower-case base domain
};

} // namespace Tenantry::Identify
