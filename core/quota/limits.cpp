#include "core/quota/limits.h"

#include <QList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {

namespace {

void checkCount(QList<FieldError> &errors, const QString &field, qint64 value)
{
    if (value < 0)
        errors.append({field, u"must be 0 (unlimited) or a positive whole number"_s});
    else if (value > kMaxLimit)
        errors.append({field, u"must be at most %1"_s.arg(kMaxLimit)});
}

} // namespace

Status Limits::validate() const
{
    QList<FieldError> errors;
    checkCount(errors, u"api_calls_per_day"_s, apiCallsPerDay);
    checkCount(errors, u"api_calls_per_month"_s, apiCallsPerMonth);
    checkCount(errors, u"max_concurrent"_s, maxConcurrent);
    if (!std::isfinite(ratePerSecond) || ratePerSecond < 0)
        errors.append({u"rate_per_second"_s, u"must be 0 (unlimited) or a positive number"_s});
    else if (ratePerSecond != 0
             && (ratePerSecond < kMinRatePerSecond || ratePerSecond > kMaxRatePerSecond))
        errors.append({u"rate_per_second"_s,
                       u"must be between %1 and %2 requests per second"_s.arg(kMinRatePerSecond)
                           .arg(qint64(kMaxRatePerSecond))});
    if (burst < 0)
        errors.append({u"burst"_s, u"must be 0 (one second's worth) or a positive whole number"_s});
    else if (burst > kMaxBurst)
        errors.append({u"burst"_s, u"must be at most %1"_s.arg(kMaxBurst)});
    else if (burst > 0 && ratePerSecond == 0)
        errors.append({u"burst"_s, u"needs rate_per_second: a burst only shapes a rate limit"_s});
    if (errors.isEmpty())
        return {};
    QStringList names;
    for (const FieldError &e : errors)
        names.append(e.field);
    return Error::invalid(u"invalid-quota-limits"_s,
                          u"The quota limits are not valid: check %1."_s.arg(names.join(u", "_s)),
                          errors);
}

qint64 Limits::effectiveBurst() const
{
    if (burst > 0)
        return burst;
    return std::clamp<qint64>(qint64(std::ceil(ratePerSecond)), 1, kMaxBurst);
}

} // namespace Tenantry::Quota
