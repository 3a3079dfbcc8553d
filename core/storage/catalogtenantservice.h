#pragma once

#include "core/base/clock.h"
#include "core/storage/auditrecorder.h"
#include "core/storage/catalog.h"
#include "core/storage/dataspace.h"
#include "core/tenancy/tenantdirectory.h"
#include "core/tenancy/tenantservice.h"

namespace Tenantry::Storage {

struct TenantPolicy {
    QString defaultIsolation = QStringLiteral("shared");
    QHash<QString, QString> planIsolation; // a plan's default strategy, where it has one
    int retentionDays = 30; // how long a deleted tenant can be restored before purge
};

// The TenantService over the catalog. Keeps the in-memory TenantDirectory in step with
// every change it commits; refreshIfChanged() picks up changes made by other processes.
// Each change is recorded through `audit` inside the transaction that makes it.
// Not copyable; methods may be called from any thread (each uses its own connection).
class CatalogTenantService final : public TenantService
{
    Q_OBJECT

public:
    CatalogTenantService(Catalog &catalog, TenantDirectory &directory, DataSpace &dataSpace,
                         AuditRecorder &audit, const Clock &clock, TenantPolicy policy = {},
                         QObject *parent = nullptr);

    Result<TenantPage> list(const TenantQuery &query) override;
    Result<Tenant> get(const QString &slug) override;
    Result<CreatedTenant> create(const Actor &actor, const NewTenant &request) override;
    Result<Tenant> updateConfig(const Actor &actor, const QString &slug, const QJsonObject &patch) override;
    Result<Tenant> apply(const Actor &actor, const QString &slug, LifecycleAction action,
                         bool force = false) override;
    Result<CreatedTenant> clone(const Actor &actor, const QString &sourceSlug, const QString &newSlug,
                                const QJsonObject &overrides = {}) override;
    Result<IssuedApiKey> issueKey(const Actor &actor, const QString &slug, const QString &name) override;
    Result<QList<ApiKeyInfo>> listKeys(const QString &slug) override;
    Status revokeKey(const Actor &actor, const QString &slug, const QString &keyId) override;

    // Loads every tenant and key into the directory.
    Status loadDirectory();
    // Reloads the directory when the catalog's revision moved since the last load.
    // Returns true when it reloaded.
    Result<bool> refreshIfChanged();
    // Purges every deleted tenant whose retention period has ended, as Actor::system();
    // returns how many.
    Result<int> purgeExpired();

private:
    Result<CreatedTenant> createTenant(const Actor &actor, const NewTenant &request, const Tenant *source);
    // get(), refusing a deleted tenant (Conflict "tenant-deleted"): it must be restored first.
    Result<Tenant> findChangeable(const QString &slug);
    Status checkIsolation(const QString &isolation) const;
    Result<QString> isolationFor(const NewTenant &request) const;
    void committed(const Tenant &tenant);

    Catalog &m_catalog;
    TenantDirectory &m_directory;
    DataSpace &m_dataSpace;
    AuditRecorder &m_audit;
    const Clock &m_clock;
    TenantPolicy m_policy;
    std::atomic<qint64> m_loadedRevision{-1};
};

} // namespace Tenantry::Storage
