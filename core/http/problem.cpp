#include "core/http/problem.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

QString titleFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return u"Bad request"_s;
    case ErrorKind::Unauthenticated: return u"Authentication required"_s;
    case ErrorKind::Forbidden: return u"Forbidden"_s;
    case ErrorKind::NotFound: return u"Not found"_s;
    case ErrorKind::Conflict: return u"Conflict"_s;
    case ErrorKind::Gone: return u"Gone"_s;
    case ErrorKind::PreconditionFailed: return u"Precondition failed"_s;
    case ErrorKind::TooManyRequests: return u"Too many requests"_s;
    case ErrorKind::TooLarge: return u"Payload too large"_s;
    case ErrorKind::HeadersTooLarge: return u"Request header fields too large"_s;
    case ErrorKind::Unavailable: return u"Service unavailable"_s;
    case ErrorKind::Internal: return u"Internal server error"_s;
    }
    return u"Error"_s;
}

} // namespace

int httpStatus(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return 400;
    case ErrorKind::Unauthenticated: return 401;
    case ErrorKind::Forbidden: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::Gone: return 410;
    case ErrorKind::PreconditionFailed: return 412;
    case ErrorKind::TooManyRequests: return 429;
    case ErrorKind::TooLarge: return 413;
    case ErrorKind::HeadersTooLarge: return 431;
    case ErrorKind::Unavailable: return 503;
    case ErrorKind::Internal: return 500;
    }
    return 500;
}

QString problemType(const QString &code)
{
    return u"https://tenantry.dev/problems/"_s + code;
}

HttpResponse problemResponse(const Error &error, const QByteArray &instance, const QString &requestId)
{
    const int status = httpStatus(error.kind);
    QJsonObject body{
        {u"type"_s, problemType(error.code)},
        {u"title"_s, titleFor(error.kind)},
        {u"status"_s, status},
        {u"detail"_s, error.message},
        {u"instance"_s, QString::fromUtf8(instance)},
        {u"code"_s, error.code},
    };
    if (!requestId.isEmpty())
        body.insert(u"request_id"_s, requestId);
    if (!error.fields.isEmpty()) {
        QJsonArray fields;
        for (const FieldError &f : error.fields)
            fields.append(QJsonObject{{u"field"_s, f.field}, {u"message"_s, f.message}});
        body.insert(u"errors"_s, fields);
    }
    HttpResponse response{status, "application/problem+json", QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
    if (error.kind == ErrorKind::Unauthenticated)
        response.headers.emplaceBack(QByteArray("WWW-Authenticate"), "Bearer realm=\"tenantry\"");
    if (error.retryAfterSeconds > 0)
        response.headers.emplaceBack(QByteArray("Retry-After"), QByteArray::number(error.retryAfterSeconds));
    return response;
}

} // namespace Tenantry::Http
