#include "core/billing/billingsettings.h"

#include "core/billing/jsonreading.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {
namespace {

bool isPrefix(const QString &prefix)
{
    if (prefix.isEmpty() || prefix.size() > 12)
        return false;
    for (const QChar c : prefix) {
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            return false;
    }
    return true;
}

} // namespace

QString changeTimingName(ChangeTiming timing)
{
    return timing == ChangeTiming::Immediate ? u"immediate"_s : u"period_end"_s;
}

bool parseChangeTiming(const QString &name, ChangeTiming *out)
{
    if (name == u"immediate"_s)
        *out = ChangeTiming::Immediate;
    else if (name == u"period_end"_s)
        *out = ChangeTiming::PeriodEnd;
    else
        return false;
    return true;
}

Result<BillingSettings> applyBillingSettingsJson(const BillingSettings &base, const QJsonObject &patch)
{
    BillingSettings s = base;
    QList<FieldError> errors;
    unknownKeys(patch,
                {u"issuer"_s, u"tax_rate_ppm"_s, u"invoice_prefix"_s, u"payment_terms_days"_s, u"dunning"_s,
                 u"upgrades"_s, u"downgrades"_s},
                QString(), errors);
    if (patch.contains(u"issuer"_s)) {
        const QJsonValue v = patch.value(u"issuer"_s);
        if (!v.isObject()) {
            errors.append({u"/issuer"_s, u"an object"_s});
        } else {
            const QJsonObject issuer = v.toObject();
            unknownKeys(issuer, {u"name"_s, u"address"_s, u"tax_id"_s, u"email"_s}, u"/issuer"_s, errors);
            if (issuer.contains(u"name"_s) && readText(issuer.value(u"name"_s), 200, u"/issuer/name"_s, errors, &s.issuerName)
                && s.issuerName.isEmpty())
                errors.append({u"/issuer/name"_s, u"must not be empty"_s});
            if (issuer.contains(u"tax_id"_s))
                readText(issuer.value(u"tax_id"_s), 64, u"/issuer/tax_id"_s, errors, &s.issuerTaxId);
            if (issuer.contains(u"email"_s) && readText(issuer.value(u"email"_s), 254, u"/issuer/email"_s, errors, &s.issuerEmail)
                && !s.issuerEmail.isEmpty() && !s.issuerEmail.contains(u'@'))
                errors.append({u"/issuer/email"_s, u"an e-mail address"_s});
            if (issuer.contains(u"address"_s)) {
                const QJsonValue a = issuer.value(u"address"_s);
                if (!a.isArray() || a.toArray().size() > 6) {
                    errors.append({u"/issuer/address"_s, u"at most 6 lines of text"_s});
                } else {
                    s.issuerAddress.clear();
                    const QJsonArray lines = a.toArray();
                    for (qsizetype i = 0; i < lines.size(); ++i) {
                        QString line;
                        if (readText(lines.at(i), 200, u"/issuer/address/%1"_s.arg(i), errors, &line))
                            s.issuerAddress.append(line);
                    }
                }
            }
        }
    }
    if (patch.contains(u"tax_rate_ppm"_s))
        readWhole(patch.value(u"tax_rate_ppm"_s), 0, 1'000'000, u"/tax_rate_ppm"_s, errors, &s.taxRatePpm);
    if (patch.contains(u"invoice_prefix"_s)) {
        const QString prefix = patch.value(u"invoice_prefix"_s).toString();
        if (!isPrefix(prefix))
            errors.append({u"/invoice_prefix"_s, u"1 to 12 characters of A-Z and 0-9"_s});
        else
            s.invoicePrefix = prefix;
    }
    if (patch.contains(u"payment_terms_days"_s)) {
        qint64 days = 0;
        if (readWhole(patch.value(u"payment_terms_days"_s), 0, 120, u"/payment_terms_days"_s, errors, &days))
            s.paymentTermsDays = int(days);
    }
    if (patch.contains(u"dunning"_s)) {
        const QJsonValue v = patch.value(u"dunning"_s);
        if (!v.isObject()) {
            errors.append({u"/dunning"_s, u"an object"_s});
        } else {
            const QJsonObject d = v.toObject();
            unknownKeys(d, {u"retry_after_days"_s, u"suspend_after_days"_s}, u"/dunning"_s, errors);
            if (d.contains(u"retry_after_days"_s)) {
                const QJsonValue days = d.value(u"retry_after_days"_s);
                if (!days.isArray()) {
                    errors.append({u"/dunning/retry_after_days"_s, u"an array of days"_s});
                } else {
                    s.dunning.retryAfterDays.clear();
                    const QJsonArray list = days.toArray();
                    for (qsizetype i = 0; i < list.size(); ++i) {
                        qint64 day = 0;
                        if (readWhole(list.at(i), 1, 90, u"/dunning/retry_after_days/%1"_s.arg(i), errors, &day))
                            s.dunning.retryAfterDays.append(int(day));
                    }
                }
            }
            if (d.contains(u"suspend_after_days"_s)) {
                qint64 days = 0;
                if (readWhole(d.value(u"suspend_after_days"_s), 1, 365, u"/dunning/suspend_after_days"_s, errors, &days))
                    s.dunning.suspendAfterDays = int(days);
            }
            if (errors.isEmpty()) {
                if (Status ok = s.dunning.validate(); !ok)
                    errors.append(ok.error().fields);
            }
        }
    }
    for (const auto &[key, target] : {std::pair{u"upgrades"_s, &s.upgrades}, std::pair{u"downgrades"_s, &s.downgrades}}) {
        if (patch.contains(key) && !parseChangeTiming(patch.value(key).toString(), target))
            errors.append({u"/"_s + key, u"\"immediate\" or \"period_end\""_s});
    }
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-billing-settings"_s, u"The billing settings are not valid; nothing was changed."_s,
                              errors);
    return s;
}

QJsonObject billingSettingsToJson(const BillingSettings &s)
{
    QJsonArray retries;
    for (const int d : s.dunning.retryAfterDays)
        retries.append(d);
    return {{u"issuer"_s, QJsonObject{{u"name"_s, s.issuerName},
                                      {u"address"_s, QJsonArray::fromStringList(s.issuerAddress)},
                                      {u"tax_id"_s, s.issuerTaxId},
                                      {u"email"_s, s.issuerEmail}}},
            {u"tax_rate_ppm"_s, double(s.taxRatePpm)},
            {u"invoice_prefix"_s, s.invoicePrefix},
            {u"payment_terms_days"_s, s.paymentTermsDays},
            {u"dunning"_s, QJsonObject{{u"retry_after_days"_s, retries}, {u"suspend_after_days"_s, s.dunning.suspendAfterDays}}},
            {u"upgrades"_s, changeTimingName(s.upgrades)},
            {u"downgrades"_s, changeTimingName(s.downgrades)}};
}

} // namespace Tenantry::Billing
