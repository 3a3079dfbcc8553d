#include "core/billing/dunning.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {
namespace {

constexpr qint64 kDayMs = 86'400'000;

} // namespace

Status DunningSchedule::validate() const
{
    QList<FieldError> errors;
    if (retryAfterDays.size() > 10)
        errors.append({u"/dunning/retry_after_days"_s, u"at most 10 retries"_s});
    for (qsizetype i = 0; i < retryAfterDays.size(); ++i) {
        const int days = retryAfterDays.at(i);
        const QString field = u"/dunning/retry_after_days/%1"_s.arg(i);
        if (days < 1 || days > 90)
            errors.append({field, u"must be between 1 and 90 days"_s});
        else if (i > 0 && days <= retryAfterDays.at(i - 1))
            errors.append({field, u"must be later than the retry before it"_s});
    }
    if (suspendAfterDays < 1 || suspendAfterDays > 365)
        errors.append({u"/dunning/suspend_after_days"_s, u"must be between 1 and 365 days"_s});
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-dunning-schedule"_s, u"The dunning schedule is not valid."_s, errors);
    return {};
}

DunningStep nextDunningStep(const DunningSchedule &schedule, const DunningState &state)
{
    using K = DunningStep::Kind;
    switch (state.status) {
    case SubscriptionStatus::PastDue: {
        const int total = int(schedule.retryAfterDays.size());
        if (state.retriesDone < total) {
            const int days = schedule.retryAfterDays.at(state.retriesDone);
            return {K::Retry, state.firstFailureMs + days * kDayMs, state.retriesDone + 1};
        }
        const int lastDays = total > 0 ? schedule.retryAfterDays.last() : 0;
        return {K::Degrade, state.firstFailureMs + lastDays * kDayMs, 0};
    }
    case SubscriptionStatus::Degraded:
        return {K::Suspend, state.degradedAtMs + schedule.suspendAfterDays * kDayMs, 0};
    case SubscriptionStatus::Trialing:
    case SubscriptionStatus::Active:
    case SubscriptionStatus::Suspended:
    case SubscriptionStatus::Canceled:
        break;
    }
    return {};
}

} // namespace Tenantry::Billing
