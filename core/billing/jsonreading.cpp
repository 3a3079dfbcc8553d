#include "core/billing/jsonreading.h"

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

} // namespace Tenantry::Billing
