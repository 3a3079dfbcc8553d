#pragma once

#include "core/base/result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Tenantry::Observe {
class RequestMetrics;
}

namespace Tenantry::Widgets {

// The console's handle on an HTTP server it runs itself (the embedded server): start, stop,
// where it listens, and the request metrics it records for the Monitoring page. Implemented by
// the application, which owns the server; the widgets never see its sockets or threads.
class ServerControl : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual bool isRunning() const = 0;
    // "http://127.0.0.1:8080" while running, empty otherwise.
    virtual QString url() const = 0;
    // The admin API's bearer token while running (generated for the session unless configured).
    virtual QByteArray adminToken() const = 0;
    // Valid while running; thread-safe to read.
    virtual const Observe::RequestMetrics *metrics() const = 0;
    // The slug of a tenant id, or empty when unknown.
    virtual QString slugOf(const QString &tenantId) const = 0;

    // Starts listening; an error says why not (e.g. the port is taken). No-op when running.
    virtual Status start() = 0;
    // Stops listening and flushes what the server queued. No-op when stopped.
    virtual void stop() = 0;

Q_SIGNALS:
    void runningChanged(bool running);
};

} // namespace Tenantry::Widgets
