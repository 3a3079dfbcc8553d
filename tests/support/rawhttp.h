#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace Tenantry::Testing {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

struct RawResponse {
    int status = 0; // 0: no response (connection failed or closed early)
    RawHeaders headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const;
    // The problem `type` without the common prefix, e.g. "tenant-not-found".
    QString problemCode() const;
};

// A deliberately dumb HTTP/1.1 client over a raw socket, so tests control every byte of
// the request (hostile Host headers, duplicate headers, odd paths). Sends
// "Connection: close" and reads until the server closes or Content-Length is reached.
RawResponse sendRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                        const RawHeaders &headers = {}, const QByteArray &body = {}, int timeoutMs = 15000);

} // namespace Tenantry::Testing
