#include "core/billing/planpricing.h"

#include "core/billing/jsonreading.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {
namespace {

constexpr qint64 kMaxQuantity = 1'000'000'000'000'000; // 10^15 base units

// An amount at `pointer`: a decimal string in `currency`, not negative.
std::optional<Money> readAmount(const QJsonValue &value, const Currency &currency, const QString &pointer,
                                QList<FieldError> &errors)
{
    auto parsed = value.isString() ? Money::parse(value.toString(), currency) : Result<Money>(Error::internal({}));
    if (!parsed || parsed->isNegative()) {
        errors.append({pointer, u"an amount not below zero as a decimal string in %1 with at most %2 decimals"_s.arg(
                                    currency.code).arg(currency.minorDigits)});
        return std::nullopt;
    }
    return parsed.value();
}

ChargeModel readModel(const QJsonObject &o, const Currency &currency, const QString &at, QList<FieldError> &errors)
{
    ChargeModel model;
    model.unitPrice = Money(0, currency);
    if (!parseChargeKind(o.value(u"model"_s).toString(), &model.kind)) {
        errors.append({at + u"/model"_s, u"standard, package, graduated or volume"_s});
        return model;
    }
    const bool tiered = model.kind == ChargeKind::Graduated || model.kind == ChargeKind::Volume;
    if (tiered) {
        const QJsonValue tiers = o.value(u"tiers"_s);
        if (!tiers.isArray())
            errors.append({at + u"/tiers"_s, u"an array of tiers"_s});
        const QJsonArray array = tiers.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString field = at + u"/tiers/%1"_s.arg(i);
            const QJsonObject t = array.at(i).toObject();
            unknownKeys(t, {u"up_to"_s, u"unit_price"_s, u"flat_fee"_s}, field, errors);
            ChargeTier tier;
            tier.unitPrice = readAmount(t.value(u"unit_price"_s), currency, field + u"/unit_price"_s, errors)
                                 .value_or(Money(0, currency));
            tier.flatFee = t.contains(u"flat_fee"_s)
                               ? readAmount(t.value(u"flat_fee"_s), currency, field + u"/flat_fee"_s, errors)
                                     .value_or(Money(0, currency))
                               : Money(0, currency);
            const QJsonValue upTo = t.value(u"up_to"_s);
            qint64 bound = 0;
            if (!upTo.isNull() && !upTo.isUndefined() && readWhole(upTo, 1, kMaxQuantity, field + u"/up_to"_s, errors, &bound))
                tier.upTo = bound;
            model.tiers.append(tier);
        }
        unknownKeys(o, {u"model"_s, u"tiers"_s, u"unit_size"_s, u"included"_s, u"unit_label"_s}, at, errors);
    } else {
        model.unitPrice = readAmount(o.value(u"unit_price"_s), currency, at + u"/unit_price"_s, errors)
                              .value_or(Money(0, currency));
        if (model.kind == ChargeKind::Package)
            readWhole(o.value(u"package_size"_s), 1, kMaxQuantity, at + u"/package_size"_s, errors, &model.packageSize);
        unknownKeys(o,
                    {u"model"_s, u"unit_price"_s, u"package_size"_s, u"unit_size"_s, u"included"_s, u"unit_label"_s},
                    at, errors);
    }
    if (Status valid = model.validate(currency, at); !valid) {
        // Fields already reported while reading are not reported twice.
        for (const FieldError &f : valid.error().fields) {
            const bool known = std::any_of(errors.cbegin(), errors.cend(), [&f](const FieldError &e) { return e.field == f.field; });
            if (!known)
                errors.append(f);
        }
    }
    return model;
}

QJsonObject modelToJson(const ChargeModel &model)
{
    QJsonObject o{{u"model"_s, chargeKindName(model.kind)}};
    if (model.kind == ChargeKind::Graduated || model.kind == ChargeKind::Volume) {
        QJsonArray tiers;
        for (const ChargeTier &t : model.tiers) {
            QJsonObject tier{{u"up_to"_s, t.upTo ? QJsonValue(double(*t.upTo)) : QJsonValue()},
                             {u"unit_price"_s, t.unitPrice.decimal()}};
            if (!t.flatFee.isZero())
                tier.insert(u"flat_fee"_s, t.flatFee.decimal());
            tiers.append(tier);
        }
        o.insert(u"tiers"_s, tiers);
    } else {
        o.insert(u"unit_price"_s, model.unitPrice.decimal());
        if (model.kind == ChargeKind::Package)
            o.insert(u"package_size"_s, double(model.packageSize));
    }
    return o;
}

} // namespace

