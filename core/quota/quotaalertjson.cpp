#include "core/quota/quotaalertjson.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {
namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// The reading of isoTime(); null reads as 0 (no window). False when the text is no time.
bool readTime(const QJsonValue &value, qint64 *ms)
{
    if (value.isNull() || value.isUndefined()) {
        *ms = 0;
        return true;
    }
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    *ms = time.toMSecsSinceEpoch();
    return time.isValid();
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

bool fromJson(const QJsonObject &json, QuotaAlert *out)
{
    QuotaAlert alert;
    alert.tenantId = json.value(u"tenant_id"_s).toString();
    alert.dimension = json.value(u"dimension"_s).toString();
    alert.threshold = json.value(u"threshold"_s).toInt();
    alert.used = qint64(json.value(u"used"_s).toDouble());
    alert.limit = qint64(json.value(u"limit"_s).toDouble());
    if (alert.tenantId.isEmpty() || !readTime(json.value(u"window_start"_s), &alert.windowStartMs)
        || !readTime(json.value(u"window_end"_s), &alert.windowEndMs) || !readTime(json.value(u"at"_s), &alert.atMs))
        return false;
    *out = alert;
    return true;
}

} // namespace Tenantry::Quota
