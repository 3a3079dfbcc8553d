#include "core/billing/chargemodel.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {
namespace {

// Thousands separated by commas, the same in every locale: invoices read alike everywhere.
QString grouped(qint64 n)
{
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return n < 0 ? u"-"_s + digits : digits;
}

Result<ChargeRow> row(qint64 from, qint64 to, qint64 quantity, const Money &unitPrice, const Money &flatFee,
                      const QString &description)
{
    auto units = unitPrice.times(quantity);
    if (!units)
        return units.error();
    auto amount = units->plus(flatFee);
    if (!amount)
        return amount.error();
    return ChargeRow{from, to, quantity, unitPrice, flatFee, amount.value(), description};
}

QString tierText(qint64 from, qint64 to, const ChargeTier &tier)
{
    QString text = u"Units %1–%2 × %3"_s.arg(grouped(from), grouped(to), tier.unitPrice.decimal());
    if (!tier.flatFee.isZero())
        text += u" + %1"_s.arg(tier.flatFee.decimal());
    return text;
}

} // namespace

QString chargeKindName(ChargeKind kind)
{
    switch (kind) {
    case ChargeKind::Standard:
        return u"standard"_s;
    case ChargeKind::Package:
        return u"package"_s;
    case ChargeKind::Graduated:
        return u"graduated"_s;
    case ChargeKind::Volume:
        return u"volume"_s;
    }
    return {};
}

bool parseChargeKind(const QString &name, ChargeKind *out)
{
    for (ChargeKind kind : {ChargeKind::Standard, ChargeKind::Package, ChargeKind::Graduated, ChargeKind::Volume}) {
        if (chargeKindName(kind) == name) {
            *out = kind;
            return true;
        }
    }
    return false;
}

Status ChargeModel::validate(const Currency &currency, const QString &at) const
{
    QList<FieldError> errors;
    const auto price = [&](const Money &m, const QString &field) {
        if (!(m.currency() == currency))
            errors.append({at + field, u"must be in %1"_s.arg(currency.code)});
        else if (m.isNegative())
            errors.append({at + field, u"must not be negative"_s});
    };
    const bool tiered = kind == ChargeKind::Graduated || kind == ChargeKind::Volume;
    if (tiered) {
        if (tiers.isEmpty())
            errors.append({at + u"/tiers"_s, u"at least one tier"_s});
        qint64 previous = 0;
        for (qsizetype i = 0; i < tiers.size(); ++i) {
            const ChargeTier &t = tiers.at(i);
            const QString field = u"/tiers/%1"_s.arg(i);
            price(t.unitPrice, field + u"/unit_price"_s);
            price(t.flatFee, field + u"/flat_fee"_s);
            const bool last = i == tiers.size() - 1;
            if (last && t.upTo)
                errors.append({at + field + u"/up_to"_s, u"the last tier has no bound (null)"_s});
            if (!last && !t.upTo)
                errors.append({at + field + u"/up_to"_s, u"only the last tier is unbounded"_s});
            if (t.upTo) {
                if (*t.upTo <= previous)
                    errors.append({at + field + u"/up_to"_s, u"must be above the tier before (%1)"_s.arg(previous)});
                previous = *t.upTo;
            }
        }
    } else {
        price(unitPrice, u"/unit_price"_s);
        if (!tiers.isEmpty())
            errors.append({at + u"/tiers"_s, u"only graduated and volume charges have tiers"_s});
    }
    if (kind == ChargeKind::Package && packageSize < 1)
        errors.append({at + u"/package_size"_s, u"at least 1 unit"_s});
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-charge-model"_s, u"The charge model is not valid."_s, errors);
    return {};
}

Result<Charge> computeCharge(const ChargeModel &model, qint64 quantity, const Currency &currency)
{
    if (quantity < 0)
        return Error::invalid(u"invalid-quantity"_s, u"A quantity cannot be negative."_s);
    if (Status valid = model.validate(currency); !valid)
        return valid.error();
    Charge charge{Money(0, currency), {}};
    if (quantity == 0)
        return charge;
    const Money zero(0, currency);
    switch (model.kind) {
    case ChargeKind::Standard: {
        auto r = row(1, quantity, quantity, model.unitPrice, zero,
                     u"%1 × %2"_s.arg(grouped(quantity), model.unitPrice.decimal()));
        if (!r)
            return r.error();
        charge.rows.append(r.value());
        break;
    }
    case ChargeKind::Package: {
        const qint64 packages = (quantity + model.packageSize - 1) / model.packageSize;
        auto r = row(1, quantity, packages, model.unitPrice, zero,
                     u"%1 × package of %2 × %3"_s.arg(grouped(packages), grouped(model.packageSize), model.unitPrice.decimal()));
        if (!r)
            return r.error();
        charge.rows.append(r.value());
        break;
    }
    case ChargeKind::Graduated: {
        qint64 from = 1;
        for (const ChargeTier &tier : model.tiers) {
            if (from > quantity)
                break;
            const qint64 to = tier.upTo ? std::min(*tier.upTo, quantity) : quantity;
            if (to < from)
                continue;
            auto r = row(from, to, to - from + 1, tier.unitPrice, tier.flatFee, tierText(from, to, tier));
            if (!r)
                return r.error();
            charge.rows.append(r.value());
            from = to + 1;
        }
        break;
    }
    case ChargeKind::Volume: {
        for (const ChargeTier &tier : model.tiers) {
            if (tier.upTo && quantity > *tier.upTo)
                continue;
            auto r = row(1, quantity, quantity, tier.unitPrice, tier.flatFee,
                         u"%1 × %2 (volume tier up to %3)"_s.arg(grouped(quantity), tier.unitPrice.decimal(),
                                                                  tier.upTo ? grouped(*tier.upTo) : u"∞"_s)
                             + (tier.flatFee.isZero() ? QString() : u" + %1"_s.arg(tier.flatFee.decimal())));
            if (!r)
                return r.error();
            charge.rows.append(r.value());
            break;
        }
        break;
    }
    }
    for (const ChargeRow &r : charge.rows) {
        auto sum = charge.amount.plus(r.amount);
        if (!sum)
            return sum.error();
        charge.amount = sum.value();
    }
    return charge;
}

} // namespace Tenantry::Billing
