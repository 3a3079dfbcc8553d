#pragma once

#include "core/quota/tenantquota.h"

#include <QString>
#include <QStringView>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace Tenantry::Quota {

// Tenant id → TenantQuota for the request path. Lookups take no lock and write no shared
// memory (an open-addressing table of atomic pointers read with acquire loads), so threads
// checking different tenants never contend. Entries are only added, never removed or moved:
// a returned TenantQuota stays valid for the table's lifetime. Adding takes a mutex and, when
// the table is half full, publishes a table twice the size; superseded tables are kept until
// destruction for readers still probing them (together smaller than the live one).
class QuotaTable final
{
public:
    QuotaTable();
    ~QuotaTable();
    QuotaTable(const QuotaTable &) = delete;
    QuotaTable &operator=(const QuotaTable &) = delete;

    // The hash find() and findOrCreate() expect for `id`.
    static size_t hashOf(QStringView id);

    // The tenant's counters, or nullptr when it has none yet. Thread-safe, lock-free, does
    // not allocate.
    TenantQuota *find(QStringView id, size_t hash) const;

    // The tenant's counters, created (zeroed) on first use. Thread-safe.
    TenantQuota &findOrCreate(const QString &id, size_t hash);

    // How many tenants have counters.
    qsizetype size() const;

    // Calls `visit` for every entry, under the write mutex (adding waits meanwhile; lookups
    // do not). For background work such as persisting counters, not the request path.
    void forEach(const std::function<void(const QString &, const TenantQuota &)> &visit) const;

private:
    struct Entry {
        QString id;
        size_t hash = 0;
        TenantQuota quota;
    };
    struct Slots {
        explicit Slots(size_t capacity);
        size_t mask;
        std::unique_ptr<std::atomic<Entry *>[]> entries;
    };

    static TenantQuota *probe(const Slots &slots, QStringView id, size_t hash);
    static void place(Slots &slots, Entry *entry);

    std::atomic<Slots *> m_current{nullptr};
    mutable std::mutex m_writeMutex; // guards everything below and all stores to slots
    std::vector<std::unique_ptr<Slots>> m_tables;
    std::vector<std::unique_ptr<Entry>> m_entries;
};

} // namespace Tenantry::Quota
