#include "tests/support/rawhttp.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {

QByteArray RawResponse::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QJsonObject RawResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString RawResponse::problemCode() const
{
    const QString type = json().value(u"type"_s).toString();
    const QString prefix = u"https://tenantry.dev/problems/"_s;
    return type.startsWith(prefix) ? type.mid(prefix.size()) : type;
}

RawResponse sendRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                        const RawHeaders &headers, const QByteArray &body, int timeoutMs)
{
    RawResponse response;
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(timeoutMs))
        return response;
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\n";
    bool hasHost = false;
    for (const auto &[k, v] : headers) {
        hasHost = hasHost || k.compare("host", Qt::CaseInsensitive) == 0;
        request += k + ": " + v + "\r\n";
    }
    if (!hasHost)
        request += "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "Connection: close\r\n\r\n" + body;
    socket.write(request);

    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    qsizetype headerEnd = -1;
    qint64 contentLength = -1;
    while (timer.elapsed() < timeoutMs) {
        if (headerEnd < 0 && (headerEnd = data.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = data.left(headerEnd).split('\n');
            const QList<QByteArray> status = lines.first().trimmed().split(' ');
            response.status = status.value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    response.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            }
            const QByteArray length = response.header("Content-Length");
            contentLength = length.isEmpty() ? -1 : length.toLongLong();
        }
        if (headerEnd >= 0 && contentLength >= 0 && data.size() - headerEnd - 4 >= contentLength)
            break;
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        if (socket.bytesAvailable() == 0)
            socket.waitForReadyRead(100);
        data += socket.readAll();
    }
    if (headerEnd >= 0)
        response.body = data.mid(headerEnd + 4, contentLength >= 0 ? contentLength : -1);
    return response;
}

} // namespace Tenantry::Testing
