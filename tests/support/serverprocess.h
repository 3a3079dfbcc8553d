#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryFile>

#include <memory>

namespace Tenantry::Testing {

// The real `tenantry serve` binary running on a free loopback port, stopped (SIGTERM)
// when this object dies. Its stderr is kept for assertions and failure messages.
class ServerProcess
{
public:
    // `arguments` come after "serve --listen 127.0.0.1:0". Returns nullptr and sets
    // `error` if the server did not report a listening port within 20 s.
    static std::unique_ptr<ServerProcess> start(const QStringList &arguments,
                                                const QProcessEnvironment &environment,
                                                QString *error);
    ~ServerProcess();

    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QString output();
    // Sends SIGTERM and waits; returns the exit code, or -1 if it had to be killed.
    int stop(int timeoutMs = 10000);
    // Reads a field of /proc/<pid>/status in KiB (e.g. "VmRSS", "VmHWM").
    qint64 memoryKiB(const char *field) const;

private:
    QTemporaryFile m_log; // the server's stderr
    QProcess m_process;
    quint16 m_port = 0;
};

// Runs `tenantry <arguments>` to completion (the CLI); returns exit code, stdout, stderr.
struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
CliResult runCli(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace Tenantry::Testing
