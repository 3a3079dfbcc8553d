#include "core/quota/quotagate.h"

#include "core/quota/alertthresholds.h"
#include "core/tenancy/canonicaltenant.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {
namespace {

bool isWrite(const QByteArray &method)
{
    // Fixed-size compares the compiler inlines: QByteArray's operator== calls out to memcmp,
    // which was a tenth of the whole check.
    const auto is = [&](const char *name, size_t size) {
        return size_t(method.size()) == size && std::memcmp(method.constData(), name, size) == 0;
    };
    return is("POST", 4) || is("PUT", 3) || is("PATCH", 5);
}

// GET, HEAD and OPTIONS: what a degraded tenant may still do.
bool isRead(const QByteArray &method)
{
    return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return std::max<qint64>(0, (a + b - 1) / b);
}

QString limitName(Dimension d)
{
    switch (d) {
    case Dimension::Day: return u"daily API call quota"_s;
    case Dimension::Month: return u"monthly API call quota"_s;
    case Dimension::Rate: return u"request rate limit"_s;
    case Dimension::Concurrency: return u"limit of requests in flight"_s;
    case Dimension::None: break;
    }
    return QString();
}

// Below 80 % (nearly every request) no alert threshold can be crossed: two multiplications,
// no more. Both sides stay far below 2^63 (limits are at most 2^50).
bool nearThreshold(qint64 used, qint64 limit)
{
    return used * 5 >= limit * 4;
}

void putHeaders(GateDecision &d, const RateLimitHeaders &h)
{
    d.rateLimit = h;
    d.rateLimit.remaining = std::max<qint64>(0, h.remaining);
}

// The key of a tenant's rule counter, built in a buffer of the thread's own so the request
// path does not allocate a string per rule and request.
const QString &ruleKeyBuffer(const QString &tenantId, const CustomRule &rule)
{
    thread_local QString buffer;
    buffer.resize(0);
    buffer.append(tenantId).append(u'\x1f').append(rule.name).append(u'\x1f').append(ruleWindowName(rule.window));
    return buffer;
}

} // namespace

QList<QPair<QByteArray, QByteArray>> rateLimitHeaders(const RateLimitHeaders &h)
{
    if (!h.present)
        return {};
    static const QByteArray limit("RateLimit-Limit"), remaining("RateLimit-Remaining"), reset("RateLimit-Reset");
    return {{limit, QByteArray::number(h.limit)},
            {remaining, QByteArray::number(h.remaining)},
            {reset, QByteArray::number(h.resetSeconds)}};
}

QString ruleDimension(const CustomRule &rule)
{
    return u"rule:%1:%2"_s.arg(rule.name, ruleWindowName(rule.window));
}

QuotaGate::QuotaGate(const QuotaPolicies &policies)
    : m_policies(policies)
{
}

void QuotaGate::setSharedStore(SharedQuotaStore *store, bool failOpen)
{
    m_shared = store;
    m_failOpen = failOpen;
}

