#include "core/billing/meterevent.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {
namespace {

bool isDimensionName(const QString &name)
{
    if (name.isEmpty() || name.size() > 40 || name.at(0) < u'a' || name.at(0) > u'z')
        return false;
    for (const QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    }
    return true;
}

bool isEventId(const QString &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const QChar c : id) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

} // namespace

Status validateMeterEvent(const MeterEvent &event, const QString &prefix)
{
    QList<FieldError> errors;
    if (!isEventId(event.eventId))
        errors.append({prefix + u"/id"_s, u"1 to 128 printable ASCII characters, no spaces"_s});
    if (!isDimensionName(event.dimension))
        errors.append({prefix + u"/dimension"_s, u"a lower-case name: a-z first, then a-z, 0-9 or '_', at most 40"_s});
    if (event.quantity < 1 || event.quantity > 1'000'000'000'000)
        errors.append({prefix + u"/quantity"_s, u"a whole number from 1 to 10^12"_s});
    if (event.occurredAtMs <= 0)
        errors.append({prefix + u"/occurred_at"_s, u"a time after 1970"_s});
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-meter-event"_s, u"A meter event is not valid."_s, errors);
    return {};
}

} // namespace Tenantry::Billing
