#include "core/http/apiserver.h"

#include "core/http/problem.h"
#include "core/security/apikey.h"
#include "core/security/secretcompare.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcHttp, "tenantry.http")

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

QString requestIdFor(const QByteArray &incoming)
{
    // Accept a caller's id for tracing across services, but only a tame one: it is echoed
    // into headers and logs.
    static const QRegularExpression tame(u"^[A-Za-z0-9._-]{1,64}$"_s);
    const QString candidate = QString::fromLatin1(incoming);
    if (!candidate.isEmpty() && tame.match(candidate).hasMatch())
        return candidate;
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// "." and ".." segments (also percent-encoded) are refused outright rather than
// normalized: nothing legitimate sends them, and normalizing invites confusion about
// which tenant or route a path names.
bool hasDotSegment(const QByteArray &path)
{
    for (const QByteArray &segment : path.split('/')) {
        const QByteArray decoded = QByteArray::fromPercentEncoding(segment);
        if (decoded == "." || decoded == "..")
            return true;
    }
    return false;
}

} // namespace

QByteArray bearerToken(const QByteArray &authorization)
{
    const QByteArray value = authorization.trimmed();
    if (value.size() > 7 && value.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return value.mid(7).trimmed();
    return {};
}

ApiServer::ApiServer(const Router &router, const Identify::TenantResolver &resolver,
                     const TenantDirectory &directory, Identify::JwtVerifier verifier, const Clock &clock,
                     ApiServerSettings settings, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_resolver(resolver)
    , m_directory(directory)
    , m_verifier(std::move(verifier))
    , m_clock(clock)
    , m_settings(std::move(settings))
{
}

Result<quint16> ApiServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto *server = new GuardedTcpServer(m_settings.limits, this);
    if (!server->listen(address, port)) {
        const QString why = server->errorString();
        delete server;
        return Error::unavailable(u"listen-failed"_s,
                                  u"Cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(why));
    }
    bind(server);
    return server->serverPort();
}

Status ApiServer::checkAdmin(const HttpRequest &request) const
{
    if (m_settings.adminToken.isEmpty()) {
        return Error::forbidden(u"admin-api-disabled"_s,
                                u"The admin API is disabled: start the server with an admin token "
                                "(--admin-token-file or TENANTRY_ADMIN_TOKEN)."_s);
    }
    const QByteArray token = bearerToken(request.header("Authorization"));
    if (!Security::secretsEqual(token, m_settings.adminToken)) {
        return Error::unauthenticated(u"admin-authentication-required"_s,
                                      u"Send the admin token as 'Authorization: Bearer <token>'."_s);
    }
    return {};
}

void ApiServer::reportAuthFailure(const HttpRequest &request, const QString &tenantId, const Error &error) const
{
    if (!m_settings.authFailures)
        return;
    const Actor actor{u"unauthenticated"_s, request.requestId, request.remoteAddress.toString()};
    m_settings.authFailures(actor, {tenantId, u"auth.failure"_s, QString::fromLatin1(request.method + ' ' + request.path.left(200)),
                                    QJsonValue::Null, QJsonObject{{u"reason"_s, error.code}}});
}

Result<HttpResponse> ApiServer::runTenantRoute(const Route &route, const PathParams &params,
                                               const HttpRequest &request, QByteArrayView tenantPath,
                                               QString *tenantId, HeaderList *quotaHeaders) const
{
    const QList<QByteArray> tenantHeaders = request.headerValues("X-Tenant-ID");
    const Identify::RequestSignals signals_{request.header("Host"), request.path, tenantHeaders,
                                           bearerToken(request.header("Authorization"))};
    auto resolved = m_resolver.resolve(signals_);
    if (!resolved)
        return resolved.error();
    const Tenant &tenant = *resolved->tenant;
    *tenantId = tenant.id;
    if (m_settings.quota)
        m_settings.quota->prefetch(tenant); // loads while the key or token is checked below

    TenantContext context{resolved->tenant, request.requestId, resolved->identifiedBy, {}};
    const QByteArray apiKey = request.header("X-API-Key").trimmed();
    if (!apiKey.isEmpty()) {
        // Same answer whether the key is unknown, revoked or another tenant's: a caller must
        // not learn which keys exist elsewhere.
        const auto invalidKey = Error::unauthenticated(u"invalid-api-key"_s,
                                                       u"The API key is not valid for this tenant."_s);
        if (!Security::looksLikeApiKey(apiKey))
            return invalidKey;
        const auto snapshot = m_directory.snapshot();
        const auto it = snapshot->keysByHash.constFind(Security::hashApiKey(apiKey));
        if (it == snapshot->keysByHash.cend() || it->tenantId != tenant.id)
            return invalidKey;
        context.principal = u"api-key:"_s + it->keyId;
    } else if (!signals_.bearerToken.isEmpty()) {
        std::optional<Identify::JwtClaims> claims = resolved->token;
        if (!claims) {
            auto verified = m_verifier.verify(signals_.bearerToken, m_clock.now());
            if (!verified)
                return verified.error();
            claims = std::move(verified).value();
        }
        if (claims->tenant.toLower() != tenant.slug) {
            return Error::unauthenticated(u"invalid-token"_s,
                                          u"The token is not valid for tenant '%1'."_s.arg(tenant.slug));
        }
        context.principal = u"jwt:"_s + claims->subject;
    } else {
        return Error::unauthenticated(u"authentication-required"_s,
                                      u"Send the tenant's API key as 'X-API-Key' or a bearer token."_s);
    }
    if (!m_settings.quota)
        return route.handler({request, params, &context});
    // Only authenticated requests count against a tenant's quota: a stranger must not be
    // able to use up someone else's.
    Quota::GateDecision admission = m_settings.quota->admit(tenant, request.method, tenantPath,
                                                            m_clock.now().toMSecsSinceEpoch());
    *quotaHeaders = Quota::rateLimitHeaders(admission.rateLimit);
    if (admission.refusal)
        return *admission.refusal;
    return route.handler({request, params, &context}); // `admission` holds the in-flight place until here
}

HttpResponse ApiServer::dispatch(const HttpRequest &request) const
{
    QString tenantId; // known once a tenant route has resolved its tenant
    HeaderList quotaHeaders;
    Result<HttpResponse> result = [&]() -> Result<HttpResponse> {
        if (hasDotSegment(request.path))
            return Error::invalid(u"invalid-path"_s, u"Paths must not contain '.' or '..' segments."_s);
        Router::Match match = m_router.find(request.method, request.path);
        QByteArrayView tenantPath = request.path;
        if (!match.route && m_settings.pathStrategy && request.path.startsWith("/t/")) {
            const qsizetype end = request.path.indexOf('/', 3);
            tenantPath = end < 0 ? QByteArrayView("/") : QByteArrayView(request.path).sliced(end);
            match = m_router.find(request.method, tenantPath.toByteArray(), Scope::Tenant);
        }
        if (!match.route) {
            if (!match.allowedMethods.isEmpty()) {
                Error e = Error::invalid(u"method-not-allowed"_s, u"This route does not accept %1."_s.arg(
                                                                    QString::fromLatin1(request.method)));
                HttpResponse r = problemResponse(e, request.path, request.requestId);
                r.status = 405;
                r.headers.emplaceBack(QByteArray("Allow"), match.allowedMethods.join(", "));
                return r;
            }
            return Error::notFound(u"route-not-found"_s, u"There is no such route."_s);
        }
        switch (match.route->scope) {
        case Scope::Public:
            return match.route->handler({request, match.params, nullptr});
        case Scope::Admin:
            if (Status ok = checkAdmin(request); !ok)
                return ok.error();
            return match.route->handler({request, match.params, nullptr});
        case Scope::Tenant:
            return runTenantRoute(*match.route, match.params, request, tenantPath, &tenantId, &quotaHeaders);
        }
        return Error::internal(u"Unknown route scope."_s);
    }();
    if (!result && result.error().kind == ErrorKind::Unauthenticated)
        reportAuthFailure(request, tenantId, result.error());
    HttpResponse response = result ? std::move(result).value()
                                   : problemResponse(result.error(), request.path, request.requestId);
    response.headers.append(quotaHeaders);
    response.headers.emplaceBack(QByteArray("X-Request-Id"), request.requestId.toLatin1());
    response.tenantId = tenantId;
    return response;
}

bool ApiServer::handleRequest(const QHttpServerRequest &incoming, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    HttpRequest request;
    request.method = methodName(incoming.method());
    const QUrl url = incoming.url();
    request.path = url.path(QUrl::FullyEncoded).toLatin1();
    if (request.path.isEmpty())
        request.path = "/";
    request.query = incoming.query();
    request.headers = incoming.headers();
    request.body = incoming.body();
    request.remoteAddress = incoming.remoteAddress();
    request.requestId = requestIdFor(request.header("X-Request-Id"));

    const HttpResponse response = dispatch(request);

    QHttpServerResponse out(response.contentType, response.body,
                            QHttpServerResponse::StatusCode(response.status));
    for (const auto &[name, value] : response.headers)
        out.addHeader(name, value);
    out.write(makeResponder(incoming, socket));
    const qint64 elapsedUs = timer.nsecsElapsed() / 1000;
    if (m_settings.metrics)
        m_settings.metrics->record(response.tenantId, response.status, std::chrono::microseconds(elapsedUs),
                                   request.body.size(), response.body.size());
    if (m_settings.tenantLog && !response.tenantId.isEmpty()) {
        m_settings.tenantLog->appendRequest(response.tenantId,
                                            {request.requestId, request.method, request.path, response.status,
                                             elapsedUs, request.remoteAddress.toString()});
    }
    qCInfo(lcHttp).noquote() << request.method << QString::fromLatin1(request.path) << response.status
                             << u"%1ms"_s.arg(timer.nsecsElapsed() / 1e6, 0, 'f', 2)
                             << u"request_id=%1"_s.arg(request.requestId);
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; this is only reached if it ever declines.
    const Error e = Error::notFound(u"route-not-found"_s, u"There is no such route."_s);
    const HttpResponse r = problemResponse(e, request.url().path().toUtf8(), {});
    QHttpServerResponse(r.contentType, r.body, QHttpServerResponse::StatusCode(r.status))
        .write(makeResponder(request, socket));
}

} // namespace Tenantry::Http
