#pragma once

#include "core/tenancy/tenantservice.h"

namespace Tenantry::Remote {

class AdminClient;

// The tenants of a remote `tenantry serve`, through its admin API (GET/POST/PATCH
// /admin/v1/tenants...), behind the same interface as the embedded catalog's, so the
// console's Tenants page works on either. Errors are the server's own (tenant-not-found,
// slug-taken, invalid-config, ...) or the client's (server-unreachable, server-timeout).
// Each change is recorded by the server as "admin:<actor id>".
//
// tenantChanged is emitted, on the calling thread, after a change this console made; changes
// made elsewhere show at the next list(). Calls block on the network and are thread-safe.
// Does not own `client`, which must outlive the service.
class RemoteTenantService final : public TenantService
{
    Q_OBJECT

public:
    explicit RemoteTenantService(AdminClient &client, QObject *parent = nullptr);

    Result<TenantPage> list(const TenantQuery &query) override;
    Result<Tenant> get(const QString &slug) override;
    Result<CreatedTenant> create(const Actor &actor, const NewTenant &request) override;
    Result<Tenant> updateConfig(const Actor &actor, const QString &slug, const QJsonObject &patch) override;
    Result<Tenant> apply(const Actor &actor, const QString &slug, LifecycleAction action, bool force = false) override;
    Result<CreatedTenant> clone(const Actor &actor, const QString &sourceSlug, const QString &newSlug,
                                const QJsonObject &overrides = {}) override;
    Result<IssuedApiKey> issueKey(const Actor &actor, const QString &slug, const QString &name) override;
    Result<QList<ApiKeyInfo>> listKeys(const QString &slug) override;
    Status revokeKey(const Actor &actor, const QString &slug, const QString &keyId) override;

private:
    Result<Tenant> changed(const Result<QJsonObject> &answer);
    Result<CreatedTenant> created(const Result<QJsonObject> &answer);

    AdminClient &m_client;
};

} // namespace Tenantry::Remote
