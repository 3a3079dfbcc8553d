#pragma once

#include "app/runtime.h"
#include "core/http/serveroptions.h"
#include "widgets/servercontrol.h"

#include <memory>

class QThread;

namespace Tenantry::Quota {
class QuotaGate;
}

namespace Tenantry::App {

class ServerHost;

// The console's embedded server: a ServerHost on a thread of its own, so requests and the
// server's background work never wait for the window (and a busy window never delays a
// request). Options come from the same flags, TENANTRY_* variables and config file as
// `tenantry serve`; without a configured admin token one is generated for the session. When
// the default port is taken, a free one is used instead.
//
// `runtime` must outlive it. GUI thread only.
class EmbeddedServer final : public Widgets::ServerControl
{
    Q_OBJECT

public:
    EmbeddedServer(Runtime &runtime, Http::ServeOptions options, bool portConfigured, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    bool isRunning() const override;
    QString url() const override;
    QByteArray adminToken() const override;
    const Observe::RequestMetrics *metrics() const override;
    QString slugOf(const QString &tenantId) const override;
    // The running server's quota counters (live usage); null while stopped.
    const Quota::QuotaGate *quotaGate() const;
    Status start() override;
    void stop() override;

private:
    Result<std::unique_ptr<ServerHost>> startOnThread(const Http::ServeOptions &options);

    Runtime &m_runtime;
    Http::ServeOptions m_options;
    bool m_portConfigured = false;
    QThread *m_thread = nullptr;
    QObject *m_threadContext = nullptr; // lives on m_thread; runs work there
    std::unique_ptr<ServerHost> m_host;
};

} // namespace Tenantry::App
