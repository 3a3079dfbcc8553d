#include "core/records/fieldvalue.h"

#include "core/records/decimal.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tenantry::Records {
namespace {

// Keys longer than this are hashed: a PostgreSQL B-tree entry holds at most ~2,700 bytes.
constexpr qsizetype kMaxPlainKeyBytes = 256;

Error invalidValue(const QString &message)
{
    return Error::invalid(u"invalid-value"_s, message);
}

bool containsNul(const QString &s)
{
    return s.contains(QChar(u'\0'));
}

bool jsonContainsNul(const QJsonValue &v)
{
    if (v.isString())
        return containsNul(v.toString());
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), [](const QJsonValue &x) { return jsonContainsNul(x); });
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (containsNul(it.key()) || jsonContainsNul(it.value()))
                return true;
        }
    }
    return false;
}

Result<QJsonValue> canonicalDate(const QJsonValue &value)
{
    static const QRegularExpression shape(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    const QString text = value.toString();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!value.isString() || !shape.match(text).hasMatch() || !date.isValid() || date.year() < 1)
        return invalidValue(u"must be a date such as 2026-01-31"_s);
    return QJsonValue(text);
}

Result<QJsonValue> canonicalDateTime(const QJsonValue &value)
{
    static const QRegularExpression zone(u"(Z|[+-][0-9]{2}:?[0-9]{2})$"_s);
    const QString text = value.toString();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    // A time without a zone would mean whatever the server's zone is: refuse it.
    if (!value.isString() || !t.isValid() || !zone.match(text).hasMatch())
        return invalidValue(u"must be an ISO 8601 date and time with a zone, such as 2026-01-31T12:00:00Z"_s);
    const QDateTime utc = t.toUTC();
    if (utc.date().year() < 1 || utc.date().year() > 9999)
        return invalidValue(u"must be between years 0001 and 9999 in UTC"_s);
    return QJsonValue(utc.toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u'Z');
}

} // namespace

Result<QJsonValue> canonicalValue(const FieldDefinition &field, const QJsonValue &value, QByteArrayView rawNumber)
{
    switch (field.type) {
    case FieldType::String: {
        if (!value.isString())
            return invalidValue(u"must be a string"_s);
        const QString s = value.toString();
        if (containsNul(s))
            return invalidValue(u"must not contain the NUL character"_s);
        const int limit = field.maxLength.value_or(kMaxStringLength);
        if (s.size() > limit && s.toUcs4().size() > limit)
            return invalidValue(u"must be at most %1 characters long"_s.arg(limit));
        return value;
    }
    case FieldType::Integer: {
        // Qt keeps JSON integers that fit 64 bits exactly; toInteger() answers the fallback
        // for anything that is not a whole number in range, so two fallbacks tell them apart.
        const qint64 n = value.toInteger(0);
        if (!value.isDouble() || n != value.toInteger(1))
            return invalidValue(u"must be a whole number from -9223372036854775808 to 9223372036854775807"_s);
        return QJsonValue(n);
    }
    case FieldType::Decimal: {
        std::optional<QString> canonical;
        if (value.isString())
            canonical = canonicalDecimal(value.toString());
        else if (value.isDouble() && !rawNumber.isEmpty())
            canonical = canonicalDecimal(QString::fromLatin1(rawNumber));
        else if (value.isDouble() && value.toInteger(0) == value.toInteger(1))
            canonical = canonicalDecimal(QString::number(value.toInteger()));
        if (!canonical) {
            return invalidValue(u"must be a decimal number or a numeric string such as \"12.50\", "
                                "with at most %1 digits before and after the point"_s.arg(kDecimalMaxDigits));
        }
        return QJsonValue(*canonical);
    }
    case FieldType::Boolean:
        if (!value.isBool())
            return invalidValue(u"must be true or false"_s);
        return value;
    case FieldType::Date:
        return canonicalDate(value);
    case FieldType::DateTime:
        return canonicalDateTime(value);
    case FieldType::Json:
        if (value.isUndefined() || value.isNull())
            return invalidValue(u"must be a JSON value other than null"_s);
        if (jsonContainsNul(value))
            return invalidValue(u"must not contain the NUL character"_s);
        return value;
    }
    return invalidValue(u"has an unknown type"_s);
}

QString keyText(const QJsonValue &canonical)
{
    QString text;
    if (canonical.isString())
        text = canonical.toString();
    else if (canonical.isBool())
        text = canonical.toBool() ? u"true"_s : u"false"_s;
    else if (canonical.isDouble())
        text = QString::number(canonical.toInteger());
    else if (canonical.isArray())
        text = QString::fromUtf8(QJsonDocument(canonical.toArray()).toJson(QJsonDocument::Compact));
    else if (canonical.isObject())
        text = QString::fromUtf8(QJsonDocument(canonical.toObject()).toJson(QJsonDocument::Compact));
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= kMaxPlainKeyBytes)
        return text;
    return u"sha256:"_s + QString::fromLatin1(QCryptographicHash::hash(utf8, QCryptographicHash::Sha256).toHex());
}

} // namespace Tenantry::Records
