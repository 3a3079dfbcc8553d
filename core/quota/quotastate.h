#pragma once

#include "core/base/result.h"
#include "core/quota/concurrencylimiter.h"
#include "core/quota/limits.h"
#include "core/quota/quotawindow.h"
#include "core/quota/quotatable.h"
#include "core/quota/tenantquota.h"

#include <QString>

#include <functional>
#include <optional>

namespace Tenantry::Quota {

// The dimension of a quota that refused a request.
enum class Dimension { None, Concurrency, Rate, Day, Month };

// The stable name of a dimension for logs and problem details: "concurrency", "rate",
// "day", "month" ("" for None).
QString dimensionName(Dimension dimension);

// The values of the RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset response
// headers, taken from the tightest limited dimension (the refusing one when refused).
// `present` is false when neither a daily or monthly quota nor a rate applies.
struct RateLimitHeaders {
    bool present = false;
    qint64 limit = 0;        // the window limit, or the burst for a rate
    qint64 remaining = 0;    // units still available now
    qint64 resetSeconds = 0; // until the window ends, or the rate is back to a full burst
};

// The outcome of QuotaState::admit. When admitted, all limited dimensions took the cost and
// `permit` (if max_concurrent is set) holds the request's in-flight place until it is
// destroyed: keep the Admission for the life of the request. When refused, nothing was
// taken, `refusedBy` names the first dimension found exhausted and `retryAfterSeconds`
// (>= 1) is when trying again can help: the window's end for a day or month quota, the
// next free slot for a rate, 1 s for concurrency.
struct Admission {
    bool admitted = false;
    Dimension refusedBy = Dimension::None;
    int retryAfterSeconds = 0;
    RateLimitHeaders headers;
    std::optional<ConcurrencyLimiter::Permit> permit;
    // When admitted: the day's and the month's units used after this request (0 when that
    // dimension is unlimited), for usage alerts.
    qint64 dayUsed = 0;
    qint64 monthUsed = 0;

private:
    friend class QuotaState;
    TenantQuota *state = nullptr; // what refund() gives back to
    qint64 cost = 0;
    qint64 dayIndex = 0;
    qint64 monthIndex = 0;
    double rate = 0;
    bool tookDay = false;
    bool tookMonth = false;
};

// The in-process quota state of every tenant: a daily and a monthly counter, a GCRA rate
// limiter and an in-flight counter per tenant id. A tenant's state is created on its first
// admit and then never moved or freed while the QuotaState lives; a lookup takes no lock
// and does not allocate (QuotaTable). Thread-safe; time always comes from the caller.
// Counters live in this process only (nothing persisted).
class QuotaState final
{
public:
    QuotaState();
    ~QuotaState();
    QuotaState(const QuotaState &) = delete;
    QuotaState &operator=(const QuotaState &) = delete;

    // Checks and takes `cost` units from every dimension `limits` limits for `tenant` at
    // `nowMs` (UTC ms), with calendar windows from `windows` (the tenant's time zone). All
    // or nothing: if any dimension refuses, what others took is given back before
    // returning (while it was held another request may have been refused: never more than
    // a limit is admitted). `limits` must have passed Limits::validate(). Errors: Invalid
    // "invalid-quota-cost" when cost is below 1 or over kMaxLimit.
    Result<Admission> admit(TenantKey tenant, const Limits &limits, qint64 nowMs,
                            const WindowClock &windows, qint64 cost = 1);
    // The same on counters already looked up with entry(), into a fresh `out`, for the
    // request path: `cost` must be in range (Limits::costOf() gives such costs).
    void admit(TenantQuota &counters, const Limits &limits, qint64 nowMs, const WindowClock &windows, qint64 cost,
               Admission &out);

    // The tenant's counters (and the request path's cache next to them): find() gives
    // nullptr when it has none yet, entry() creates them. Lock-free lookups.
    TenantQuota *find(TenantKey tenant) const;
    TenantQuota &entry(TenantKey tenant);
    // See QuotaTable::prefetch().
    void prefetch(quint32 tenantNumber) const { m_tenants.prefetch(tenantNumber); }

    // Gives back the day, month and rate units an admitted request took, for a request that
    // ends up not counting; units of a window that has since ended stay counted. Releases the
    // permit too. Does nothing for a refused admission or a second call.
    void refund(Admission &admission);

    // Units `tenantId` used in the day and month windows containing `nowMs`.
    struct Usage {
        qint64 day = 0;
        qint64 month = 0;
        qint64 inFlight = 0;
    };
    Usage usage(const QString &tenantId, qint64 nowMs, const WindowClock &windows) const;

    // How many tenants have state.
    qsizetype tenantCount() const;

    // Calls `visit(tenantId, usage)` for every tenant with state, for persisting counters.
    // Counts may move while it runs; each is read atomically.
    void forEachTenant(const std::function<void(const QString &, const Usage &)> &visit, qint64 nowMs,
                       const std::function<const WindowClock &(const QString &)> &windowsOf) const;

    // The latest storage measurement of a tenant's data (0 until one is given), and
    // setting it; returns the value it replaced.
    qint64 storageUsed(TenantKey tenant) const;
    qint64 setStorageUsed(const QString &tenantId, qint64 bytes);

    // Adds units a previous process counted (restored from the catalog) to the tenant's
    // day or month window `windowIndex`, without checking any limit.
    void restore(const QString &tenantId, WindowKind kind, qint64 windowIndex, qint64 units);

private:
    QuotaTable m_tenants;
};

} // namespace Tenantry::Quota
