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

ErrorKind errorKindForStatus(int status)
{
    switch (status) {
    case 400: return ErrorKind::Invalid;
    case 401: return ErrorKind::Unauthenticated;
    case 403: return ErrorKind::Forbidden;
    case 404: return ErrorKind::NotFound;
    case 409: return ErrorKind::Conflict;
    case 410: return ErrorKind::Gone;
    case 412: return ErrorKind::PreconditionFailed;
    case 413: return ErrorKind::TooLarge;
    case 429: return ErrorKind::TooManyRequests;
    case 431: return ErrorKind::HeadersTooLarge;
    case 502:
    case 503:
    case 504: return ErrorKind::Unavailable;
    default: return status >= 400 && status < 500 ? ErrorKind::Invalid : ErrorKind::Internal;
    }
}

Error errorFromProblem(int status, const QByteArray &body, int retryAfterSeconds)
{
    Error error;
    error.kind = errorKindForStatus(status);
    error.retryAfterSeconds = retryAfterSeconds;
    const QJsonObject problem = QJsonDocument::fromJson(body).object();
    const QString prefix = problemType(QString());
    QString code = problem.value(u"code"_s).toString();
    if (code.isEmpty() && problem.value(u"type"_s).toString().startsWith(prefix))
        code = problem.value(u"type"_s).toString().mid(prefix.size());
    if (code.isEmpty()) {
        error.code = u"unexpected-response"_s;
        error.message = u"The server answered %1 without saying why."_s.arg(status);
        return error;
    }
    error.code = code;
    error.message = problem.value(u"detail"_s).toString(problem.value(u"title"_s).toString());
    for (const QJsonValue &field : problem.value(u"errors"_s).toArray()) {
        const QJsonObject f = field.toObject();
        error.fields.append({f.value(u"field"_s).toString(), f.value(u"message"_s).toString()});
    }
    return error;
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
