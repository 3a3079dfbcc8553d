#pragma once

#include "core/base/result.h"
#include "core/http/httpmessage.h"

#include <QJsonObject>

#include <initializer_list>

namespace Tenantry::Http {

// Parses a request body that must be one JSON object (an empty body is an empty object).
// Malformed JSON is 400 "malformed-json" saying where (offset, line, column) and what.
Result<QJsonObject> parseJsonObject(const HttpRequest &request);

// Reads typed fields out of a JSON object and collects every problem, each named by its
// JSON pointer, so one response lists them all ("invalid-request").
class JsonFields
{
public:
    explicit JsonFields(const QJsonObject &object) : m_object(object) {}

    QString string(const QString &key, bool required = false, const QString &fallback = {});
    bool boolean(const QString &key, bool fallback);
    int integer(const QString &key, int fallback, int min, int max);
    QJsonObject object(const QString &key);
    // Any key not in `allowed` is an error.
    void allowOnly(std::initializer_list<QString> allowed);
    Status finish() const;

private:
    const QJsonObject &m_object;
    QList<FieldError> m_errors;
};

} // namespace Tenantry::Http
