#pragma once

#include "core/base/result.h"
#include "core/billing/money.h"

#include <QList>
#include <QString>

#include <optional>

namespace Tenantry::Billing {

// How usage beyond what a plan includes is priced.
enum class ChargeKind {
    Standard,  // every unit at one price
    Package,   // per started block of `packageSize` units
    Graduated, // each tier prices the units that fall in it
    Volume,    // the tier the total falls in prices every unit
};

// "standard", "package", "graduated", "volume".
QString chargeKindName(ChargeKind kind);
bool parseChargeKind(const QString &name, ChargeKind *out);

struct ChargeTier {
    std::optional<qint64> upTo; // inclusive upper bound in priced units; nullopt: no bound (last tier only)
    Money unitPrice;            // per priced unit
    Money flatFee;              // added once when the tier is used
};

struct ChargeModel {
    ChargeKind kind = ChargeKind::Standard;
    Money unitPrice;          // standard: per unit; package: per package
    qint64 packageSize = 1;   // package: units per package
    QList<ChargeTier> tiers;  // graduated and volume: ascending bounds, the last one unbounded

    // Prices not negative and all in `currency`; a package of at least one unit; tiers (for
    // graduated and volume only) ascending, positive and ending unbounded. Errors: Invalid
    // "invalid-charge-model" with every bad field under `at` (a JSON pointer).
    Status validate(const Currency &currency, const QString &at = {}) const;
};

// One row of how a charge was computed, printed under its invoice line.
struct ChargeRow {
    qint64 fromUnit = 0;  // first unit of the row (1-based)
    qint64 toUnit = 0;    // last unit of the row (inclusive)
    qint64 quantity = 0;  // units in the row (package: packages)
    Money unitPrice;      // per unit (package: per package)
    Money flatFee;
    Money amount;         // quantity × unitPrice + flatFee
    QString description;  // e.g. "Units 1–10 × 1.00", "3 packages of 100 × 5.00"
};

struct Charge {
    Money amount;          // always the sum of the rows' amounts
    QList<ChargeRow> rows; // none for a quantity of zero
};

// The charge for `quantity` (>= 0) whole priced units of `model` in `currency`. Errors:
// Invalid "invalid-quantity" (negative), "invalid-charge-model" (validate() fails),
// "amount-out-of-range".
Result<Charge> computeCharge(const ChargeModel &model, qint64 quantity, const Currency &currency);

} // namespace Tenantry::Billing
