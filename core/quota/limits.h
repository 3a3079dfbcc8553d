#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace Tenantry::Quota {

// The largest value any count limit may take, and the largest burst.
constexpr qint64 kMaxLimit = 1'000'000'000'000;
constexpr qint64 kMaxBurst = 1'000'000;
// Rates from one unit per 1,000 s to one per microsecond.
constexpr double kMinRatePerSecond = 0.001;
constexpr double kMaxRatePerSecond = 1'000'000;
// Storage limits up to 1 PiB, database pools up to 1,000 connections per tenant.
constexpr qint64 kMaxStorageBytes = qint64(1) << 50;
constexpr int kMaxDbConnections = 1000;
// Custom rules and request costs per plan or tenant, and the largest cost of one request.
constexpr int kMaxRules = 32;
constexpr int kMaxCosts = 64;
constexpr qint64 kMaxCost = 1'000'000;

// What a custom rule counts: requests (weighted by their cost) in a window, or the records
// an entity holds (a standing count, checked when a record is created).
enum class RuleMetric { Requests, Records };
// The window a requests rule counts in. Minutes and hours are UTC clock periods; days and
// months are calendar periods in the tenant's time zone, like the built-in quotas.
enum class RuleWindow { Minute, Hour, Day, Month };

// Which requests a rule or a cost applies to. `method` empty means any; `route` empty means
// any, otherwise a path relative to the tenant ("/api/v1/entities/*/records") whose
// segments must match one for one, '*' matching any one segment and a final "**" any rest.
struct RequestPattern {
    QByteArray method;
    QString route;

    // True when a request with `method` and tenant-relative `path` (percent-encoded, no query)
    // matches. Allocation-free; cheap enough for the request path.
    bool matches(const QByteArray &method, QByteArrayView path) const;
};

// An operator-defined limit beyond the built-in ones, e.g. at most 100 POSTs to records per
// hour, or at most 10,000 records in "orders".
struct CustomRule {
    QString name;                    // [a-z0-9_-]{1,40}, unique in a set of limits
    RuleMetric metric = RuleMetric::Requests;
    RequestPattern requests;         // Requests: which requests count
    RuleWindow window = RuleWindow::Day;
    QString entity;                  // Records: the entity whose records are counted
    qint64 limit = 0;                // >= 1
};

// What one matching request costs in every count quota (day, month, rate, custom rules).
struct RouteCost {
    RequestPattern requests;
    qint64 cost = 1;                 // 1..kMaxCost
};

// What one tenant may use. 0 in any field means that dimension is unlimited (a burst of 0
// means one second's worth of the rate, at least 1). Plain data: copy freely.
struct Limits {
    qint64 apiCallsPerDay = 0;
    qint64 apiCallsPerMonth = 0;
    double ratePerSecond = 0;
    qint64 burst = 0;
    qint64 maxConcurrent = 0;
    qint64 storageBytes = 0;         // writes are refused once the tenant's data reaches it
    int dbConnections = 0;           // tenant-data transactions open at once
    QList<CustomRule> rules;
    QList<RouteCost> costs;          // the first match wins; a request matching none costs 1
    // Set for a tenant degraded for unpaid invoices (never stored as a plan or override):
    // every write is refused, reads are served.
    bool writesRefused = false;

    // Ok, or Invalid "invalid-quota-limits" with one field error per bad field (named as in
    // plans: api_calls_per_day, api_calls_per_month, rate_per_second, burst,
    // max_concurrent, storage_bytes, db_connections, rules/N/field, costs/N/field): negative,
    // not finite, over its maximum, a rate outside [kMinRatePerSecond, kMaxRatePerSecond],
    // a burst over kMaxBurst or set without a rate, a bad or duplicate rule name, a rule or
    // cost without a sane pattern, window, entity or value.
    Status validate() const;

    // The burst the rate limiter uses: `burst`, or one second's worth of the rate.
    qint64 effectiveBurst() const;

    // The cost of a request (see `costs`).
    qint64 costOf(const QByteArray &method, QByteArrayView path) const;

    // True when no dimension is limited and writes are not refused.
    bool unlimited() const;
};

// Stable names for JSON and problem details: "requests"/"records", "minute"/"hour"/"day"/"month".
QString ruleMetricName(RuleMetric metric);
QString ruleWindowName(RuleWindow window);
bool parseRuleMetric(const QString &name, RuleMetric *out);
bool parseRuleWindow(const QString &name, RuleWindow *out);

} // namespace Tenantry::Quota
