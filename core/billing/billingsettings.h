#pragma once

#include "core/base/result.h"
#include "core/billing/dunning.h"

#include <QJsonObject>
#include <QStringList>

namespace Tenantry::Billing {

// When a plan change takes effect: at once (prorated to the second) or at the period's end.
enum class ChangeTiming { Immediate, PeriodEnd };

// "immediate" or "period_end".
QString changeTimingName(ChangeTiming timing);
bool parseChangeTiming(const QString &name, ChangeTiming *out);

// How the operator bills: who issues invoices, the tax, invoice numbers, payment terms,
// dunning and when plan changes take effect. One document in the catalog, edited through
// the admin API.
struct BillingSettings {
    QString issuerName = QStringLiteral("Tenantry operator");
    QStringList issuerAddress;
    QString issuerTaxId;
    QString issuerEmail;
    qint64 taxRatePpm = 0;          // parts per million: 190000 is 19 %; 0..1,000,000
    QString invoicePrefix = QStringLiteral("INV"); // [A-Z0-9]{1,12}
    int paymentTermsDays = 14;      // due date = issue date + this; 0..120
    DunningSchedule dunning;
    ChangeTiming upgrades = ChangeTiming::Immediate;
    ChangeTiming downgrades = ChangeTiming::PeriodEnd;
};

// The settings with the keys of `patch` applied (snake_case: issuer {name, address, tax_id,
// email}, tax_rate_ppm, invoice_prefix, payment_terms_days, dunning {retry_after_days,
// suspend_after_days}, upgrades, downgrades); keys absent keep `base`'s value. Every bad field
// is reported by its JSON pointer. Errors: Invalid "invalid-billing-settings".
Result<BillingSettings> applyBillingSettingsJson(const BillingSettings &base, const QJsonObject &patch);
QJsonObject billingSettingsToJson(const BillingSettings &settings);

} // namespace Tenantry::Billing
