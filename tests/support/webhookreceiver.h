#pragma once

#include "tests/support/rawhttp.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace Tenantry::Testing {

// A real HTTP endpoint on a free loopback port for webhook tests: it records every request
// it receives and answers each from a script (status and headers, never answering, or
// closing the connection). Runs on the test's event loop: use waitUntil() to let it work.
class WebhookReceiver final : public QObject
{
public:
    struct Request {
        QByteArray method;
        QByteArray target;
        RawHeaders headers;
        QByteArray body;
        QByteArray header(QByteArrayView name) const;
        QJsonObject json() const;
    };
    struct Reply {
        enum class Kind { Answer, Hang, Close };
        Kind kind = Kind::Answer;
        int status = 200;
        RawHeaders headers;

        static Reply answer(int code, RawHeaders headers = {}) { return {Kind::Answer, code, std::move(headers)}; }
        static Reply hang() { return {Kind::Hang, 0, {}}; }
        static Reply close() { return {Kind::Close, 0, {}}; }
    };

    WebhookReceiver();
    ~WebhookReceiver() override;

    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path = QStringLiteral("/hook")) const;
    // Replies for the next requests, in order; once used up every request gets 200.
    void script(QList<Reply> replies) { m_script = std::move(replies); }
    const QList<Request> &requests() const { return m_requests; }
    // Requests answered with Hang whose connection is still open.
    int held() const { return int(m_held.size()); }
    // The most requests held at the same moment so far.
    int maxHeld() const { return m_maxHeld; }
    // Answers every held request with `status`.
    void releaseHeld(int status = 200);

private:
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, int status, const RawHeaders &headers);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QTcpSocket *> m_held;
    QList<Reply> m_script;
    QList<Request> m_requests;
    int m_maxHeld = 0;
};

// Runs the event loop until `done` holds or `timeoutMs` passes; returns `done()`. For
// waiting on another party (a socket, a process), not for letting time pass.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 15000);

} // namespace Tenantry::Testing
