#include "core/tenancy/tenantdirectory.h"

#include "core/tenancy/canonicaltenant.h"

namespace Tenantry {

TenantDirectory::TenantDirectory()
    : m_current(std::make_shared<const DirectorySnapshot>())
{
}

std::shared_ptr<const DirectorySnapshot> TenantDirectory::snapshot() const
{
    return m_current.load(std::memory_order_acquire);
}

template <typename Change>
void TenantDirectory::modify(Change change)
{
    QMutexLocker lock(&m_writer);
    auto next = std::make_shared<DirectorySnapshot>(*m_current.load(std::memory_order_acquire));
    change(*next);
    m_current.store(std::move(next), std::memory_order_release);
}

void TenantDirectory::reset(const QList<Tenant> &tenants, const QHash<QByteArray, KeyEntry> &keys)
{
    auto next = std::make_shared<DirectorySnapshot>();
    next->bySlug.reserve(tenants.size());
    next->byId.reserve(tenants.size());
    for (const Tenant &t : tenants) {
        if (t.status == TenantStatus::Purged)
            continue;
        auto shared = std::make_shared<const Tenant>(canonicalTenant(t));
        next->bySlug.insert(t.slug, shared);
        next->byId.insert(t.id, shared);
    }
    next->keysByHash = keys;
    QMutexLocker lock(&m_writer);
    m_current.store(std::move(next), std::memory_order_release);
}

void TenantDirectory::upsert(const Tenant &tenant)
{
    modify([&](DirectorySnapshot &s) {
        if (auto old = s.byId.value(tenant.id))
            s.bySlug.remove(old->slug);
        if (tenant.status == TenantStatus::Purged) {
            s.byId.remove(tenant.id);
            s.keysByHash.removeIf([&](const auto &it) { return it.value().tenantId == tenant.id; });
            return;
        }
        auto shared = std::make_shared<const Tenant>(canonicalTenant(tenant));
        s.bySlug.insert(tenant.slug, shared);
        s.byId.insert(tenant.id, shared);
    });
}

void TenantDirectory::addKey(const QByteArray &hash, const KeyEntry &entry)
{
    modify([&](DirectorySnapshot &s) { s.keysByHash.insert(hash, entry); });
}

void TenantDirectory::removeKey(const QString &keyId)
{
    modify([&](DirectorySnapshot &s) {
        s.keysByHash.removeIf([&](const auto &it) { return it.value().keyId == keyId; });
    });
}

} // namespace Tenantry
