#pragma once

#include <QByteArray>
#include <QList>

namespace Tenantry::Identify {

// The parts of an HTTP request that can name a tenant, extracted once by the HTTP layer
// so strategies stay independent of QtHttpServer and easy to test with hostile input.
struct RequestSignals {
    QByteArray host;                 // Host header as received (may carry a port)
    QByteArray path;                 // raw request path, still percent-encoded
    QList<QByteArray> tenantHeaders; // every X-Tenant-ID header value
    QByteArray bearerToken;          // token from "Authorization: Bearer <token>", else empty
};

} // namespace Tenantry::Identify
