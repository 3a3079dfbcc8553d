#include "app/embeddedserver.h"

#include "app/serverhost.h"

#include <QRandomGenerator>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Tenantry::App {

EmbeddedServer::EmbeddedServer(Runtime &runtime, Http::ServeOptions options, bool portConfigured, QObject *parent)
    : Widgets::ServerControl(parent)
    , m_runtime(runtime)
    , m_options(std::move(options))
    , m_portConfigured(portConfigured)
{
    if (m_options.adminToken.isEmpty()) {
        QByteArray random(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
        m_options.adminToken = random.toHex();
    }
}

EmbeddedServer::~EmbeddedServer()
{
    stop();
}

bool EmbeddedServer::isRunning() const
{
    return m_host != nullptr;
}

QString EmbeddedServer::url() const
{
    return m_host ? m_host->url() : QString();
}

QByteArray EmbeddedServer::adminToken() const
{
    return m_host ? m_options.adminToken : QByteArray();
}

const Observe::RequestMetrics *EmbeddedServer::metrics() const
{
    return m_host ? &m_host->metrics() : nullptr;
}

const Quota::QuotaGate *EmbeddedServer::quotaGate() const
{
    return m_host ? &m_host->quotaGate() : nullptr;
}

QString EmbeddedServer::slugOf(const QString &tenantId) const
{
    const auto tenant = m_runtime.directory().snapshot()->findId(tenantId);
    return tenant ? tenant->slug : QString();
}

Result<std::unique_ptr<ServerHost>> EmbeddedServer::startOnThread(const Http::ServeOptions &options)
{
    // The host is created on the server thread so its sockets and timers belong to that thread.
    Result<std::unique_ptr<ServerHost>> result = Error::internal(u"The embedded server thread did not run."_s);
    QMetaObject::invokeMethod(
        m_threadContext, [&] { result = ServerHost::start(m_runtime, options); }, Qt::BlockingQueuedConnection);
    return result;
}

Status EmbeddedServer::start()
{
    if (m_host)
        return {};
    m_thread = new QThread(this);
    m_thread->setObjectName(u"embedded-server"_s);
    m_threadContext = new QObject;
    m_threadContext->moveToThread(m_thread);
    m_thread->start();

    auto host = startOnThread(m_options);
    if (!host && host.error().code == "listen-failed"_L1 && !m_portConfigured) {
        Http::ServeOptions anyPort = m_options;
        anyPort.port = 0;
        host = startOnThread(anyPort);
    }
    if (!host) {
        const Error error = host.error();
        stop();
        return error;
    }
    m_host = std::move(host).value();
    Q_EMIT runningChanged(true);
    return {};
}

void EmbeddedServer::stop()
{
    const bool wasRunning = m_host != nullptr;
    if (m_host) {
        // Destroyed on its own thread, where its sockets and timers live.
        QMetaObject::invokeMethod(m_threadContext, [this] { m_host.reset(); }, Qt::BlockingQueuedConnection);
    }
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_threadContext;
        m_threadContext = nullptr;
        delete m_thread;
        m_thread = nullptr;
    }
    if (wasRunning)
        Q_EMIT runningChanged(false);
}

} // namespace Tenantry::App
