#include "core/quota/quotatable.h"

#include <QHash>

namespace Tenantry::Quota {

namespace {

constexpr size_t kInitialCapacity = 64;

} // namespace

QuotaTable::Slots::Slots(size_t capacity)
    : mask(capacity - 1), entries(std::make_unique<std::atomic<Entry *>[]>(capacity))
{
    for (size_t i = 0; i < capacity; ++i)
        entries[i].store(nullptr, std::memory_order_relaxed);
}

QuotaTable::QuotaTable()
{
    m_tables.push_back(std::make_unique<Slots>(kInitialCapacity));
    m_current.store(m_tables.back().get(), std::memory_order_release);
}

QuotaTable::~QuotaTable() = default;

size_t QuotaTable::hashOf(QStringView id)
{
    return qHash(id);
}

TenantQuota *QuotaTable::probe(const Slots &slots, QStringView id, size_t hash)
{
    // Linear probing; the table is at most half full, so an empty slot ends every search.
    for (size_t i = hash & slots.mask;; i = (i + 1) & slots.mask) {
        Entry *entry = slots.entries[i].load(std::memory_order_acquire);
        if (!entry)
            return nullptr;
        if (entry->hash == hash && entry->id == id)
            return &entry->quota;
    }
}

void QuotaTable::place(Slots &slots, Entry *entry)
{
    size_t i = entry->hash & slots.mask;
    while (slots.entries[i].load(std::memory_order_relaxed))
        i = (i + 1) & slots.mask;
    slots.entries[i].store(entry, std::memory_order_release);
}

TenantQuota *QuotaTable::find(QStringView id, size_t hash) const
{
    return probe(*m_current.load(std::memory_order_acquire), id, hash);
}

TenantQuota &QuotaTable::findOrCreate(const QString &id, size_t hash)
{
    if (TenantQuota *existing = find(id, hash))
        return *existing;
    std::lock_guard lock(m_writeMutex);
    Slots *current = m_current.load(std::memory_order_relaxed);
    if (TenantQuota *existing = probe(*current, id, hash))
        return *existing;

    auto entry = std::make_unique<Entry>();
    entry->id = id;
    entry->hash = hash;
    if ((m_entries.size() + 1) * 2 > current->mask + 1) {
        auto bigger = std::make_unique<Slots>((current->mask + 1) * 2);
        for (const std::unique_ptr<Entry> &e : m_entries)
            place(*bigger, e.get());
        current = bigger.get();
        m_tables.push_back(std::move(bigger));
        m_current.store(current, std::memory_order_release);
    }
    place(*current, entry.get());
    m_entries.push_back(std::move(entry));
    return m_entries.back()->quota;
}

void QuotaTable::forEach(const std::function<void(const QString &, const TenantQuota &)> &visit) const
{
    std::lock_guard lock(m_writeMutex);
    for (const auto &entry : m_entries)
        visit(entry->id, entry->quota);
}

qsizetype QuotaTable::size() const
{
    std::lock_guard lock(m_writeMutex);
    return qsizetype(m_entries.size());
}

} // namespace Tenantry::Quota
