#include "core/http/httpmessage.h"

#include <QJsonDocument>

namespace Tenantry::Http {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QList<QByteArray> HttpRequest::headerValues(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            out.append(value);
    }
    return out;
}

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return {status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    return {status, "application/json", QJsonDocument(array).toJson(QJsonDocument::Compact), {}};
}

HttpResponse HttpResponse::noContent()
{
    return {204, {}, {}, {}};
}

HttpResponse HttpResponse::attachment(QByteArray contentType, QByteArray body, const QString &fileName)
{
    HttpResponse r{200, std::move(contentType), std::move(body), {}};
    r.headers.emplaceBack(QByteArray("Content-Disposition"), "attachment; filename=\"" + fileName.toLatin1() + '"');
    return r;
}

} // namespace Tenantry::Http
