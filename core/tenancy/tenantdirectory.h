#pragma once

#include "core/tenancy/tenant.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>

#include <atomic>
#include <memory>

namespace Tenantry {

// An active API key as the hot path needs it: which tenant it authenticates.
struct KeyEntry {
    QString keyId;
    QString tenantId;
};

// An immutable picture of every non-purged tenant and every valid API key.
struct DirectorySnapshot {
    QHash<QString, std::shared_ptr<const Tenant>> bySlug; // lower-case slug
    QHash<QString, std::shared_ptr<const Tenant>> byId;
    QHash<QByteArray, KeyEntry> keysByHash; // raw SHA-256 of the key secret

    std::shared_ptr<const Tenant> findSlug(const QString &slug) const { return bySlug.value(slug); }
    std::shared_ptr<const Tenant> findId(const QString &id) const { return byId.value(id); }
};

// The in-memory tenant directory used on the request hot path, so resolving a tenant or
// an API key never costs a database round trip. Tenants are stored canonical
// (canonicaltenant.h): numbered, with shared strings. Readers take a snapshot without locking
// (an atomic shared_ptr load) and keep it for the whole request; writers build a new
// snapshot and swap it in. Thread-safe.
class TenantDirectory
{
public:
    TenantDirectory();

    std::shared_ptr<const DirectorySnapshot> snapshot() const;

    // Replaces everything (start-up, or a reload after another process changed the catalog).
    void reset(const QList<Tenant> &tenants, const QHash<QByteArray, KeyEntry> &keys);
    // Inserts or replaces one tenant; a purged tenant is removed together with its keys.
    void upsert(const Tenant &tenant);
    void addKey(const QByteArray &hash, const KeyEntry &entry);
    void removeKey(const QString &keyId);

private:
    template <typename Change>
    void modify(Change change);

    std::atomic<std::shared_ptr<const DirectorySnapshot>> m_current;
    QMutex m_writer; // serializes copy-modify-swap so concurrent writers never lose an update
};

} // namespace Tenantry
