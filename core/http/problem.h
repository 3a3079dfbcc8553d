#pragma once

#include "core/base/error.h"
#include "core/http/httpmessage.h"

namespace Tenantry::Http {

// The one place that turns errors into HTTP. Each ErrorKind maps to exactly one status;
// the body is RFC 9457 application/problem+json whose `type` is
// "https://tenantry.dev/problems/<error code>" — stable, documented in docs/api-errors.md.
int httpStatus(ErrorKind kind);
QString problemType(const QString &code);
HttpResponse problemResponse(const Error &error, const QByteArray &instance, const QString &requestId);

// The inverse, for clients of the API: the Error an answer with `status` and problem+json
// `body` describes (code, kind, message, field errors; `retryAfterSeconds` as the
// Retry-After header said). A body that is not a problem still gives an Error of the
// status's kind, code "unexpected-response".
ErrorKind errorKindForStatus(int status);
Error errorFromProblem(int status, const QByteArray &body, int retryAfterSeconds = 0);

} // namespace Tenantry::Http
