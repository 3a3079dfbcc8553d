#include "core/remote/adminclient.h"

#include "core/http/problem.h"
#include "core/http/router.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>

#include <future>

using namespace Qt::StringLiterals;

namespace Tenantry::Remote {
namespace {

// One call's hand-over between the caller and the network thread. Shared, so a caller that
// gave up waiting leaves the network thread a place to put the late answer.
struct Exchange {
    std::promise<Result<AdminReply>> done;
    std::function<bool(const QByteArray &)> sink;
    bool sinkFailed = false;
};

bool succeeded(int status) { return status >= 200 && status < 300; }

} // namespace

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString tenantPath(const QString &slug, const QString &rest)
{
    return u"/admin/v1/tenants/"_s + encoded(slug) + rest;
}

QByteArray AdminReply::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

Result<QJsonObject> AdminReply::json() const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error{ErrorKind::Internal, u"unexpected-response"_s,
                     u"The server's answer is not a JSON object."_s, {}};
    return document.object();
}

class AdminClient::Worker final : public QObject
{
public:
    explicit Worker(std::chrono::milliseconds timeout) : m_timeout(timeout) {}

    void start(QNetworkRequest request, const QByteArray &method, const QByteArray &body,
               const std::shared_ptr<Exchange> &exchange)
    {
        if (!m_network)
            m_network = new QNetworkAccessManager(this);
        request.setTransferTimeout(int(m_timeout.count()));
        QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
        auto kept = std::make_shared<QByteArray>();
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, exchange, kept] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray chunk = reply->readAll();
            if (exchange->sink && succeeded(status)) {
                if (!exchange->sinkFailed && !exchange->sink(chunk)) {
                    exchange->sinkFailed = true;
                    reply->abort();
                }
                return;
            }
            kept->append(chunk);
        });
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, exchange, kept] {
            reply->deleteLater();
            if (reply->isOpen()) // not after an abort by the sink
                kept->append(reply->readAll());
            exchange->done.set_value(answer(*reply, *exchange, *kept));
        });
    }

private:
    static Result<AdminReply> answer(QNetworkReply &reply, const Exchange &exchange, const QByteArray &body)
    {
        if (exchange.sinkFailed)
            return Error{ErrorKind::Internal, u"sink-failed"_s, u"The download could not be written."_s, {}};
        const QVariant statusAttribute = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            const QString where = reply.url().adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
            if (reply.error() == QNetworkReply::OperationCanceledError || reply.error() == QNetworkReply::TimeoutError)
                return Error::unavailable(u"server-timeout"_s,
                                          u"The server at %1 did not answer in time."_s.arg(where));
            return Error::unavailable(u"server-unreachable"_s,
                                      u"The server at %1 cannot be reached: %2"_s.arg(where, reply.errorString()));
        }
        const int status = statusAttribute.toInt();
        if (!succeeded(status))
            return Http::errorFromProblem(status, body, reply.rawHeader("Retry-After").toInt());
        AdminReply out;
        out.status = status;
        out.contentType = reply.header(QNetworkRequest::ContentTypeHeader).toByteArray();
        out.body = body;
        for (const auto &[name, value] : reply.rawHeaderPairs())
            out.headers.append({name.toLower(), value});
        return out;
    }

    std::chrono::milliseconds m_timeout;
    QNetworkAccessManager *m_network = nullptr; // made on the network thread, which then owns it
};

AdminClient::AdminClient(AdminEndpoint endpoint)
    : m_endpoint(std::move(endpoint))
    , m_thread(std::make_unique<QThread>())
    , m_worker(new Worker(m_endpoint.timeout))
{
    m_thread->setObjectName(u"tenantry-admin-client"_s);
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

AdminClient::~AdminClient()
{
    m_thread->quit();
    m_thread->wait();
}

Result<AdminReply> AdminClient::send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                     const QByteArray &body, const QByteArray &contentType,
                                     const std::function<bool(const QByteArray &)> &sink,
                                     const QString &operatorId)
{
    if (QThread::currentThread() == m_thread.get())
        return Error::internal(u"The admin client was called from its own network thread."_s);
    QUrl url = m_endpoint.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode); // `path` comes percent-encoded
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_endpoint.token);
    request.setRawHeader("Accept", "application/json, application/problem+json, */*");
    if (!operatorId.isEmpty())
        request.setRawHeader(Http::kOperatorHeader.toByteArray(), operatorId.toUtf8());
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    // A plain request per call: the admin API answers small JSON documents, and HTTP/2's
    // upgrade dance only adds a round trip against QtHttpServer.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    auto exchange = std::make_shared<Exchange>();
    exchange->sink = sink;
    std::future<Result<AdminReply>> reply = exchange->done.get_future();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, request, method, body, exchange] {
        worker->start(request, method, body, exchange);
    }, Qt::QueuedConnection);
    // The transfer timeout ends every request that stalls; this bound only guards against a
    // network thread that stopped serving (a bug), so a caller never hangs for good.
    const auto bound = m_endpoint.timeout * 4 + std::chrono::seconds(5);
    if (reply.wait_for(bound) != std::future_status::ready)
        return Error::unavailable(u"server-timeout"_s,
                                  u"The server at %1 did not answer in time."_s.arg(describe()));
    return reply.get();
}

Result<QJsonObject> AdminClient::getJson(const QString &path, const QUrlQuery &query)
{
    Result<AdminReply> reply = send("GET", path, query);
    if (!reply)
        return reply.error();
    return reply->json();
}

Result<QJsonObject> AdminClient::sendJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                                          const QString &operatorId)
{
    Result<AdminReply> reply =
        send(method, path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", {}, operatorId);
    if (!reply)
        return reply.error();
    if (reply->body.isEmpty())
        return QJsonObject();
    return reply->json();
}

QString AdminClient::describe() const
{
    return m_endpoint.baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::StripTrailingSlash).toString();
}

} // namespace Tenantry::Remote
