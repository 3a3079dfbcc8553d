#pragma once

#include "core/base/result.h"
#include "core/billing/chargemodel.h"

#include <QJsonObject>
#include <optional>

namespace Tenantry::Billing {

// How a metered dimension is billed beyond what the plan includes. Usage is measured in base
// units (calls, bytes, byte-hours) and priced per `unitSize` of them.
struct MeteredPrice {
    QString dimension;   // "api_calls", "bandwidth", "storage", or a meter event dimension
    qint64 unitSize = 1; // base units per priced unit: 1000 calls, 10^9 bytes (GB), 730·10^9 byte-hours (GB-month)
    qint64 included = 0; // base units included in each period at no charge
    QString unitLabel;   // "1,000 calls", "GB", "GB-month"
    ChargeModel model;
};

// What a plan costs: a fee per cycle (a plan may offer one cycle or both), a trial, and the
// price of usage beyond what it includes. One currency throughout.
struct PlanPricing {
    Currency currency{QStringLiteral("USD"), 2};
    std::optional<Money> monthlyFee; // nullopt: the monthly cycle is not offered
    std::optional<Money> yearlyFee;
    int trialDays = 0;               // 0..365
    QList<MeteredPrice> metered;     // one per dimension
};

// Priced units of `baseQuantity` used: max(0, baseQuantity − included) / unitSize, a started
// unit counting as a whole one (the one rounding rule of usage: 1,001 calls beyond the plan
// at a price per 1,000 are 2 units).
qint64 billableUnits(const MeteredPrice &price, qint64 baseQuantity);

// The fee of `cycle` ("monthly", "yearly"). Errors: Invalid "cycle-not-offered".
Result<Money> cycleFee(const PlanPricing &pricing, const QString &cycle);

// The JSON form: amounts as decimal strings in major units, e.g.
//   {"currency": "USD", "monthly": "99.00", "yearly": "990.00", "trial_days": 14,
//    "metered": {"api_calls": {"unit_size": 1000, "included": 2000000, "unit_label": "1,000 calls",
//                              "model": "graduated",
//                              "tiers": [{"up_to": 1000, "unit_price": "0.40"},
//                                        {"up_to": null, "unit_price": "0.25", "flat_fee": "0"}]}}}
// "standard" and "package" models have "unit_price" (and "package_size"). Every bad field is
// reported by its JSON pointer at once. Errors: Invalid "invalid-plan-pricing".
Result<PlanPricing> planPricingFromJson(const QJsonObject &json);
// The JSON form planPricingFromJson() reads back.
QJsonObject planPricingToJson(const PlanPricing &pricing);

} // namespace Tenantry::Billing
