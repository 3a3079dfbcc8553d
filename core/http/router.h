#pragma once

#include "core/base/result.h"
#include "core/http/httpmessage.h"
#include "core/tenancy/audit.h"
#include "core/tenancy/tenantcontext.h"

#include <QHash>

#include <functional>
#include <vector>

namespace Tenantry::Http {

// Who may call a route, decided by the pipeline before the handler runs — never by the
// handler itself, so no route can forget it.
enum class Scope {
    Public, // health probes: no tenant, no credentials
    Admin,  // operator API: admin token, no tenant resolution
    Tenant, // tenant API: tenant resolved and authenticated, TenantContext given
};

using PathParams = QHash<QString, QString>;

struct RequestContext {
    const HttpRequest &request;
    const PathParams &params;
    const TenantContext *tenant; // non-null exactly for Scope::Tenant
};

// Who an admin route acts for in the audit trail: "admin" (the admin token), or
// "admin:<name>" when the request names the operator at the keyboard in kOperatorHeader,
// e.g. a remote console's "console:alice". The token holder may claim any name, so it says
// who was at the controls, not who may be; a value that is not 1-64 characters of
// [A-Za-z0-9._:@+-] is ignored. The request id and address tell which call it was.
inline constexpr QByteArrayView kOperatorHeader = "X-Tenantry-Operator";
Actor adminActor(const RequestContext &ctx);

using Handler = std::function<Result<HttpResponse>(const RequestContext &)>;

struct Route {
    QByteArray method;
    QStringList segments; // "{name}" segments capture one percent-decoded path segment
    Scope scope;
    Handler handler;
};

// Maps method + path to a route. Patterns look like "/admin/v1/tenants/{slug}/suspend".
// Our own router rather than QHttpServerRouter: the pipeline must run for every request
// (QtHttpServer 6.4 has no before-request hook), the path strategy routes "/t/<slug>/..."
// to tenant routes, and 404/405 must be problem+json like every other error.
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Scope scope, Handler handler);

    struct Match {
        const Route *route = nullptr;
        PathParams params;
        QList<QByteArray> allowedMethods; // when the path matched but the method did not
    };
    // Looks up `path` (percent-encoded); with `onlyScope`, routes of other scopes are ignored.
    Match find(const QByteArray &method, const QByteArray &path, std::optional<Scope> onlyScope = {}) const;

private:
    std::vector<Route> m_routes;
};

} // namespace Tenantry::Http
