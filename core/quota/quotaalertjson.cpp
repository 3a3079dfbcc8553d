#include "core/quota/quotaalertjson.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {
namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject toJson(const QuotaAlert &alert)
{
    const bool windowed = alert.windowEndMs != 0;
    return {
        {u"tenant_id"_s, alert.tenantId},
        {u"dimension"_s, alert.dimension},
        {u"threshold"_s, alert.threshold},
        // Doubles in JSON: exact up to 2^53, far above Quota::kMaxLimit.
        {u"used"_s, alert.used},
        {u"limit"_s, alert.limit},
        {u"window_start"_s, windowed ? QJsonValue(isoTime(alert.windowStartMs)) : QJsonValue(QJsonValue::Null)},
        {u"window_end"_s, windowed ? QJsonValue(isoTime(alert.windowEndMs)) : QJsonValue(QJsonValue::Null)},
        {u"at"_s, isoTime(alert.atMs)},
    };
}

} // namespace Tenantry::Quota
