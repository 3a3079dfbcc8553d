#include "core/http/jsonbody.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {

Result<QJsonObject> parseJsonObject(const HttpRequest &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = request.body.left(error.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
        return Error::invalid(u"malformed-json"_s,
                              u"The body is not valid JSON: %1 at offset %2 (line %3, column %4)."_s
                                  .arg(error.errorString())
                                  .arg(error.offset)
                                  .arg(line)
                                  .arg(column),
                              {{u""_s, u"offset %1"_s.arg(error.offset)}});
    }
    if (!doc.isObject())
        return Error::invalid(u"malformed-json"_s, u"The body must be a JSON object."_s, {{u""_s, u"must be an object"_s}});
    return doc.object();
}

QString JsonFields::string(const QString &key, bool required, const QString &fallback)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            m_errors.append({u"/"_s + key, u"is required"_s});
        return fallback;
    }
    if (!v.isString()) {
        m_errors.append({u"/"_s + key, u"must be a string"_s});
        return fallback;
    }
    return v.toString();
}

bool JsonFields::boolean(const QString &key, bool fallback)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        m_errors.append({u"/"_s + key, u"must be true or false"_s});
        return fallback;
    }
    return v.toBool();
}

int JsonFields::integer(const QString &key, int fallback, int min, int max)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!v.isDouble() || d != std::floor(d) || d < min || d > max) {
        m_errors.append({u"/"_s + key, u"must be an integer from %1 to %2"_s.arg(min).arg(max)});
        return fallback;
    }
    return int(d);
}

QJsonObject JsonFields::object(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        m_errors.append({u"/"_s + key, u"must be a JSON object"_s});
        return {};
    }
    return v.toObject();
}

void JsonFields::allowOnly(std::initializer_list<QString> allowed)
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
            m_errors.append({u"/"_s + it.key(), u"is not a known field"_s});
    }
}

Status JsonFields::finish() const
{
    if (m_errors.isEmpty())
        return {};
    return Error::invalid(u"invalid-request"_s, u"Some fields of the request are not valid."_s, m_errors);
}

} // namespace Tenantry::Http
