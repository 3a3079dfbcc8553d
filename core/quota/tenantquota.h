#pragma once

#include "core/quota/concurrencylimiter.h"
#include "core/quota/ratelimiter.h"
#include "core/quota/windowcounter.h"

#include <QString>

#include <atomic>
#include <cstddef>

namespace Tenantry::Quota {

struct Limits;
struct TenantQuota;
class WindowClock;

// What the request path last worked out for a tenant: the limits of its plan and overrides
// in one policy snapshot, the clock of its time zone, and the counters of its first request
// rules, valid while the snapshot, the plan and the zone are the same. The plan and zone are
// canonical buffers (canonicaltenant.h), compared by address. A seqlock: readers never wait
// and retry nothing (a read that overlaps a write just misses); one writer at a time.
struct alignas(64) ResolvedLimits {
    static constexpr int kRules = 2;

    struct View {
        const Limits *limits = nullptr;
        const WindowClock *windows = nullptr;
        TenantQuota *rules[kRules] = {};
    };

    // True with `out` filled when the cache holds snapshot `serial` for this plan and zone.
    bool read(quint64 serial, const void *plan, const void *zone, View *out) const;
    // Replaces what is cached, unless another thread is writing it right now.
    void write(quint64 serial, const void *plan, const void *zone, const View &view);

    std::atomic<quint64> sequence{0}; // odd while being written
    std::atomic<quint64> snapshot{0};
    std::atomic<const void *> plan{nullptr};
    std::atomic<const void *> zone{nullptr};
    std::atomic<const Limits *> limits{nullptr};
    std::atomic<const WindowClock *> windows{nullptr};
    std::atomic<TenantQuota *> rules[kRules] = {};
};

// One tenant's counters, the id they count for (set by the QuotaTable that owns them) and
// the request path's cache. A check reads two cache lines: the counters with the address of
// the id's text, and the cache; neighbouring tenants do not slow each other's
// compare-and-swaps down. The id itself is on a third line, read only to compare ids whose
// buffers differ. Never moved.
struct alignas(64) TenantQuota {
    WindowCounter day;
    WindowCounter month;
    RateLimiter rate;
    ConcurrencyLimiter inFlight;
    std::atomic<qint64> storageBytes{0}; // the latest measurement of the tenant's data
    // `id`'s buffer, stored (release) once `id` and `movedTo` are set: null while unclaimed.
    std::atomic<const QChar *> idData{nullptr};
    // For an entry found by number whose id already had counters elsewhere: those.
    std::atomic<TenantQuota *> movedTo{nullptr};
    ResolvedLimits resolved;
    QString id;
};
static_assert(offsetof(TenantQuota, resolved) == 64, "the counters fill the first cache line");

} // namespace Tenantry::Quota
