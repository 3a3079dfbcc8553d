#include "core/records/recordjson.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Records {
namespace {

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject entityToJson(const EntityRow &entity)
{
    return {
        {u"name"_s, entity.definition.name},
        {u"schema_version"_s, entity.schemaVersion},
        {u"fields"_s, fieldsToJson(entity.definition.fields)},
        {u"records"_s, entity.records},
        {u"created_at"_s, isoTime(entity.createdAt)},
        {u"updated_at"_s, isoTime(entity.updatedAt)},
    };
}

QJsonObject recordToJson(const Record &record)
{
    return {
        {u"id"_s, record.id},
        {u"version"_s, record.version},
        {u"created_at"_s, isoTime(record.createdAt)},
        {u"updated_at"_s, isoTime(record.updatedAt)},
        {u"data"_s, record.data},
    };
}

} // namespace Tenantry::Records
