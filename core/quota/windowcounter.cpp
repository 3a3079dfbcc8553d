#include "core/quota/windowcounter.h"

#include <algorithm>

namespace Tenantry::Quota {

namespace {

constexpr int kCountBits = 40;
constexpr std::uint64_t kCountMask = (std::uint64_t(1) << kCountBits) - 1;
constexpr std::uint64_t kIndexMask = (std::uint64_t(1) << 24) - 1;

std::uint64_t indexBits(qint64 windowIndex)
{
    return std::uint64_t(windowIndex) & kIndexMask;
}

std::uint64_t pack(std::uint64_t index, std::uint64_t count)
{
    return (index << kCountBits) | count;
}

// How far `index` is ahead of `stored`, as a signed distance modulo 2^24.
qint64 distance(std::uint64_t index, std::uint64_t stored)
{
    const std::int32_t diff = std::int32_t(((index - stored) & kIndexMask) << 8) >> 8;
    return diff;
}

} // namespace

CounterDecision WindowCounter::admit(qint64 windowIndex, qint64 cost, qint64 limit)
{
    const std::uint64_t index = indexBits(windowIndex);
    const std::uint64_t ucost = std::uint64_t(std::max<qint64>(cost, 0));
    const std::uint64_t ulimit = std::uint64_t(std::clamp<qint64>(limit, 0, kMaxWindowCount));
    std::uint64_t state = m_state.load(std::memory_order_relaxed);
    for (;;) {
        const std::uint64_t storedIndex = state >> kCountBits;
        std::uint64_t targetIndex = storedIndex;
        std::uint64_t count = state & kCountMask;
        if (storedIndex != index && (state == 0 || distance(index, storedIndex) > 0)) {
            targetIndex = index;
            count = 0;
        }
        if (ucost > ulimit || count > ulimit - ucost)
            return {false, qint64(count), qint64(ulimit > count ? ulimit - count : 0)};
        const std::uint64_t next = pack(targetIndex, count + ucost);
        if (m_state.compare_exchange_weak(state, next, std::memory_order_acq_rel,
                                          std::memory_order_relaxed))
            return {true, qint64(count + ucost), qint64(ulimit - count - ucost)};
    }
}

void WindowCounter::refund(qint64 windowIndex, qint64 cost)
{
    const std::uint64_t index = indexBits(windowIndex);
    const std::uint64_t ucost = std::uint64_t(std::max<qint64>(cost, 0));
    std::uint64_t state = m_state.load(std::memory_order_relaxed);
    for (;;) {
        if ((state >> kCountBits) != index)
            return;
        const std::uint64_t count = state & kCountMask;
        const std::uint64_t next = pack(index, count - std::min(count, ucost));
        if (m_state.compare_exchange_weak(state, next, std::memory_order_acq_rel,
                                          std::memory_order_relaxed))
            return;
    }
}

qint64 WindowCounter::used(qint64 windowIndex) const
{
    const std::uint64_t state = m_state.load(std::memory_order_acquire);
    return (state >> kCountBits) == indexBits(windowIndex) ? qint64(state & kCountMask) : 0;
}

} // namespace Tenantry::Quota
