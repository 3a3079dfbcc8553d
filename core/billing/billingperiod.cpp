#include "core/billing/billingperiod.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {

QString billingCycleName(BillingCycle cycle)
{
    return cycle == BillingCycle::Yearly ? u"yearly"_s : u"monthly"_s;
}

bool parseBillingCycle(const QString &name, BillingCycle *out)
{
    if (name == u"monthly"_s) {
        *out = BillingCycle::Monthly;
        return true;
    }
    if (name == u"yearly"_s) {
        *out = BillingCycle::Yearly;
        return true;
    }
    return false;
}

namespace {

qint64 boundary(qint64 anchorMs, BillingCycle cycle, int index)
{
    const QDateTime anchor = QDateTime::fromMSecsSinceEpoch(anchorMs, QTimeZone::utc());
    // QDate::addMonths()/addYears() clamp to the end of a shorter month, which is the rule.
    const QDate day = cycle == BillingCycle::Yearly ? anchor.date().addYears(index)
                                                    : anchor.date().addMonths(index);
    return QDateTime(day, anchor.time(), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

BillingPeriod billingPeriodAt(qint64 anchorMs, BillingCycle cycle, int index)
{
    return {boundary(anchorMs, cycle, index), boundary(anchorMs, cycle, index + 1)};
}

BillingPeriod billingPeriodContaining(qint64 anchorMs, BillingCycle cycle, qint64 atMs)
{
    if (atMs <= anchorMs)
        return billingPeriodAt(anchorMs, cycle, 0);
    const QDate anchorDay = QDateTime::fromMSecsSinceEpoch(anchorMs, QTimeZone::utc()).date();
    const QDate atDay = QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone::utc()).date();
    int index = (atDay.year() - anchorDay.year()) * (cycle == BillingCycle::Yearly ? 1 : 12);
    if (cycle == BillingCycle::Monthly)
        index += atDay.month() - anchorDay.month();
    // The calendar estimate is off by at most one either way (day and time of day).
    index = std::max(0, index - 1);
    while (boundary(anchorMs, cycle, index + 1) <= atMs)
        ++index;
    return billingPeriodAt(anchorMs, cycle, index);
}

} // namespace Tenantry::Billing
