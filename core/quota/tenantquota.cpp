#include "core/quota/tenantquota.h"

namespace Tenantry::Quota {

bool ResolvedLimits::read(quint64 serial, const void *planData, const void *zoneData, View *out) const
{
    const quint64 before = sequence.load(std::memory_order_acquire);
    if (before & 1)
        return false;
    if (snapshot.load(std::memory_order_relaxed) != serial || plan.load(std::memory_order_relaxed) != planData
        || zone.load(std::memory_order_relaxed) != zoneData)
        return false;
    out->limits = limits.load(std::memory_order_relaxed);
    out->windows = windows.load(std::memory_order_relaxed);
    for (int i = 0; i < kRules; ++i)
        out->rules[i] = rules[i].load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    return out->limits && sequence.load(std::memory_order_relaxed) == before;
}

void ResolvedLimits::write(quint64 serial, const void *planData, const void *zoneData, const View &view)
{
    quint64 current = sequence.load(std::memory_order_relaxed);
    if ((current & 1) || !sequence.compare_exchange_strong(current, current + 1, std::memory_order_acquire))
        return;
    std::atomic_thread_fence(std::memory_order_release);
    snapshot.store(serial, std::memory_order_relaxed);
    plan.store(planData, std::memory_order_relaxed);
    zone.store(zoneData, std::memory_order_relaxed);
    limits.store(view.limits, std::memory_order_relaxed);
    windows.store(view.windows, std::memory_order_relaxed);
    for (int i = 0; i < kRules; ++i)
        rules[i].store(view.rules[i], std::memory_order_relaxed);
    sequence.store(current + 2, std::memory_order_release);
}

} // namespace Tenantry::Quota
