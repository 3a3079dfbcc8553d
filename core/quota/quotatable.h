#pragma once

#include "core/quota/tenantquota.h"
#include "core/tenancy/canonicaltenant.h"

#include <QString>
#include <QStringView>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace Tenantry::Quota {

// Which tenant's counters: its id and, when it has one, its number (Tenant::number).
struct TenantKey {
    TenantKey(const QString &tenantId, quint32 tenantNumber = 0) : id(tenantId), number(tenantNumber) {}
    const QString &id;
    quint32 number;
};

// Tenant id → TenantQuota for the request path. Lookups take no lock and write no shared
// memory (an open-addressing table of atomic pointers read with acquire loads), so threads
// checking different tenants never contend. Entries are only added, never removed or moved:
// a returned TenantQuota stays valid for the table's lifetime. Adding takes a mutex and, when
// the table is half full, publishes a table twice the size; superseded tables are kept until
// destruction for readers still probing them (together smaller than the live one).
//
// Entries of tenants with a number (canonicaltenant.h) sit in arrays indexed by it: finding
// one is an address computation instead of hashing the id, and a comparison of buffer
// addresses instead of the id's text, so a check reads the entry and nothing else.
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

    // The same by id and number: an array index when the tenant has a number, and no
    // reading of the id's text when it is the canonical copy. Thread-safe; find() is lock-free.
    TenantQuota *find(TenantKey tenant) const;
    TenantQuota &findOrCreate(TenantKey tenant);

    // Starts loading the counters of a numbered tenant into the cache without waiting for
    // them, so that a check a little later (after the request is authenticated) finds them
    // there. Reads nothing but the small block index; does nothing for a tenant without a
    // number or counters. Thread-safe, lock-free.
    void prefetch(quint32 tenantNumber) const;

    // How many tenants have counters.
    qsizetype size() const;

    // Calls `visit` for every entry, under the write mutex (adding waits meanwhile; lookups
    // do not). For background work such as persisting counters, not the request path.
    void forEach(const std::function<void(const QString &, const TenantQuota &)> &visit) const;

private:
    using Entry = TenantQuota;

    // Written once per slot: `hash` before `entry` is published, so probes compare hashes
    // without reading entries that do not match.
    struct Slot {
        std::atomic<size_t> hash{0};
        std::atomic<Entry *> entry{nullptr};
    };
    struct Slots {
        explicit Slots(size_t capacity);
        size_t mask;
        std::unique_ptr<Slot[]> slots;
    };

    // Entries by tenant number, in blocks allocated as numbers arrive. The block pointers of
    // the first 10,000 or so numbers fit in a few cache lines that stay hot.
    static constexpr quint32 kBlockBits = 10;
    static constexpr quint32 kBlocks = kMaxTenantNumber >> kBlockBits;
    struct Block {
        TenantQuota entries[size_t(1) << kBlockBits];
    };

    static Entry *probe(const Slots &slots, QStringView id, size_t hash);
    static void place(Slots &slots, Entry *entry, size_t hash);
    Entry *create(const QString &id, size_t hash); // with m_writeMutex held
    static bool indexable(quint32 number); // a number the blocks cover (0 is "none")
    Entry *numbered(quint32 number) const;  // null when its block does not exist yet
    static void publish(Entry &entry, const QString &id, Entry *movedTo);

    std::atomic<Slots *> m_current{nullptr};
    std::unique_ptr<std::atomic<Block *>[]> m_byNumber;
    mutable std::mutex m_writeMutex; // guards everything below and all stores to slots
    std::vector<std::unique_ptr<Slots>> m_tables;
    void add(Entry *entry, size_t hash); // to the id table, with m_writeMutex held

    static constexpr size_t kChunk = 256;
    std::vector<std::unique_ptr<Entry[]>> m_chunks; // entries of ids without a number
    size_t m_chunkUsed = kChunk;
    std::vector<Entry *> m_entries; // every entry of the id table, in the order added
    std::vector<std::unique_ptr<Block>> m_blocks;
};

} // namespace Tenantry::Quota
