#pragma once

#include "core/base/result.h"
#include "core/storage/redisurl.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>

namespace Tenantry::Storage {
class RedisConnection;
}

namespace Tenantry::Quota {

struct SharedQuotaScript; // a Lua script and its SHA-1, in sharedquotastore.cpp

// One fixed or calendar window counter to check and take from. Its key is
// "<prefix>q:<tenantId>:<name>:<windowIndex>", so a new index starts a fresh count and
// the old key simply expires.
struct WindowCheck {
    QByteArray name;        // "day", "month", "rule:<rule name>"; not empty
    qint64 windowIndex = 0;
    qint64 windowEndMs = 0; // UTC ms; the key expires 60 s after it (PEXPIREAT)
    qint64 limit = 0;       // 1..kMaxLimit
};

// A GCRA rate limit, the same maths as RateLimiter: `ratePerSecond` in
// [kMinRatePerSecond, kMaxRatePerSecond], `burst` in 1..kMaxBurst.
struct RateCheck {
    double ratePerSecond = 0;
    qint64 burst = 0;
};

// An in-flight limit. Each admitted request holds a lease until release() or until
// `leaseMs` (>= 1) after it was admitted, so a process that dies mid-request does not
// keep its places forever.
struct ConcurrencyCheck {
    qint64 limit = 0;
    qint64 leaseMs = 60000;
};

// What one request asks of a tenant's shared quota. `nowMs` is the caller's UTC clock
// (never Redis' own), so every process and every test decides by the time it passes in.
struct SharedAdmitRequest {
    QString tenantId; // not empty, no ':' (it is a part of every key)
    qint64 nowMs = 0;
    qint64 cost = 1;  // 1..kMaxLimit
    std::optional<ConcurrencyCheck> concurrency;
    std::optional<RateCheck> rate;
    QList<WindowCheck> windows;
};

// The outcome of SharedQuotaStore::admit. When refused, nothing was taken; `refusedBy`
// names the first check found exhausted, in the order concurrency, rate, then the windows
// as listed, and `retryAfterMs` is when trying again can help: the refusing window's end
// minus now, the GCRA's next free slot, or 1000 for concurrency.
struct SharedAdmitResult {
    bool admitted = false;
    QByteArray refusedBy;        // "", "concurrency", "rate", or the refusing window's name
    qint64 retryAfterMs = 0;
    QList<qint64> windowUsed;    // per request.windows entry: used after the request when
                                 // admitted, as it stands when refused
    qint64 rateRemaining = 0;    // cost-1 requests that would pass now (RateDecision.remaining)
    qint64 rateResetMs = 0;      // until a full burst again (RateDecision.resetUs, ms rounded up)
    QByteArray leaseId;          // the concurrency lease taken, for release(); "" when none
};

// How a SharedQuotaStore reaches Redis (namespace level so it can be a default argument).
// `keyPrefix` starts every key, so several deployments or tests can share one Redis.
struct SharedQuotaStoreOptions {
    QByteArray keyPrefix = "tenantry:";
    int connectTimeoutMs = 200;
    int commandTimeoutMs = 200;
    int reconnectIntervalMs = 500; // after a failure, at most one connect attempt per interval
};

// Per-tenant quota counters shared by every process that points at one Redis, so several
// `tenantry serve` processes enforce one exact limit together. Each admit() is a single
// Lua script run on Redis (atomic there): all checks pass and all take, or none takes.
// Every key the store writes carries an expiry, so Redis never accumulates dead tenants
// or windows. Time comes from the callers; their clocks should agree within a minute
// (a window key expires 60 s after its end by Redis' clock).
// Every key of one script run is passed in KEYS; on Redis Cluster they would also need a
// shared hash tag, which this key layout ("<prefix>q:<tenantId>:...") does not have yet.
// Thread-safe: calls are serialised over one connection (the request path is one thread).
// For more throughput across threads, give each thread its own store.
class SharedQuotaStore final
{
public:
    using Options = SharedQuotaStoreOptions;

    // Connects to `url` and loads the scripts. Errors: Unavailable "redis-unavailable"
    // when Redis cannot be reached, refuses AUTH/SELECT or refuses the scripts. Once
    // connected, the store reconnects by itself after Redis goes away and comes back.
    static Result<std::unique_ptr<SharedQuotaStore>> connect(const Storage::RedisUrl &url,
                                                             Options options = {});
    ~SharedQuotaStore();
    SharedQuotaStore(const SharedQuotaStore &) = delete;
    SharedQuotaStore &operator=(const SharedQuotaStore &) = delete;

    // Checks and takes `request.cost` from every check in the request, all or nothing, in
    // ONE Lua script run (EVALSHA; on NOSCRIPT, e.g. after a Redis restart, the script is
    // loaded again and run once more). Errors: Invalid "invalid-quota-request" for a
    // request outside the ranges documented on its fields; Unavailable "redis-unavailable"
    // when Redis is down, times out or fails the script: the caller decides whether to
    // fail open or closed.
    Result<SharedAdmitResult> admit(const SharedAdmitRequest &request);

    // Gives the concurrency lease `leaseId` of `tenantId` back (ZREM). Best effort: a
    // failure is logged and the lease expires by itself. Does nothing for an empty id.
    void release(const QString &tenantId, const QByteArray &leaseId);

    // Units used in each of `windows` now, in order (0 when the key is missing).
    // Errors: Unavailable "redis-unavailable".
    Result<QList<qint64>> used(const QString &tenantId, const QList<WindowCheck> &windows);

    // Adds `units` (> 0) to `window` without checking its limit, e.g. to seed counts from
    // a usage record; expires the key as admit() does, in the same atomic step.
    // Errors: Invalid "invalid-quota-request"; Unavailable "redis-unavailable".
    Status add(const QString &tenantId, const WindowCheck &window, qint64 units);

    // "Redis 127.0.0.1:6379/0": where the counters live, never the password.
    QString describe() const;

private:
    SharedQuotaStore(std::unique_ptr<Storage::RedisConnection> connection, Options options);

    Status loadScripts();
    Result<QList<qint64>> runScript(const SharedQuotaScript &script,
                                    const QList<QByteArray> &keys,
                                    const QList<QByteArray> &args);
    QByteArray tenantKey(const QString &tenantId, const QByteArray &suffix) const;
    QByteArray windowKey(const QString &tenantId, const WindowCheck &window) const;

    Options m_options;
    mutable std::mutex m_mutex; // guards m_connection
    std::unique_ptr<Storage::RedisConnection> m_connection;
};

} // namespace Tenantry::Quota
