#pragma once

#include "core/http/apiserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace Tenantry::Testing {

// What ApiServer::dispatch answered, with the JSON body parsed, for route tests that run the
// whole pipeline without sockets.
struct DispatchReply {
    int status = 0;
    QByteArray contentType;
    QByteArray raw;
    QJsonObject body;

    QString code() const { return body.value(QLatin1StringView("code")).toString(); }
    // The JSON pointers of a problem's field errors.
    QStringList fieldErrors() const
    {
        QStringList out;
        for (const QJsonValue &e : body.value(QLatin1StringView("errors")).toArray())
            out.append(e.toObject().value(QLatin1StringView("field")).toString());
        return out;
    }
};

// Sends `method target` (path with an optional query) through `server` as from localhost.
inline DispatchReply dispatchTo(const Http::ApiServer &server, const QByteArray &method, const QString &target,
                                const Http::HeaderList &headers, const QByteArray &body = {})
{
    const qsizetype q = target.indexOf(u'?');
    Http::HttpRequest request{method, target.left(q < 0 ? target.size() : q).toUtf8(),
                              QUrlQuery(q < 0 ? QString() : target.mid(q + 1)), headers, body,
                              QHostAddress::LocalHost, QStringLiteral("req-1")};
    const Http::HttpResponse r = server.dispatch(request);
    return {r.status, r.contentType, r.body, QJsonDocument::fromJson(r.body).object()};
}

} // namespace Tenantry::Testing
