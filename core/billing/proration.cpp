#include "core/billing/proration.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {

namespace {

qint64 toSecond(qint64 ms)
{
    // Floor, also for times before the epoch.
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

} // namespace

Result<Money> earnedValue(const Money &fee, const BillingPeriod &period, qint64 atMs)
{
    const qint64 start = toSecond(period.startMs);
    const qint64 end = toSecond(period.endMs);
    if (end <= start)
        return Error::invalid(u"invalid-period"_s, u"A billing period must end after it starts."_s);
    const qint64 at = std::clamp(toSecond(atMs), start, end);
    if (at == end)
        return fee;
    auto minor = roundHalfEven(WideInt(fee.minor()) * (at - start), end - start);
    if (!minor)
        return minor.error();
    return Money(minor.value(), fee.currency());
}

Result<Money> valueOver(const Money &fee, const BillingPeriod &period, qint64 fromMs, qint64 toMs)
{
    auto upTo = earnedValue(fee, period, toMs);
    if (!upTo)
        return upTo.error();
    auto before = earnedValue(fee, period, fromMs);
    if (!before)
        return before.error();
    return upTo->minus(before.value());
}

Result<PlanChangeProration> prorateChange(const Money &oldFee, const Money &newFee,
                                          const BillingPeriod &period, qint64 atMs)
{
    if (!period.contains(atMs))
        return Error::invalid(u"change-outside-period"_s,
                              u"A plan change is prorated only within the current billing period."_s);
    if (!(oldFee.currency() == newFee.currency()))
        return Error::invalid(u"currency-mismatch"_s,
                              u"The old and the new plan are priced in different currencies (%1, %2)."_s
                                  .arg(oldFee.currency().code, newFee.currency().code));
    auto unused = valueOver(oldFee, period, atMs, period.endMs);
    if (!unused)
        return unused.error();
    auto rest = valueOver(newFee, period, atMs, period.endMs);
    if (!rest)
        return rest.error();
    return PlanChangeProration{unused->negated(), rest.value(), toSecond(atMs) * 1000};
}

} // namespace Tenantry::Billing
