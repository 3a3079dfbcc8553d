#include "core/quota/quotastate.h"

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {

namespace {

int ceilSeconds(qint64 amount, qint64 perSecond)
{
    const qint64 seconds = (amount + perSecond - 1) / perSecond;
    return int(std::clamp<qint64>(seconds, 1, std::numeric_limits<int>::max()));
}

qint64 resetSecondsOf(qint64 amount, qint64 perSecond)
{
    return std::max<qint64>(0, (amount + perSecond - 1) / perSecond);
}

// Keeps the candidate with the fewest units left; on a tie the one that lasts longer.
void considerTightest(RateLimitHeaders &headers, qint64 limit, qint64 remaining,
                      qint64 resetSeconds)
{
    if (headers.present
        && (remaining > headers.remaining
            || (remaining == headers.remaining && resetSeconds <= headers.resetSeconds)))
        return;
    headers = {true, limit, remaining, resetSeconds};
}

} // namespace

QString dimensionName(Dimension dimension)
{
    switch (dimension) {
    case Dimension::None:
        return QString();
    case Dimension::Concurrency:
        return u"concurrency"_s;
    case Dimension::Rate:
        return u"rate"_s;
    case Dimension::Day:
        return u"day"_s;
    case Dimension::Month:
        return u"month"_s;
    }
    return QString();
}

QuotaState::QuotaState() = default;
QuotaState::~QuotaState() = default;

Result<Admission> QuotaState::admit(TenantKey tenant, const Limits &limits,
                                    qint64 nowMs, const WindowClock &windows, qint64 cost)
{
    if (cost < 1 || cost > kMaxLimit)
        return Error::invalid(u"invalid-quota-cost"_s,
                              u"A request's quota cost must be between 1 and %1, not %2."_s
                                  .arg(kMaxLimit)
                                  .arg(cost));
    Admission result;
    admit(m_tenants.findOrCreate(tenant), limits, nowMs, windows, cost, result);
    return result;
}

TenantQuota *QuotaState::find(TenantKey tenant) const
{
    return m_tenants.find(tenant);
}

TenantQuota &QuotaState::entry(TenantKey tenant)
{
    return m_tenants.findOrCreate(tenant);
}

void QuotaState::admit(TenantQuota &state, const Limits &limits, qint64 nowMs, const WindowClock &windows,
                       qint64 cost, Admission &result)
{
    Q_ASSERT(cost >= 1 && cost <= kMaxLimit);
    result.cost = cost;
    const qint64 nowUs = nowMs * 1000;
    const qint64 burst = limits.ratePerSecond > 0 ? limits.effectiveBurst() : 0;

    // Read-only header values for dimensions not taken from, when an earlier one refuses.
    const auto peekHeaders = [&](bool rate, bool day, bool month) {
        if (rate && limits.ratePerSecond > 0) {
            const RateDecision view = state.rate.peek(nowUs, limits.ratePerSecond, burst);
            considerTightest(result.headers, burst, view.remaining,
                             resetSecondsOf(view.resetUs, 1'000'000));
        }
        if (day && limits.apiCallsPerDay > 0) {
            const QuotaWindow w = windows.window(WindowKind::Day, nowMs);
            considerTightest(result.headers, limits.apiCallsPerDay,
                             std::max<qint64>(0, limits.apiCallsPerDay - state.day.used(w.index)),
                             resetSecondsOf(w.endMs - nowMs, 1000));
        }
        if (month && limits.apiCallsPerMonth > 0) {
            const QuotaWindow w = windows.window(WindowKind::Month, nowMs);
            considerTightest(
                result.headers, limits.apiCallsPerMonth,
                std::max<qint64>(0, limits.apiCallsPerMonth - state.month.used(w.index)),
                resetSecondsOf(w.endMs - nowMs, 1000));
        }
    };
    const auto refuse = [&](Dimension by, int retryAfterSeconds) {
        result.admitted = false;
        result.refusedBy = by;
        result.retryAfterSeconds = retryAfterSeconds;
        result.permit.reset();
        if (result.rate > 0)
            state.rate.refund(cost, result.rate);
        if (result.tookDay)
            state.day.refund(result.dayIndex, cost);
        result.rate = 0;
        result.tookDay = false;
        return;
    };

    if (limits.maxConcurrent > 0) {
        result.permit = state.inFlight.tryAcquire(limits.maxConcurrent);
        if (!result.permit) {
            peekHeaders(true, true, true);
            return refuse(Dimension::Concurrency, 1);
        }
    }
    if (limits.ratePerSecond > 0) {
        const RateDecision rate = state.rate.admit(nowUs, cost, limits.ratePerSecond, burst);
        if (!rate.admitted) {
            result.headers = {true, burst, rate.remaining, resetSecondsOf(rate.resetUs, 1'000'000)};
            return refuse(Dimension::Rate, ceilSeconds(rate.retryAfterUs, 1'000'000));
        }
        result.rate = limits.ratePerSecond;
        considerTightest(result.headers, burst, rate.remaining,
                         resetSecondsOf(rate.resetUs, 1'000'000));
    }
    if (limits.apiCallsPerDay > 0) {
        const QuotaWindow w = windows.window(WindowKind::Day, nowMs);
        const CounterDecision day = state.day.admit(w.index, cost, limits.apiCallsPerDay);
        if (!day.admitted) {
            result.headers = {true, limits.apiCallsPerDay, day.remaining,
                              resetSecondsOf(w.endMs - nowMs, 1000)};
            return refuse(Dimension::Day, ceilSeconds(w.endMs - nowMs, 1000));
        }
        result.tookDay = true;
        result.dayIndex = w.index;
        result.dayUsed = day.used;
        considerTightest(result.headers, limits.apiCallsPerDay, day.remaining,
                         resetSecondsOf(w.endMs - nowMs, 1000));
    }
    if (limits.apiCallsPerMonth > 0) {
        const QuotaWindow w = windows.window(WindowKind::Month, nowMs);
        const CounterDecision month = state.month.admit(w.index, cost, limits.apiCallsPerMonth);
        if (!month.admitted) {
            result.headers = {true, limits.apiCallsPerMonth, month.remaining,
                              resetSecondsOf(w.endMs - nowMs, 1000)};
            return refuse(Dimension::Month, ceilSeconds(w.endMs - nowMs, 1000));
        }
        result.tookMonth = true;
        result.monthIndex = w.index;
        result.monthUsed = month.used;
        considerTightest(result.headers, limits.apiCallsPerMonth, month.remaining,
                         resetSecondsOf(w.endMs - nowMs, 1000));
    }
    result.admitted = true;
    result.state = &state;
}

void QuotaState::refund(Admission &admission)
{
    TenantQuota *state = std::exchange(admission.state, nullptr);
    admission.permit.reset();
    if (!state || !admission.admitted)
        return;
    if (admission.rate > 0)
        state->rate.refund(admission.cost, admission.rate);
    if (admission.tookDay)
        state->day.refund(admission.dayIndex, admission.cost);
    if (admission.tookMonth)
        state->month.refund(admission.monthIndex, admission.cost);
    admission.rate = 0;
    admission.tookDay = admission.tookMonth = false;
}

QuotaState::Usage QuotaState::usage(const QString &tenantId, qint64 nowMs,
                                    const WindowClock &windows) const
{
    const TenantQuota *state = m_tenants.find(tenantId, QuotaTable::hashOf(tenantId));
    if (!state)
        return {};
    return {state->day.used(windows.window(WindowKind::Day, nowMs).index),
            state->month.used(windows.window(WindowKind::Month, nowMs).index),
            state->inFlight.inFlight()};
}

qsizetype QuotaState::tenantCount() const
{
    return m_tenants.size();
}

void QuotaState::forEachTenant(const std::function<void(const QString &, const Usage &)> &visit, qint64 nowMs,
                               const std::function<const WindowClock &(const QString &)> &windowsOf) const
{
    m_tenants.forEach([&](const QString &id, const TenantQuota &state) {
        const WindowClock &windows = windowsOf(id);
        visit(id, {state.day.used(windows.window(WindowKind::Day, nowMs).index),
                   state.month.used(windows.window(WindowKind::Month, nowMs).index), state.inFlight.inFlight()});
    });
}

qint64 QuotaState::storageUsed(TenantKey tenant) const
{
    const TenantQuota *state = m_tenants.find(tenant);
    return state ? state->storageBytes.load(std::memory_order_relaxed) : 0;
}

qint64 QuotaState::setStorageUsed(const QString &tenantId, qint64 bytes)
{
    TenantQuota &state = m_tenants.findOrCreate(tenantId, QuotaTable::hashOf(tenantId));
    return state.storageBytes.exchange(bytes, std::memory_order_relaxed);
}

void QuotaState::restore(const QString &tenantId, WindowKind kind, qint64 windowIndex, qint64 units)
{
    if (units <= 0)
        return;
    TenantQuota &state = m_tenants.findOrCreate(tenantId, QuotaTable::hashOf(tenantId));
    WindowCounter &counter = kind == WindowKind::Day ? state.day : state.month;
    counter.admit(windowIndex, std::min(units, kMaxWindowCount), kMaxWindowCount);
}

} // namespace Tenantry::Quota
