#include "core/tenancy/tenantjson.h"

#include "core/tenancy/tenantconfig.h"

using namespace Qt::StringLiterals;

namespace Tenantry {
namespace {

// ISO 8601 in UTC with milliseconds, or null for "never".
QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject tenantToJson(const Tenant &t)
{
    QJsonObject o = configToJson(t.config);
    o.insert(u"id"_s, t.id);
    o.insert(u"slug"_s, t.slug);
    o.insert(u"status"_s, statusName(t.status));
    o.insert(u"plan"_s, t.plan);
    o.insert(u"isolation"_s, t.isolation);
    o.insert(u"created_at"_s, timeOrNull(t.createdAt));
    o.insert(u"updated_at"_s, timeOrNull(t.updatedAt));
    o.insert(u"deleted_at"_s, timeOrNull(t.deletedAt));
    o.insert(u"purge_after"_s, timeOrNull(t.purgeAfter));
    o.insert(u"cloned_from"_s, t.clonedFrom.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t.clonedFrom));
    return o;
}

QJsonObject tenantPublicJson(const Tenant &t)
{
    QJsonObject o = configToJson(t.config);
    o.insert(u"slug"_s, t.slug);
    o.insert(u"status"_s, statusName(t.status));
    o.insert(u"plan"_s, t.plan);
    return o;
}

QJsonObject apiKeyToJson(const ApiKeyInfo &key)
{
    return {
        {u"id"_s, key.id},
        {u"name"_s, key.name},
        {u"key"_s, key.masked},
        {u"created_at"_s, timeOrNull(key.createdAt)},
        {u"revoked_at"_s, timeOrNull(key.revokedAt)},
    };
}

} // namespace Tenantry
