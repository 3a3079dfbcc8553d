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

// The reading of timeOrNull(): null or absent is "never"; false when the text is no time.
bool readTime(const QJsonValue &value, QDateTime *out)
{
    if (value.isNull() || value.isUndefined()) {
        *out = QDateTime();
        return true;
    }
    *out = QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
    return out->isValid();
}

Error unreadable(const QString &what)
{
    return {ErrorKind::Internal, u"unexpected-response"_s, u"The server sent a %1 that cannot be read."_s.arg(what), {}};
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

Result<Tenant> tenantFromJson(const QJsonObject &json)
{
    Tenant t;
    t.id = json.value(u"id"_s).toString();
    t.slug = json.value(u"slug"_s).toString();
    t.plan = json.value(u"plan"_s).toString(t.plan);
    t.isolation = json.value(u"isolation"_s).toString(t.isolation);
    t.clonedFrom = json.value(u"cloned_from"_s).toString();
    t.config.displayName = json.value(u"display_name"_s).toString();
    t.config.themeColor = json.value(u"theme_color"_s).toString(t.config.themeColor);
    t.config.locale = json.value(u"locale"_s).toString(t.config.locale);
    t.config.timeZone = json.value(u"time_zone"_s).toString(t.config.timeZone);
    t.config.settings = json.value(u"settings"_s).toObject();
    const bool timesRead = readTime(json.value(u"created_at"_s), &t.createdAt)
        && readTime(json.value(u"updated_at"_s), &t.updatedAt) && readTime(json.value(u"deleted_at"_s), &t.deletedAt)
        && readTime(json.value(u"purge_after"_s), &t.purgeAfter);
    if (t.id.isEmpty() || t.slug.isEmpty() || !parseStatus(json.value(u"status"_s).toString(), &t.status) || !timesRead)
        return unreadable(u"tenant"_s);
    return t;
}

Result<ApiKeyInfo> apiKeyFromJson(const QJsonObject &json)
{
    ApiKeyInfo key;
    key.id = json.value(u"id"_s).toString();
    key.name = json.value(u"name"_s).toString();
    key.masked = json.value(u"key"_s).toString();
    if (key.id.isEmpty() || !readTime(json.value(u"created_at"_s), &key.createdAt)
        || !readTime(json.value(u"revoked_at"_s), &key.revokedAt))
        return unreadable(u"API key"_s);
    return key;
}

} // namespace Tenantry
