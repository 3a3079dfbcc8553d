#pragma once

#include "core/base/result.h"
#include "core/quota/quotaalertqueue.h"
#include "core/quota/quotapolicies.h"
#include "core/quota/quotastate.h"
#include "core/quota/sharedquotastore.h"
#include "core/quota/quotatable.h"
#include "core/tenancy/tenant.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QVarLengthArray>

#include <optional>

namespace Tenantry::Quota {

// A counted window of one tenant as it stands, for persisting and for usage views.
struct CounterRow {
    QString tenantId;
    QString dimension; // "day", "month" or "rule:<name>:<window>"
    qint64 windowIndex = 0;
    qint64 windowEndMs = 0;
    qint64 used = 0;
};

// One limited dimension of a tenant with its use now, for the admin API and the CLI.
struct DimensionUsage {
    QString name;        // "api_calls_per_day", "api_calls_per_month", "rate_per_second",
                         // "max_concurrent", "storage_bytes", "rule:<name>"
    qint64 used = 0;     // units, bytes, in-flight requests; for a rate, units of the burst in use
    qint64 limit = 0;
    qint64 resetSeconds = -1; // until the window ends; -1 for dimensions without a window
};

// What QuotaGate::admit decided for one request. Keep it until the request is answered:
// it holds the request's in-flight place. `rateLimit` (RateLimit-Limit, -Remaining, -Reset)
// goes on the response whether it was admitted or not (see rateLimitHeaders()); `refusal`
// is the error to answer with (kind TooManyRequests with retryAfterSeconds, Forbidden for
// storage, Unavailable when a shared store is unreachable and quotas fail closed).
struct GateDecision {
    std::optional<Error> refusal;
    RateLimitHeaders rateLimit;
    Admission admission; // the in-process counters' part

    bool admitted() const { return !refusal; }

    // What refund() gives back: the rule counters taken, each with its window index.
    QVarLengthArray<QPair<TenantQuota *, qint64>, 4> ruleTakes;
    qint64 cost = 0;
    // With a shared store: the request's in-flight lease there, released when the last copy
    // of this handle goes.
    std::shared_ptr<void> sharedLease;
};

// The quota check of the request path: for a tenant's request, the limits of its plan and
// overrides (QuotaPolicies), the request's cost (Limits::costs), then all or nothing over
// concurrency, rate, the day and month quotas and the custom request rules; writes are
// refused once the tenant's storage is at its limit. No database round trip: counters are
// in memory (QuotaState and rule counters); CounterRow snapshots persist them in batches
// and restore() brings them back after a restart. Thread-safe.
class QuotaGate final
{
public:
    explicit QuotaGate(const QuotaPolicies &policies);
    QuotaGate(const QuotaGate &) = delete;
    QuotaGate &operator=(const QuotaGate &) = delete;

    // Checks and takes the request's cost. `path` is relative to the tenant (no "/t/<slug>"
    // prefix), percent-encoded, without the query.
    GateDecision admit(const Tenant &tenant, const QByteArray &method, QByteArrayView path, qint64 nowMs);

    // Tells the gate which tenant it will check next, as soon as the request's tenant is
    // known: its counters start loading while the request is authenticated, instead of being
    // waited for by admit() (at 10,000 tenants that wait is most of the check). Optional,
    // never changes a decision; cheap and lock-free.
    void prefetch(const Tenant &tenant) const { m_state.prefetch(tenant.number); }

    // Gives back what an admitted request took (e.g. it failed on our side). Idempotent.
    void refund(GateDecision &decision);

    // Counts in `store` (Redis) instead of this process, so several servers share exact
    // limits; null: in this process. When the store cannot be reached, `failOpen` admits on
    // this process's own counters, otherwise requests are refused with 503
    // "quota-store-unavailable"; either way it is logged (at most every 10 s, with a count).
    // Set before use; the store must outlive the gate.
    void setSharedStore(SharedQuotaStore *store, bool failOpen);

    // Where thresholds of limits crossed by admitted requests and storage measurements are
    // offered (80, 90, 95 and 100 %); may be null. Set before use.
    void setAlertQueue(QuotaAlertQueue *queue) { m_alerts = queue; }

    // The latest storage measurement of a tenant's data; writes are refused from the limit
    // on. The first form also offers the storage thresholds it crosses; the second restores
    // a figure at start-up without alerts.
    void setStorageUsed(const Tenant &tenant, qint64 bytes, qint64 nowMs);
    void setStorageUsed(const QString &tenantId, qint64 bytes);
    qint64 storageUsed(const QString &tenantId) const;

    // The tenant's limit on records of `entity` (0: none), for the records layer.
    qint64 recordLimit(const Tenant &tenant, const QString &entity) const;

    // Every limited dimension of `tenant` with its use at `nowMs`.
    QList<DimensionUsage> usage(const Tenant &tenant, qint64 nowMs) const;

    // The counts of current windows of every tenant with state, for persisting. `tenantOf`
    // gives the tenant for an id (null when gone: its counts are skipped).
    QList<CounterRow> counters(qint64 nowMs,
                               const std::function<std::shared_ptr<const Tenant>(const QString &)> &tenantOf) const;
    // Adds counts a previous process persisted; rows of windows other than the current one
    // of their tenant are ignored.
    void restore(const Tenant &tenant, const CounterRow &row, qint64 nowMs);

private:
    struct RuleWindowSpan {
        qint64 index = 0;
        qint64 startMs = 0;
        qint64 endMs = 0;
    };
    static RuleWindowSpan ruleWindow(const CustomRule &rule, qint64 nowMs, const WindowClock &windows);
    // The shared store's answer for one request, in `d`; false when the store failed and the
    // request is to be admitted locally (fail open).
    bool admitShared(const Tenant &tenant, const Limits &limits, const QByteArray &method, QByteArrayView path,
                     qint64 nowMs, const WindowClock &windows, qint64 cost, GateDecision &d);
    // The day, month and request-rule windows of `limits` (only the rules `method` and `path`
    // match, unless method is null) with, in `starts`, each window's first instant.
    static QList<WindowCheck> sharedWindows(const Limits &limits, const QByteArray *method, QByteArrayView path,
                                            qint64 nowMs, const WindowClock &windows, QList<qint64> *starts);
    void reportSharedFailure(const Error &error) const;
    // Caches `view` next to the tenant's counters, when the tenant is canonical.
    static void remember(const Tenant &tenant, const PolicySnapshot &snapshot, TenantQuota &counters,
                         const ResolvedLimits::View &view);
    // Offers the thresholds crossed by usage going from `after - cost` to `after`.
    void noteUse(const Tenant &tenant, const QString &dimension, qint64 startMs, qint64 endMs, qint64 cost,
                 qint64 after, qint64 limit, qint64 nowMs);

    const QuotaPolicies &m_policies;
    QuotaState m_state;
    QuotaTable m_rules; // "<tenant id>\x1f<rule>\x1f<window>" -> counter (its `day` member)
    QuotaAlertQueue *m_alerts = nullptr;
    SharedQuotaStore *m_shared = nullptr;
    bool m_failOpen = true;
    mutable std::atomic<qint64> m_sharedFailures{0};
    mutable std::atomic<qint64> m_lastFailureLogMs{0};
};

// The RateLimit-Limit, -Remaining and -Reset headers for `h` (none when not present).
QList<QPair<QByteArray, QByteArray>> rateLimitHeaders(const RateLimitHeaders &h);

// "rule:<name>:<window>", the dimension a request rule's counter is persisted under.
QString ruleDimension(const CustomRule &rule);

} // namespace Tenantry::Quota
