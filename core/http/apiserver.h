#pragma once

#include "core/base/clock.h"
#include "core/http/httpmessage.h"
#include "core/http/requestguard.h"
#include "core/http/router.h"
#include "core/identify/jwtverifier.h"
#include "core/identify/tenantresolver.h"
#include "core/observe/requestmetrics.h"
#include "core/observe/tenantlog.h"
#include "core/quota/quotagate.h"
#include "core/tenancy/audit.h"
#include "core/tenancy/tenantdirectory.h"

#include <QAbstractHttpServer>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace Tenantry::Http {

struct ApiServerSettings {
    QByteArray adminToken;           // empty: the admin API answers 403 "admin-api-disabled"
    RequestLimits limits;
    bool pathStrategy = true;        // route "/t/<slug>/..." to tenant routes
    // Told about every request refused for bad or missing credentials, for the audit trail.
    // Called on the request path: it must only queue, never write.
    std::function<void(const Actor &, const AuditEvent &)> authFailures;
    // Counts every answered request per tenant, with its body sizes in and out (may be null).
    Observe::RequestMetrics *metrics = nullptr;
    // Receives a "request" line for every request served for a tenant (may be null).
    Observe::TenantLog *tenantLog = nullptr;
    // Checks every tenant request against the tenant's quotas before its handler runs (may
    // be null: no quotas).
    Quota::QuotaGate *quota = nullptr;
};

// The HTTP front door: every request runs the pipeline
//   route -> (admin: check token | tenant: resolve, authenticate, check status, admit quota) -> handler
// and every error leaves as application/problem+json. Requests are handled one at a time on
// the thread that owns the server (QtHttpServer 6.4's model); handlers must be quick.
class ApiServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    ApiServer(const Router &router, const Identify::TenantResolver &resolver, const TenantDirectory &directory,
              Identify::JwtVerifier verifier, const Clock &clock, ApiServerSettings settings,
              QObject *parent = nullptr);

    // Listens through a size-guarded socket server. Returns the bound port (useful with 0).
    Result<quint16> listenOn(const QHostAddress &address, quint16 port);

    // Runs the whole pipeline for one request. Public so the pipeline can be tested and
    // benchmarked without sockets.
    HttpResponse dispatch(const HttpRequest &request) const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // `tenantPath` is the path relative to the tenant (without "/t/<slug>"). Headers the
    // quota check adds to the answer, refused or not, go to `quotaHeaders`.
    Result<HttpResponse> runTenantRoute(const Route &route, const PathParams &params, const HttpRequest &request,
                                        QByteArrayView tenantPath, QString *tenantId, HeaderList *quotaHeaders) const;
    void reportAuthFailure(const HttpRequest &request, const QString &tenantId, const Error &error) const;
    Status checkAdmin(const HttpRequest &request) const;

    const Router &m_router;
    const Identify::TenantResolver &m_resolver;
    const TenantDirectory &m_directory;
    Identify::JwtVerifier m_verifier;
    const Clock &m_clock;
    ApiServerSettings m_settings;
};

// Extracts "Bearer <token>" from an Authorization header value; empty otherwise.
QByteArray bearerToken(const QByteArray &authorization);

} // namespace Tenantry::Http
