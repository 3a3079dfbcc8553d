#include "core/billing/jsonreading.h"

#include "core/billing/invoicejson.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {

bool readWhole(const QJsonValue &value, qint64 min, qint64 max, const QString &pointer, QList<FieldError> &errors,
               qint64 *out)
{
    const double d = value.toDouble(-1e300);
    if (!value.isDouble() || d != double(qint64(d)) || d < double(min) || d > double(max)) {
        errors.append({pointer, u"a whole number from %1 to %2"_s.arg(min).arg(max)});
        return false;
    }
    *out = qint64(d);
    return true;
}

bool readText(const QJsonValue &value, int maxLength, const QString &pointer, QList<FieldError> &errors, QString *out)
{
    if (!value.isString() || value.toString().size() > maxLength) {
        errors.append({pointer, u"text of at most %1 characters"_s.arg(maxLength)});
        return false;
    }
    *out = value.toString().trimmed();
    return true;
}

void unknownKeys(const QJsonObject &o, const QStringList &known, const QString &at, QList<FieldError> &errors)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            errors.append({at + u"/"_s + it.key(), u"unknown field"_s});
    }
}

bool readString(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors, QString *out,
                bool nullable)
{
    if (nullable && (value.isNull() || value.isUndefined())) {
        *out = QString();
        return true;
    }
    if (!value.isString()) {
        errors.append({pointer, nullable ? u"a string or null"_s : u"a string"_s});
        return false;
    }
    *out = value.toString();
    return true;
}

bool readBool(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors, bool *out)
{
    if (!value.isBool()) {
        errors.append({pointer, u"true or false"_s});
        return false;
    }
    *out = value.toBool();
    return true;
}

bool readTime(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors, qint64 *out)
{
    if (!parseBillingTime(value, out)) {
        errors.append({pointer, u"an ISO-8601 UTC time like 2026-03-01T00:00:00Z, or null"_s});
        return false;
    }
    return true;
}

bool readMoney(const QJsonValue &value, const Currency &currency, const QString &pointer, QList<FieldError> &errors,
               Money *out)
{
    if (value.isString()) {
        if (auto amount = Money::parse(value.toString(), currency)) {
            *out = amount.value();
            return true;
        }
    }
    errors.append({pointer, u"an amount in %1 as a decimal string"_s.arg(currency.code)});
    return false;
}

bool readPeriod(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors, BillingPeriod *out)
{
    const qsizetype before = errors.size();
    const QJsonObject o = readObject(value, pointer, errors);
    BillingPeriod period;
    readTime(o.value(u"start"_s), pointer + u"/start"_s, errors, &period.startMs);
    readTime(o.value(u"end"_s), pointer + u"/end"_s, errors, &period.endMs);
    if (errors.size() != before)
        return false;
    *out = period;
    return true;
}

QJsonObject readObject(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors)
{
    if (!value.isObject())
        errors.append({pointer, u"an object"_s});
    return value.toObject();
}

Error documentError(const QString &code, const QString &document, const QList<FieldError> &errors)
{
    const FieldError first = errors.isEmpty() ? FieldError{u"/"_s, u"an object"_s} : errors.first();
    return Error::invalid(code, u"The %1 is invalid: %2 must be %3."_s.arg(document, first.field, first.message),
                          errors);
}

} // namespace Tenantry::Billing
