#pragma once

#include "core/base/result.h"
#include "core/tenancy/audit.h"
#include "core/tenancy/lifecycle.h"
#include "core/tenancy/tenant.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

namespace Tenantry {

// A page of tenants matching a search. `search` matches slug or display name,
// case-insensitively; an empty `statuses` means every status except purged.
struct TenantQuery {
    QString search;
    QList<TenantStatus> statuses;
    QString plan;
    QString afterSlug; // cursor: return tenants whose slug sorts after this one
    int limit = 100;   // 1..1000
};

struct TenantPage {
    QList<Tenant> items;
    QString nextCursor; // empty when this is the last page
    qint64 total = 0;   // number of tenants matching the query across all pages
};

// What an operator asks for when registering a tenant.
struct NewTenant {
    QString slug;
    QString plan = QStringLiteral("free");
    QString isolation; // empty: the configured default
    TenantConfig config;
    bool activate = true; // false leaves it pending
};

// An API key as listed: the secret is never shown again after issue.
struct ApiKeyInfo {
    QString id;
    QString name;
    QString masked; // e.g. "tnt_3f9a1c2b…"
    QDateTime createdAt;
    QDateTime revokedAt; // null while valid
};

// A freshly issued key: `secret` is the full key, returned exactly once.
struct IssuedApiKey {
    ApiKeyInfo info;
    QString secret;
};

struct CreatedTenant {
    Tenant tenant;
    IssuedApiKey firstKey;
};

// Everything the console, the CLI and the admin API do to tenants, as one interface so
// the same callers work on the embedded catalog and (later) a remote server.
// Calls are synchronous and may block on the database: call them off the GUI thread.
// Every mutation is all-or-nothing: on error nothing has changed. Every mutation takes the
// Actor responsible for it and records it in the audit trail in the same transaction.
class TenantService : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~TenantService() override = default;

    virtual Result<TenantPage> list(const TenantQuery &query) = 0;
    // Finds a non-purged tenant by slug, case-insensitively. NotFound "tenant-not-found".
    virtual Result<Tenant> get(const QString &slug) = 0;
    // Validates slug and config, checks uniqueness (Conflict "slug-taken"), initializes
    // the tenant's data space, and issues its first API key.
    virtual Result<CreatedTenant> create(const Actor &actor, const NewTenant &request) = 0;
    // Applies a JSON patch (see applyConfigPatch) to a tenant's configuration.
    virtual Result<Tenant> updateConfig(const Actor &actor, const QString &slug, const QJsonObject &patch) = 0;
    // Runs one lifecycle action. Purge before the retention period ends is refused with
    // Conflict "retention-not-elapsed" unless `force` is set.
    virtual Result<Tenant> apply(const Actor &actor, const QString &slug, LifecycleAction action,
                                 bool force = false) = 0;
    // Creates a new tenant with the source's configuration and plan under a new slug;
    // `overrides` may change the display name and other config fields.
    virtual Result<CreatedTenant> clone(const Actor &actor, const QString &sourceSlug, const QString &newSlug,
                                        const QJsonObject &overrides = {}) = 0;

    virtual Result<IssuedApiKey> issueKey(const Actor &actor, const QString &slug, const QString &name) = 0;
    virtual Result<QList<ApiKeyInfo>> listKeys(const QString &slug) = 0;
    virtual Status revokeKey(const Actor &actor, const QString &slug, const QString &keyId) = 0;

Q_SIGNALS:
    // Emitted after any committed change to a tenant (including its keys).
    void tenantChanged(const Tenantry::Tenant &tenant);
};

} // namespace Tenantry
