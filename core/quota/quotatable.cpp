#include "core/quota/quotatable.h"

#include <QHash>

namespace Tenantry::Quota {

namespace {

constexpr size_t kInitialCapacity = 64;

} // namespace

QuotaTable::Slots::Slots(size_t capacity)
    : mask(capacity - 1), slots(std::make_unique<Slot[]>(capacity))
{
}

QuotaTable::QuotaTable()
    : m_byNumber(std::make_unique<std::atomic<Block *>[]>(kBlocks))
{
    for (quint32 i = 0; i < kBlocks; ++i)
        m_byNumber[i].store(nullptr, std::memory_order_relaxed);
    m_tables.push_back(std::make_unique<Slots>(kInitialCapacity));
    m_current.store(m_tables.back().get(), std::memory_order_release);
}

QuotaTable::~QuotaTable() = default;

size_t QuotaTable::hashOf(QStringView id)
{
    return qHash(id);
}

QuotaTable::Entry *QuotaTable::probe(const Slots &slots, QStringView id, size_t hash)
{
    // Linear probing; the table is at most half full, so an empty slot ends every search.
    for (size_t i = hash & slots.mask;; i = (i + 1) & slots.mask) {
        Entry *entry = slots.slots[i].entry.load(std::memory_order_acquire);
        if (!entry)
            return nullptr;
        if (slots.slots[i].hash.load(std::memory_order_relaxed) == hash && entry->id == id)
            return entry;
    }
}

void QuotaTable::place(Slots &slots, Entry *entry, size_t hash)
{
    size_t i = hash & slots.mask;
    while (slots.slots[i].entry.load(std::memory_order_relaxed))
        i = (i + 1) & slots.mask;
    slots.slots[i].hash.store(hash, std::memory_order_relaxed);
    slots.slots[i].entry.store(entry, std::memory_order_release);
}

TenantQuota *QuotaTable::find(QStringView id, size_t hash) const
{
    return probe(*m_current.load(std::memory_order_acquire), id, hash);
}

void QuotaTable::publish(Entry &entry, const QString &id, Entry *movedTo)
{
    entry.id = id;
    entry.movedTo.store(movedTo, std::memory_order_relaxed);
    entry.idData.store(entry.id.constData(), std::memory_order_release);
}

QuotaTable::Entry *QuotaTable::create(const QString &id, size_t hash)
{
    Slots *current = m_current.load(std::memory_order_relaxed);
    if (Entry *existing = probe(*current, id, hash))
        return existing;
    // Entries sit side by side in chunks rather than in allocations of their own: half the
    // memory of aligned single allocations, and fewer pages for the request path to touch.
    if (m_chunkUsed == kChunk) {
        m_chunks.push_back(std::make_unique<Entry[]>(kChunk));
        m_chunkUsed = 0;
    }
    Entry *entry = &m_chunks.back()[m_chunkUsed++];
    publish(*entry, id, nullptr);
    add(entry, hash);
    return entry;
}

void QuotaTable::add(Entry *entry, size_t hash)
{
    Slots *current = m_current.load(std::memory_order_relaxed);
    if ((m_entries.size() + 1) * 2 > current->mask + 1) {
        auto bigger = std::make_unique<Slots>((current->mask + 1) * 2);
        for (Entry *e : m_entries)
            place(*bigger, e, hashOf(e->id));
        current = bigger.get();
        m_tables.push_back(std::move(bigger));
        m_current.store(current, std::memory_order_release);
    }
    place(*current, entry, hash);
    m_entries.push_back(entry);
}

TenantQuota &QuotaTable::findOrCreate(const QString &id, size_t hash)
{
    if (TenantQuota *existing = find(id, hash))
        return *existing;
    std::lock_guard lock(m_writeMutex);
    return *create(id, hash);
}

QuotaTable::Entry *QuotaTable::numbered(quint32 number) const
{
    Block *block = m_byNumber[number >> kBlockBits].load(std::memory_order_acquire);
    return block ? &block->entries[number & ((1u << kBlockBits) - 1)] : nullptr;
}

bool QuotaTable::indexable(quint32 number)
{
    return number != 0 && number < kMaxTenantNumber;
}

TenantQuota *QuotaTable::find(TenantKey tenant) const
{
    if (!indexable(tenant.number))
        return find(tenant.id, hashOf(tenant.id));
    if (Entry *entry = numbered(tenant.number)) {
        // The same buffer means the same text; otherwise compare it (a tenant holding a copy of
        // the id rather than the canonical one).
        const QChar *claimed = entry->idData.load(std::memory_order_acquire);
        if (claimed && (claimed == tenant.id.constData() || entry->id == tenant.id)) {
            Entry *moved = entry->movedTo.load(std::memory_order_relaxed);
            return moved ? moved : entry;
        }
    }
    // Not claimed yet, or a number set by hand on another id: the id decides.
    return find(tenant.id, hashOf(tenant.id));
}

void QuotaTable::prefetch(quint32 tenantNumber) const
{
    if (!indexable(tenantNumber))
        return;
    if (const Entry *entry = numbered(tenantNumber)) {
        // For writing: the check's compare-and-swaps want the counters' line exclusive.
        __builtin_prefetch(entry, 1, 3);
        __builtin_prefetch(&entry->resolved, 0, 3);
    }
}

TenantQuota &QuotaTable::findOrCreate(TenantKey tenant)
{
    if (TenantQuota *existing = find(tenant))
        return *existing;
    const QString &id = tenant.id;
    const size_t hash = hashOf(id);
    std::lock_guard lock(m_writeMutex);
    if (!indexable(tenant.number))
        return *create(id, hash);
    std::atomic<Block *> &blockSlot = m_byNumber[tenant.number >> kBlockBits];
    if (!blockSlot.load(std::memory_order_relaxed)) {
        m_blocks.push_back(std::make_unique<Block>());
        blockSlot.store(m_blocks.back().get(), std::memory_order_release);
    }
    Entry &slot = *numbered(tenant.number);
    if (slot.idData.load(std::memory_order_relaxed)) // another id's number: the id decides
        return *create(id, hash);
    if (Entry *existing = probe(*m_current.load(std::memory_order_relaxed), id, hash)) {
        publish(slot, id, existing); // counted by id before: the number leads there from now on
        return *existing;
    }
    publish(slot, id, nullptr);
    add(&slot, hash);
    return slot;
}

void QuotaTable::forEach(const std::function<void(const QString &, const TenantQuota &)> &visit) const
{
    std::lock_guard lock(m_writeMutex);
    for (const auto &entry : m_entries)
        visit(entry->id, *entry);
}

qsizetype QuotaTable::size() const
{
    std::lock_guard lock(m_writeMutex);
    return qsizetype(m_entries.size());
}

} // namespace Tenantry::Quota
