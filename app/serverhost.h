#pragma once

#include "app/runtime.h"
#include "core/http/serveroptions.h"
#include "core/observe/requestmetrics.h"
#include "core/quota/quotagate.h"

#include <QLoggingCategory>
#include <QObject>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcServe)

namespace Tenantry::App {

// Everything a running server adds to a Runtime: the routes, the HTTP listener, and the timers
// of its background work (directory refresh, purging, flushing audit events and tenant logs,
// anomaly checks). `tenantry serve` runs one; the console runs one as its embedded server.
//
// Lives on the thread that starts it, whose event loop must run; the HTTP requests and the timers
// are handled there. `runtime` must outlive it. Destroying it stops listening and flushes what is
// queued.
class ServerHost final : public QObject
{
    Q_OBJECT

public:
    // Builds the pipeline for `options` and starts listening. Errors: the JWT key file cannot
    // be loaded, or the address cannot be bound ("listen-failed").
    static Result<std::unique_ptr<ServerHost>> start(Runtime &runtime, const Http::ServeOptions &options);
    ~ServerHost() override;

    quint16 port() const;
    // "http://127.0.0.1:8080" ([::1] style for IPv6).
    QString url() const;
    // The per-tenant request counts the server records; thread-safe to read from any thread.
    const Observe::RequestMetrics &metrics() const;
    // The request path's quota counters; thread-safe to read (usage()) from any thread.
    const Quota::QuotaGate &quotaGate() const;

    // Closes the listening sockets; requests already read are still answered.
    void stopListening();
    // Writes queued audit events and tenant log lines now.
    void flush();

private:
    struct Parts;
    explicit ServerHost(std::unique_ptr<Parts> parts);
    void startTimers();
    void checkAnomalies();
    // Writes the quota counters that moved since the last save.
    void saveQuotaCounters();

    std::unique_ptr<Parts> m_parts;
};

} // namespace Tenantry::App