qint64 billableUnits(const MeteredPrice &price, qint64 baseQuantity)
{
    const qint64 beyond = baseQuantity - price.included;
    if (beyond <= 0 || price.unitSize <= 0)
        return 0;
    return beyond / price.unitSize + (beyond % price.unitSize ? 1 : 0);
}

Result<Money> cycleFee(const PlanPricing &pricing, const QString &cycle)
{
    const std::optional<Money> &fee = cycle == u"yearly"_s ? pricing.yearlyFee : pricing.monthlyFee;
    if (!fee || (cycle != u"yearly"_s && cycle != u"monthly"_s))
        return Error::invalid(u"cycle-not-offered"_s, u"The plan is not offered with a %1 cycle."_s.arg(cycle),
                              {{u"/cycle"_s, u"not offered by this plan"_s}});
    return *fee;
}

Result<PlanPricing> planPricingFromJson(const QJsonObject &json)
{
    QList<FieldError> errors;
    PlanPricing p;
    unknownKeys(json, {u"currency"_s, u"monthly"_s, u"yearly"_s, u"trial_days"_s, u"metered"_s}, QString(), errors);
    if (json.contains(u"currency"_s)) {
        auto currency = currencyOf(json.value(u"currency"_s).toString());
        if (currency)
            p.currency = currency.value();
        else
            errors.append({u"/currency"_s, u"an ISO 4217 currency code such as USD, EUR, JPY"_s});
    }
    for (const QString &cycle : {u"monthly"_s, u"yearly"_s}) {
        if (json.contains(cycle) && !json.value(cycle).isNull())
            (cycle == u"monthly"_s ? p.monthlyFee : p.yearlyFee) = readAmount(json.value(cycle), p.currency, u"/"_s + cycle, errors);
    }
    if (json.contains(u"trial_days"_s)) {
        qint64 days = 0;
        if (readWhole(json.value(u"trial_days"_s), 0, 365, u"/trial_days"_s, errors, &days))
            p.trialDays = int(days);
    }
    const QJsonValue metered = json.value(u"metered"_s);
    if (!metered.isUndefined() && !metered.isObject())
        errors.append({u"/metered"_s, u"an object of dimensions"_s});
    static const QRegularExpression dimensionName(u"^[a-z][a-z0-9_]{0,39}$"_s);
    const QJsonObject dimensions = metered.toObject();
    for (auto it = dimensions.begin(); it != dimensions.end(); ++it) {
        const QString at = u"/metered/"_s + it.key();
        if (!dimensionName.match(it.key()).hasMatch()) {
            errors.append({at, u"a dimension name: a-z, 0-9 and _, starting with a letter"_s});
            continue;
        }
        if (!it.value().isObject()) {
            errors.append({at, u"an object"_s});
            continue;
        }
        const QJsonObject o = it.value().toObject();
        MeteredPrice price;
        price.dimension = it.key();
        if (o.contains(u"unit_size"_s))
            readWhole(o.value(u"unit_size"_s), 1, kMaxQuantity, at + u"/unit_size"_s, errors, &price.unitSize);
        if (o.contains(u"included"_s))
            readWhole(o.value(u"included"_s), 0, kMaxQuantity, at + u"/included"_s, errors, &price.included);
        if (o.contains(u"unit_label"_s))
            readText(o.value(u"unit_label"_s), 40, at + u"/unit_label"_s, errors, &price.unitLabel);
        price.model = readModel(o, p.currency, at, errors);
        p.metered.append(price);
    }
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-plan-pricing"_s, u"The plan's pricing is not valid."_s, errors);
    return p;
}

QJsonObject planPricingToJson(const PlanPricing &p)
{
    QJsonObject o{{u"currency"_s, p.currency.code},
                  {u"monthly"_s, p.monthlyFee ? QJsonValue(p.monthlyFee->decimal()) : QJsonValue()},
                  {u"yearly"_s, p.yearlyFee ? QJsonValue(p.yearlyFee->decimal()) : QJsonValue()},
                  {u"trial_days"_s, p.trialDays}};
    QJsonObject metered;
    for (const MeteredPrice &m : p.metered) {
        QJsonObject d = modelToJson(m.model);
        d.insert(u"unit_size"_s, double(m.unitSize));
        d.insert(u"included"_s, double(m.included));
        if (!m.unitLabel.isEmpty())
            d.insert(u"unit_label"_s, m.unitLabel);
        metered.insert(m.dimension, d);
    }
    o.insert(u"metered"_s, metered);
    return o;
}

} // namespace Tenantry::Billing