void QuotaGate::reportSharedFailure(const Error &error) const
{
    const qint64 failures = ++m_sharedFailures;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 last = m_lastFailureLogMs.load();
    if (now - last < 10'000 || !m_lastFailureLogMs.compare_exchange_strong(last, now))
        return;
    qCCritical(lcQuota).noquote() << "the shared quota store cannot be reached:" << error.message << "-"
                                  << (m_failOpen ? "admitting on this server's own counters (fail open)"
                                                 : "refusing tenant requests with 503 (fail closed)")
                                  << "- failures so far:" << failures;
}

QList<WindowCheck> QuotaGate::sharedWindows(const Limits &limits, const QByteArray *method, QByteArrayView path,
                                            qint64 nowMs, const WindowClock &windows, QList<qint64> *starts)
{
    QList<WindowCheck> out;
    if (limits.apiCallsPerDay > 0) {
        const QuotaWindow w = windows.window(WindowKind::Day, nowMs);
        out.append({"day", w.index, w.endMs, std::min(limits.apiCallsPerDay, kMaxWindowCount)});
        starts->append(w.startMs);
    }
    if (limits.apiCallsPerMonth > 0) {
        const QuotaWindow w = windows.window(WindowKind::Month, nowMs);
        out.append({"month", w.index, w.endMs, std::min(limits.apiCallsPerMonth, kMaxWindowCount)});
        starts->append(w.startMs);
    }
    for (const CustomRule &rule : limits.rules) {
        if (rule.metric != RuleMetric::Requests || (method && !rule.requests.matches(*method, path)))
            continue;
        const RuleWindowSpan w = ruleWindow(rule, nowMs, windows);
        out.append({ruleDimension(rule).toUtf8(), w.index, w.endMs, std::min(rule.limit, kMaxWindowCount)});
        starts->append(w.startMs);
    }
    return out;
}

// The usage name of a shared window: "api_calls_per_day", "api_calls_per_month" or "rule:<name>".
static QString sharedWindowUsageName(const QByteArray &window)
{
    if (window == "day")
        return u"api_calls_per_day"_s;
    if (window == "month")
        return u"api_calls_per_month"_s;
    return u"rule:"_s + QString::fromUtf8(window).section(u':', 1, 1);
}

bool QuotaGate::admitShared(const Tenant &tenant, const Limits &limits, const QByteArray &method,
                            QByteArrayView path, qint64 nowMs, const WindowClock &windows, qint64 cost,
                            GateDecision &d)
{
    SharedAdmitRequest request;
    request.tenantId = tenant.id;
    request.nowMs = nowMs;
    request.cost = cost;
    if (limits.maxConcurrent > 0)
        request.concurrency = ConcurrencyCheck{limits.maxConcurrent, 60'000};
    if (limits.ratePerSecond > 0)
        request.rate = RateCheck{limits.ratePerSecond, limits.effectiveBurst()};
    QList<qint64> starts;
    request.windows = sharedWindows(limits, &method, path, nowMs, windows, &starts);

    d.cost = cost;
    auto answer = m_shared->admit(request);
    if (!answer) {
        reportSharedFailure(answer.error());
        if (m_failOpen)
            return false;
        Error e = Error::unavailable(u"quota-store-unavailable"_s,
                                     u"Quotas cannot be checked right now (the shared quota store is unreachable); "
                                     "try again shortly."_s);
        e.retryAfterSeconds = 1;
        d.refusal = e;
        return true;
    }
    const SharedAdmitResult &r = answer.value();
    // The tightest dimension for the headers: the refusing one, or the fewest units left.
    RateLimitHeaders tightest;
    const auto consider = [&](qint64 limit, qint64 remaining, qint64 resetSeconds) {
        if (!tightest.present || remaining < tightest.remaining)
            tightest = {true, limit, std::max<qint64>(0, remaining), resetSeconds};
    };
    if (request.rate)
        consider(request.rate->burst, r.rateRemaining, ceilDiv(r.rateResetMs, 1000));
    for (qsizetype i = 0; i < request.windows.size() && i < r.windowUsed.size(); ++i) {
        const WindowCheck &w = request.windows.at(i);
        if (!r.admitted && r.refusedBy == w.name) {
            tightest = {true, w.limit, std::max<qint64>(0, w.limit - r.windowUsed.at(i)), ceilDiv(w.windowEndMs - nowMs, 1000)};
            break;
        }
        consider(w.limit, w.limit - r.windowUsed.at(i), ceilDiv(w.windowEndMs - nowMs, 1000));
    }
    putHeaders(d, tightest);
    if (!r.admitted) {
        const int retry = int(std::clamp<qint64>(ceilDiv(r.retryAfterMs, 1000), 1, std::numeric_limits<int>::max()));
        // Named as the in-process check names them, so answers do not depend on the store.
        const Dimension by = r.refusedBy == "rate"          ? Dimension::Rate
                             : r.refusedBy == "concurrency" ? Dimension::Concurrency
                             : r.refusedBy == "day"         ? Dimension::Day
                             : r.refusedBy == "month"       ? Dimension::Month
                                                            : Dimension::None;
        const QString code = by == Dimension::Rate          ? u"rate-limited"_s
                             : by == Dimension::Concurrency ? u"concurrency-limit-exceeded"_s
                                                            : u"quota-exceeded"_s;
        const QString what = by != Dimension::None
            ? limitName(by)
            : u"quota '%1'"_s.arg(sharedWindowUsageName(r.refusedBy).mid(5)); // "rule:<name>"
        d.refusal = Error::tooManyRequests(code, u"The tenant's %1 is used up; try again in %2 s."_s.arg(what).arg(retry),
                                           retry);
        return true;
    }
    for (qsizetype i = 0; i < request.windows.size() && i < r.windowUsed.size(); ++i) {
        const WindowCheck &w = request.windows.at(i);
        noteUse(tenant, sharedWindowUsageName(w.name), starts.at(i), w.windowEndMs, cost, r.windowUsed.at(i), w.limit,
                nowMs);
    }
    if (!r.leaseId.isEmpty()) {
        SharedQuotaStore *store = m_shared;
        d.sharedLease = std::shared_ptr<void>(nullptr, [store, id = tenant.id, lease = r.leaseId](void *) {
            store->release(id, lease);
        });
    }
    return true;
}

QuotaGate::RuleWindowSpan QuotaGate::ruleWindow(const CustomRule &rule, qint64 nowMs, const WindowClock &windows)
{
    switch (rule.window) {
    case RuleWindow::Minute:
    case RuleWindow::Hour: {
        const qint64 span = rule.window == RuleWindow::Minute ? 60'000 : 3'600'000;
        const qint64 index = nowMs / span;
        return {index, index * span, (index + 1) * span};
    }
    case RuleWindow::Day:
    case RuleWindow::Month: {
        const QuotaWindow w = windows.window(rule.window == RuleWindow::Day ? WindowKind::Day : WindowKind::Month, nowMs);
        return {w.index, w.startMs, w.endMs};
    }
    }
    return {};
}

GateDecision QuotaGate::admit(const Tenant &tenant, const QByteArray &method, QByteArrayView path, qint64 nowMs)
{
    GateDecision d;
    const PolicySnapshot &snapshot = m_policies.threadSnapshot();
    const TenantKey key{tenant.id, tenant.number};
    ResolvedLimits::View view;
    TenantQuota *counters = m_state.find(key);
    const bool cached = counters
        && counters->resolved.read(snapshot.serial, tenant.plan.constData(), tenant.config.timeZone.constData(), &view);
    if (!cached) {
        view = {};
        view.limits = m_policies.limitsIn(snapshot, tenant);
        if (view.limits->unlimited())
            return d;
        view.windows = &m_policies.windowsFor(tenant.config.timeZone);
        counters = &m_state.entry(key);
        remember(tenant, snapshot, *counters, view);
    }
    const Limits *limits = view.limits;
    const qint64 cost = limits->costOf(method, path);
    d.cost = cost;

    if (limits->writesRefused && !isRead(method)) {
        d.refusal = Error::forbidden(
            u"payment-overdue"_s,
            u"The tenant's subscription is degraded for an unpaid invoice: writes are refused and the free "
            "plan's quotas apply until it is paid. Reads still work."_s);
        return d;
    }
    if (limits->storageBytes > 0 && isWrite(method)) {
        const qint64 used = counters->storageBytes.load(std::memory_order_relaxed);
        if (used >= limits->storageBytes) {
            d.refusal = Error::forbidden(
                u"storage-quota-exceeded"_s,
                u"The tenant stores %1 bytes, its whole storage quota of %2 bytes: writes are refused until "
                "data is deleted or the quota is raised. Reads still work."_s.arg(used).arg(limits->storageBytes));
            return d;
        }
    }

    const WindowClock &windows = *view.windows;
    if (m_shared) {
        if (admitShared(tenant, *limits, method, path, nowMs, windows, cost, d))
            return d;
    }
    m_state.admit(*counters, *limits, nowMs, windows, cost, d.admission);
    RateLimitHeaders tightest = d.admission.headers;
    if (d.admission.admitted && m_alerts) {
        // The window is looked up again only past 80 %, where a threshold can be crossed.
        const auto note = [&](WindowKind kind, const QString &name, qint64 used, qint64 limit) {
            if (limit > 0 && nearThreshold(used, limit)) {
                const QuotaWindow w = windows.window(kind, nowMs);
                noteUse(tenant, name, w.startMs, w.endMs, cost, used, limit, nowMs);
            }
        };
        note(WindowKind::Day, u"api_calls_per_day"_s, d.admission.dayUsed, limits->apiCallsPerDay);
        note(WindowKind::Month, u"api_calls_per_month"_s, d.admission.monthUsed, limits->apiCallsPerMonth);
    }
    if (!d.admission.admitted) {
        putHeaders(d, tightest);
        const Dimension by = d.admission.refusedBy;
        const QString code = by == Dimension::Rate          ? u"rate-limited"_s
                             : by == Dimension::Concurrency ? u"concurrency-limit-exceeded"_s
                                                            : u"quota-exceeded"_s;
        d.refusal = Error::tooManyRequests(
            code, u"The tenant's %1 is used up; try again in %2 s."_s.arg(limitName(by)).arg(d.admission.retryAfterSeconds),
            d.admission.retryAfterSeconds);
        return d;
    }

    int requestRule = -1; // the rule's place among the request rules, as the cache counts them
    for (const CustomRule &rule : limits->rules) {
        if (rule.metric != RuleMetric::Requests)
            continue;
        ++requestRule;
        if (!rule.requests.matches(method, path))
            continue;
        const bool cacheable = requestRule < ResolvedLimits::kRules;
        TenantQuota *counter = cacheable ? view.rules[requestRule] : nullptr;
        if (!counter) {
            const QString &key = ruleKeyBuffer(tenant.id, rule);
            const size_t hash = QuotaTable::hashOf(key);
            TenantQuota *found = m_rules.find(key, hash);
            counter = found ? found : &m_rules.findOrCreate(QString(key), hash);
            if (cacheable) {
                view.rules[requestRule] = counter;
                remember(tenant, snapshot, *counters, view);
            }
        }
        const RuleWindowSpan w = ruleWindow(rule, nowMs, windows);
        const CounterDecision taken = counter->day.admit(w.index, cost, std::min(rule.limit, kMaxWindowCount));
        const qint64 reset = ceilDiv(w.endMs - nowMs, 1000);
        if (!taken.admitted) {
            refund(d);
            putHeaders(d, {true, rule.limit, taken.remaining, reset});
            const int retry = int(std::clamp<qint64>(reset, 1, std::numeric_limits<int>::max()));
            d.refusal = Error::tooManyRequests(
                u"quota-exceeded"_s,
                u"The tenant's quota '%1' (%2 per %3) is used up; try again in %4 s."_s.arg(rule.name)
                    .arg(rule.limit)
                    .arg(ruleWindowName(rule.window))
                    .arg(retry),
                retry);
            return d;
        }
        d.ruleTakes.append({counter, w.index});
        if (nearThreshold(taken.used, rule.limit)) // the name is built only where an alert can be due
            noteUse(tenant, u"rule:"_s + rule.name, w.startMs, w.endMs, cost, taken.used, rule.limit, nowMs);
        if (!tightest.present || taken.remaining < tightest.remaining)
            tightest = {true, rule.limit, taken.remaining, reset};
    }
    putHeaders(d, tightest);
    return d;
}

void QuotaGate::remember(const Tenant &tenant, const PolicySnapshot &snapshot, TenantQuota &counters,
                         const ResolvedLimits::View &view)
{
    // Only canonical strings can be told apart by address (canonicaltenant.h). A tenant
    // without a number did not come from the directory: it is resolved on every request,
    // without taking the canonical strings' lock.
    if (tenant.number == 0 || !isCanonical(tenant.plan) || !isCanonical(tenant.config.timeZone))
        return;
    counters.resolved.write(snapshot.serial, tenant.plan.constData(), tenant.config.timeZone.constData(), view);
}

void QuotaGate::refund(GateDecision &decision)
{
    m_state.refund(decision.admission);
    for (const auto &[counter, index] : std::as_const(decision.ruleTakes))
        counter->day.refund(index, decision.cost);
    decision.ruleTakes.clear();
}

void QuotaGate::noteUse(const Tenant &tenant, const QString &dimension, qint64 startMs, qint64 endMs, qint64 cost,
                        qint64 after, qint64 limit, qint64 nowMs)
{
    if (!m_alerts || !nearThreshold(after, limit))
        return;
    const int threshold = highestCrossed(after - cost, after, limit);
    if (threshold > 0)
        m_alerts->offer({tenant.id, dimension, startMs, endMs, threshold, after, limit, nowMs});
}

void QuotaGate::setStorageUsed(const Tenant &tenant, qint64 bytes, qint64 nowMs)
{
    const qint64 before = m_state.setStorageUsed(tenant.id, bytes);
    const qint64 limit = m_policies.limitsFor(tenant)->storageBytes;
    if (m_alerts && limit > 0 && bytes > before)
        noteUse(tenant, u"storage_bytes"_s, 0, 0, bytes - before, bytes, limit, nowMs);
}

void QuotaGate::setStorageUsed(const QString &tenantId, qint64 bytes)
{
    m_state.setStorageUsed(tenantId, bytes);
}

qint64 QuotaGate::storageUsed(const QString &tenantId) const
{
    return m_state.storageUsed(tenantId);
}

qint64 QuotaGate::recordLimit(const Tenant &tenant, const QString &entity) const
{
    const Limits *limits = m_policies.limitsFor(tenant);
    qint64 limit = 0;
    for (const CustomRule &rule : limits->rules) {
        if (rule.metric == RuleMetric::Records && rule.entity == entity)
            limit = limit == 0 ? rule.limit : std::min(limit, rule.limit);
    }
    return limit;
}

QList<DimensionUsage> QuotaGate::usage(const Tenant &tenant, qint64 nowMs) const
{
    const Limits *limits = m_policies.limitsFor(tenant);
    const WindowClock &windows = m_policies.windowsFor(tenant.config.timeZone);
    const QuotaState::Usage used = m_state.usage(tenant.id, nowMs, windows);
    QList<DimensionUsage> out;
    const auto untilEnd = [&](WindowKind kind) { return ceilDiv(windows.window(kind, nowMs).endMs - nowMs, 1000); };
    if (limits->apiCallsPerDay > 0)
        out.append({u"api_calls_per_day"_s, used.day, limits->apiCallsPerDay, untilEnd(WindowKind::Day)});
    if (limits->apiCallsPerMonth > 0)
        out.append({u"api_calls_per_month"_s, used.month, limits->apiCallsPerMonth, untilEnd(WindowKind::Month)});
    if (limits->maxConcurrent > 0)
        out.append({u"max_concurrent"_s, used.inFlight, limits->maxConcurrent, -1});
    if (limits->storageBytes > 0)
        out.append({u"storage_bytes"_s, m_state.storageUsed(tenant.id), limits->storageBytes, -1});
    for (const CustomRule &rule : limits->rules) {
        if (rule.metric != RuleMetric::Requests)
            continue;
        const QString &key = ruleKeyBuffer(tenant.id, rule);
        const TenantQuota *counter = m_rules.find(key, QuotaTable::hashOf(key));
        const RuleWindowSpan w = ruleWindow(rule, nowMs, windows);
        out.append({u"rule:"_s + rule.name, counter ? counter->day.used(w.index) : 0, rule.limit,
                    ceilDiv(w.endMs - nowMs, 1000)});
    }
    if (m_shared) {
        // The shared counts are the ones that hold; this process's stand in if the store fails.
        QList<qint64> starts;
        const QList<WindowCheck> shared = sharedWindows(*limits, nullptr, {}, nowMs, windows, &starts);
        if (auto used = m_shared->used(tenant.id, shared); used && used->size() == shared.size()) {
            for (qsizetype i = 0; i < shared.size(); ++i) {
                const QString name = sharedWindowUsageName(shared.at(i).name);
                for (DimensionUsage &u : out) {
                    if (u.name == name)
                        u.used = used->at(i);
                }
            }
        }
    }
    return out;
}

QList<CounterRow> QuotaGate::counters(qint64 nowMs,
                                      const std::function<std::shared_ptr<const Tenant>(const QString &)> &tenantOf) const
{
    QList<CounterRow> rows;
    QHash<QString, std::shared_ptr<const Tenant>> tenants;
    const auto windowsOf = [&](const QString &id) -> const WindowClock & {
        auto tenant = tenantOf(id);
        tenants.insert(id, tenant);
        return m_policies.windowsFor(tenant ? tenant->config.timeZone : u"UTC"_s);
    };
    m_state.forEachTenant(
        [&](const QString &id, const QuotaState::Usage &u) {
            const auto tenant = tenants.value(id);
            if (!tenant)
                return;
            const WindowClock &windows = m_policies.windowsFor(tenant->config.timeZone);
            const QuotaWindow day = windows.window(WindowKind::Day, nowMs);
            const QuotaWindow month = windows.window(WindowKind::Month, nowMs);
            if (u.day > 0)
                rows.append({id, u"day"_s, day.index, day.endMs, u.day});
            if (u.month > 0)
                rows.append({id, u"month"_s, month.index, month.endMs, u.month});
            for (const CustomRule &rule : m_policies.limitsFor(*tenant)->rules) {
                if (rule.metric != RuleMetric::Requests)
                    continue;
                const QString &key = ruleKeyBuffer(id, rule);
                const TenantQuota *counter = m_rules.find(key, QuotaTable::hashOf(key));
                const RuleWindowSpan w = ruleWindow(rule, nowMs, windows);
                if (counter && counter->day.used(w.index) > 0)
                    rows.append({id, ruleDimension(rule), w.index, w.endMs, counter->day.used(w.index)});
            }
        },
        nowMs, windowsOf);
    return rows;
}

void QuotaGate::restore(const Tenant &tenant, const CounterRow &row, qint64 nowMs)
{
    const WindowClock &windows = m_policies.windowsFor(tenant.config.timeZone);
    if (row.dimension == u"day"_s || row.dimension == u"month"_s) {
        const WindowKind kind = row.dimension == u"day"_s ? WindowKind::Day : WindowKind::Month;
        if (windows.window(kind, nowMs).index == row.windowIndex)
            m_state.restore(tenant.id, kind, row.windowIndex, row.used);
        return;
    }
    for (const CustomRule &rule : m_policies.limitsFor(tenant)->rules) {
        if (rule.metric != RuleMetric::Requests || ruleDimension(rule) != row.dimension)
            continue;
        if (ruleWindow(rule, nowMs, windows).index != row.windowIndex)
            return;
        const QString &key = ruleKeyBuffer(tenant.id, rule);
        TenantQuota &counter = m_rules.findOrCreate(QString(key), QuotaTable::hashOf(key));
        counter.day.admit(row.windowIndex, std::min(row.used, kMaxWindowCount), kMaxWindowCount);
        return;
    }
}

} // namespace Tenantry::Quota
