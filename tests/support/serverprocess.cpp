#include "tests/support/serverprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <csignal>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {

std::unique_ptr<ServerProcess> ServerProcess::start(const QStringList &arguments,
                                                    const QProcessEnvironment &environment, QString *error)
{
    auto server = std::unique_ptr<ServerProcess>(new ServerProcess);
    server->m_process.setProcessEnvironment(environment);
    server->m_process.setProgram(QString::fromUtf8(TENANTRY_BINARY));
    server->m_process.setArguments(QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s} + arguments);
    // Into a file rather than a pipe: a test busy sending requests does not read the pipe, and a
    // server that logs every request would block once the pipe filled up.
    if (!server->m_log.open()) {
        if (error)
            *error = u"cannot create a file for the server's output"_s;
        return nullptr;
    }
    server->m_process.setStandardErrorFile(server->m_log.fileName());
    server->m_process.start();
    static const QRegularExpression listening(u"listening on http://127\\.0\\.0\\.1:(\\d+)"_s);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        server->m_process.waitForFinished(50);
        const auto m = listening.match(server->output());
        if (m.hasMatch()) {
            server->m_port = quint16(m.captured(1).toUInt());
            return server;
        }
        if (server->m_process.state() == QProcess::NotRunning)
            break;
    }
    if (error)
        *error = u"server did not start: "_s + server->output();
    return nullptr;
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop(5000);
}

QString ServerProcess::output()
{
    QFile log(m_log.fileName());
    return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
}

int ServerProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(2000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

qint64 ServerProcess::memoryKiB(const char *field) const
{
    QFile status(u"/proc/%1/status"_s.arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field) && line.size() > qsizetype(std::strlen(field)) && line[std::strlen(field)] == ':')
            return line.mid(std::strlen(field) + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

CliResult runCli(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(QString::fromUtf8(TENANTRY_BINARY), arguments);
    CliResult r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace Tenantry::Testing
