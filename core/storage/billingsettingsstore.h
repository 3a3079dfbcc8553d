#pragma once

#include "core/billing/billingsettings.h"
#include "core/storage/auditrecorder.h"
#include "core/storage/catalog.h"

namespace Tenantry::Storage {

// The billing settings in the catalog (table billing_settings, one JSON document). Every
// change is validated and written with its audit entry ("billing.settings") in one
// transaction. Thread-safe.
class BillingSettingsStore final
{
public:
    BillingSettingsStore(Catalog &catalog, AuditRecorder &audit) : m_catalog(catalog), m_audit(audit) {}

    // The stored settings, or the defaults when none were ever saved.
    Result<Billing::BillingSettings> settings();
    // Applies `patch` (applyBillingSettingsJson) and stores the result; returns it.
    Result<Billing::BillingSettings> update(const Actor &actor, const QJsonObject &patch, qint64 nowMs);

private:
    Catalog &m_catalog;
    AuditRecorder &m_audit;
};

} // namespace Tenantry::Storage
