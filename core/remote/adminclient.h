#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <memory>

class QThread;

namespace Tenantry::Remote {

// Where a remote `tenantry serve` answers its admin API, and with what token.
struct AdminEndpoint {
    QUrl baseUrl;     // e.g. https://tenantry.example.com (a path prefix, if any, is kept)
    QByteArray token; // the server's admin token, sent as a Bearer token
    // How long one request may stay without progress before it fails with "server-timeout".
    std::chrono::milliseconds timeout{15000};
};

// `value` percent-encoded, as AdminClient takes a path segment (a slug, an id) or a query
// value: QUrlQuery would read a '%', '+' or ';' in it as encoding and change it.
QString encoded(const QString &value);
// The admin API path of the tenant `slug` (encoded), plus `rest` (e.g. "/quotas").
QString tenantPath(const QString &slug, const QString &rest = {});

// An answer of the server that was not an error.
struct AdminReply {
    int status = 0;
    QByteArray contentType;
    QByteArray body;                            // empty when it was streamed to a sink
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case

    QByteArray header(const QByteArray &lowerCaseName) const;
    // The body as a JSON object; Internal "unexpected-response" when it is not one.
    Result<QJsonObject> json() const;
};

// A blocking client of the admin API, used by the remote implementations of the core's
// service interfaces so the console's pages work on a server as they do on a catalog.
//
// Qt's network classes belong to the thread that made them, while the services are called
// from the GUI thread and from workers alike; so the client keeps its own network thread
// and every call waits there for its reply. Calls are thread-safe and may run concurrently.
// Any non-2xx answer comes back as the Error the server described (its problem+json code,
// kind, message and field errors), so callers see the same errors as from the local
// services; a server that cannot be reached is Unavailable "server-unreachable", one that
// stops answering "server-timeout".
class AdminClient final
{
public:
    explicit AdminClient(AdminEndpoint endpoint);
    ~AdminClient();
    AdminClient(const AdminClient &) = delete;
    AdminClient &operator=(const AdminClient &) = delete;

    // Sends one request. `path` starts with "/", is percent-encoded (a slug or id in it through
    // encoded() or tenantPath()) and is appended to the base URL's path; `query` values are
    // percent-encoded too.
    // When `sink` is given the body is handed to it in pieces as it arrives (on the network
    // thread, while this call waits) instead of being kept; returning false from it aborts
    // the transfer with Internal "sink-failed". A change made for someone passes their
    // Actor id as `operatorId`, which the server records in its audit trail as
    // "admin:<operatorId>" (the X-Tenantry-Operator header).
    Result<AdminReply> send(const QByteArray &method, const QString &path, const QUrlQuery &query = {},
                            const QByteArray &body = {}, const QByteArray &contentType = {},
                            const std::function<bool(const QByteArray &chunk)> &sink = {},
                            const QString &operatorId = {});

    // The JSON calls most routes need: the reply's body as an object ({} for an empty body).
    Result<QJsonObject> getJson(const QString &path, const QUrlQuery &query = {});
    Result<QJsonObject> sendJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                                 const QString &operatorId = {});

    // The base URL without credentials, for the status bar.
    QString describe() const;

private:
    class Worker;
    AdminEndpoint m_endpoint;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr; // lives on m_thread; deleted there when it finishes
};

} // namespace Tenantry::Remote
