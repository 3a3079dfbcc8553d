#include "tests/support/webhookreceiver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {

QByteArray WebhookReceiver::Request::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QJsonObject WebhookReceiver::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

WebhookReceiver::WebhookReceiver()
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_buffers.insert(socket, {});
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                m_held.removeAll(socket);
                socket->deleteLater();
            });
        }
    });
}

WebhookReceiver::~WebhookReceiver()
{
    for (QTcpSocket *socket : m_buffers.keys()) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

QString WebhookReceiver::url(const QString &path) const
{
    return u"http://127.0.0.1:%1%2"_s.arg(port()).arg(path);
}

void WebhookReceiver::releaseHeld(int status)
{
    const QList<QTcpSocket *> held = std::exchange(m_held, {});
    for (QTcpSocket *socket : held)
        answer(socket, status, {});
}

void WebhookReceiver::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    request.method = first.value(0);
    request.target = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    const qint64 length = request.header("Content-Length").toLongLong();
    if (buffer.size() - end - 4 < length)
        return; // the rest of the body is still coming
    request.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    m_requests.append(request);

    const Reply reply = m_script.isEmpty() ? Reply{} : m_script.takeFirst();
    switch (reply.kind) {
    case Reply::Kind::Answer:
        answer(socket, reply.status, reply.headers);
        break;
    case Reply::Kind::Hang:
        m_held.append(socket);
        m_maxHeld = std::max(m_maxHeld, int(m_held.size()));
        break;
    case Reply::Kind::Close:
        socket->abort();
        break;
    }
}

void WebhookReceiver::answer(QTcpSocket *socket, int status, const RawHeaders &headers)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
    for (const auto &[k, v] : headers)
        response += k + ": " + v + "\r\n";
    response += "Content-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    socket->write(response);
    socket->disconnectFromHost();
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(1);
    }
    return true;
}

} // namespace Tenantry::Testing
