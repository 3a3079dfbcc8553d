#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace Tenantry::Http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A request as our pipeline sees it, copied out of QHttpServerRequest once so that routes,
// strategies and tests do not depend on QtHttpServer types.
struct HttpRequest {
    QByteArray method; // upper case, e.g. "GET"
    QByteArray path;   // still percent-encoded
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;
    QHostAddress remoteAddress;
    QString requestId;

    // First value of a header, compared case-insensitively; empty if absent.
    QByteArray header(QByteArrayView name) const;
    QList<QByteArray> headerValues(QByteArrayView name) const;
};

// What a handler answers. Content-Length is added when it is written.
struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    HeaderList headers;
    QString tenantId; // the tenant the request was served for, for accounting; never sent

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    static HttpResponse noContent();
    // A file to download: `body` as `contentType` with Content-Disposition naming `fileName`
    // (built by the caller from slugs, numbers, dates and fixed words only: it is not quoted).
    static HttpResponse attachment(QByteArray contentType, QByteArray body, const QString &fileName);
};

} // namespace Tenantry::Http
