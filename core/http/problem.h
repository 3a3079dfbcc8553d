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

} // namespace Tenantry::Http
