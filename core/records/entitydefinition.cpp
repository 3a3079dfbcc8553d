#include "core/records/entitydefinition.h"

#include "core/records/fieldvalue.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Tenantry::Records {
namespace {

const QStringList kFieldKeys{u"name"_s, u"type"_s, u"required"_s, u"unique"_s, u"indexed"_s, u"max_length"_s, u"default"_s};

bool readFlag(const QJsonObject &o, const QString &key, const QString &at, QList<FieldError> &errors)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return false;
    if (!v.isBool()) {
        errors.append({at + u'/' + key, u"must be true or false"_s});
        return false;
    }
    return v.toBool();
}

std::optional<FieldDefinition> parseField(const QJsonValue &value, const QString &at, QList<FieldError> &errors)
{
    if (!value.isObject()) {
        errors.append({at, u"must be an object with name and type"_s});
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    const qsizetype before = errors.size();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!kFieldKeys.contains(it.key()))
            errors.append({at + u'/' + it.key(), u"is not a known field property"_s});
    }
    FieldDefinition field;
    field.name = o.value("name"_L1).toString();
    if (!o.value("name"_L1).isString() || !isValidName(field.name))
        errors.append({at + u"/name"_s, u"must match ^[a-z][a-z0-9_]{0,62}$"_s});
    else if (isReservedFieldName(field.name))
        errors.append({at + u"/name"_s, u"'%1' is reserved for the record's own properties"_s.arg(field.name)});
    const auto type = parseFieldType(o.value("type"_L1).toString());
    if (!type)
        errors.append({at + u"/type"_s, u"must be one of string, integer, decimal, boolean, date, datetime, json"_s});
    else
        field.type = *type;
    field.required = readFlag(o, u"required"_s, at, errors);
    field.unique = readFlag(o, u"unique"_s, at, errors);
    field.indexed = readFlag(o, u"indexed"_s, at, errors) || field.unique;
    if (field.indexed && field.type == FieldType::Json)
        errors.append({at + u"/indexed"_s, u"json fields cannot be indexed or unique"_s});

    const QJsonValue maxLength = o.value("max_length"_L1);
    if (!maxLength.isUndefined() && !maxLength.isNull()) {
        const qint64 n = maxLength.toInteger(0);
        if (field.type != FieldType::String)
            errors.append({at + u"/max_length"_s, u"applies to string fields only"_s});
        else if (n != maxLength.toInteger(1) || n < 1 || n > kMaxStringLength)
            errors.append({at + u"/max_length"_s, u"must be an integer from 1 to %1"_s.arg(kMaxStringLength)});
        else
            field.maxLength = int(n);
    }

    const QJsonValue def = o.value("default"_L1);
    if (!def.isUndefined() && !def.isNull() && errors.size() == before) {
        if (field.unique) {
            errors.append({at + u"/default"_s, u"a unique field cannot have a default (every record would share it)"_s});
        } else if (field.type == FieldType::Decimal && def.isDouble() && def.toInteger(0) != def.toInteger(1)) {
            // A fractional JSON number has already been read as a double here.
            errors.append({at + u"/default"_s, u"give a decimal default as a string, e.g. \"0.10\", so it is kept exactly"_s});
        } else if (auto canonical = canonicalValue(field, def); !canonical) {
            errors.append({at + u"/default"_s, canonical.error().message});
        } else {
            field.defaultValue = canonical.value();
        }
    }
    if (errors.size() != before)
        return std::nullopt;
    return field;
}

} // namespace

const FieldDefinition *EntityDefinition::field(const QString &fieldName) const
{
    for (const FieldDefinition &f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    return nullptr;
}

bool isValidName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9_]{0,62}$"_s);
    return pattern.match(name).hasMatch();
}

bool isReservedFieldName(const QString &name)
{
    return name == "id"_L1 || name == "version"_L1 || name == "created_at"_L1 || name == "updated_at"_L1;
}

Result<EntityDefinition> parseEntityDefinition(const QJsonObject &body, const QStringList &extraKeys, const QString &pathName)
{
    QList<FieldError> errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != "name"_L1 && it.key() != "fields"_L1 && !extraKeys.contains(it.key()))
            errors.append({u"/"_s + it.key(), u"is not a known property"_s});
    }
    EntityDefinition entity;
    const QJsonValue name = body.value("name"_L1);
    if (!pathName.isEmpty() && (name.isUndefined() || name.isNull())) {
        entity.name = pathName;
    } else if (!name.isString() || !isValidName(name.toString())) {
        errors.append({u"/name"_s, u"must match ^[a-z][a-z0-9_]{0,62}$"_s});
    } else if (!pathName.isEmpty() && name.toString() != pathName) {
        errors.append({u"/name"_s, u"must be '%1' (an entity cannot be renamed)"_s.arg(pathName)});
    } else {
        entity.name = name.toString();
    }

    const QJsonValue fields = body.value("fields"_L1);
    if (!fields.isArray() || fields.toArray().isEmpty()) {
        errors.append({u"/fields"_s, u"must be a list of at least one field"_s});
    } else if (fields.toArray().size() > kMaxFieldsPerEntity) {
        errors.append({u"/fields"_s, u"may list at most %1 fields"_s.arg(kMaxFieldsPerEntity)});
    } else {
        const QJsonArray list = fields.toArray();
        QSet<QString> seen;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = u"/fields/%1"_s.arg(i);
            auto field = parseField(list.at(i), at, errors);
            if (!field)
                continue;
            if (seen.contains(field->name)) {
                errors.append({at + u"/name"_s, u"'%1' is listed twice"_s.arg(field->name)});
                continue;
            }
            seen.insert(field->name);
            entity.fields.append(*field);
        }
    }
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-entity"_s, u"The entity definition is not valid."_s, errors);
    return entity;
}

QJsonArray fieldsToJson(const QList<FieldDefinition> &fields)
{
    QJsonArray out;
    for (const FieldDefinition &f : fields) {
        QJsonObject o{
            {u"name"_s, f.name},
            {u"type"_s, fieldTypeName(f.type)},
            {u"required"_s, f.required},
            {u"unique"_s, f.unique},
            {u"indexed"_s, f.indexed},
        };
        if (f.maxLength)
            o.insert(u"max_length"_s, *f.maxLength);
        if (f.hasDefault())
            o.insert(u"default"_s, f.defaultValue);
        out.append(o);
    }
    return out;
}

Result<EntityDefinition> definitionFromStored(const QString &name, const QByteArray &fieldsJson)
{
    const QJsonDocument doc = QJsonDocument::fromJson(fieldsJson);
    auto parsed = parseEntityDefinition(QJsonObject{{u"name"_s, name}, {u"fields"_s, doc.array()}});
    if (!doc.isArray() || !parsed)
        return Error{ErrorKind::Internal, u"corrupt-definition"_s,
                     u"The stored definition of entity '%1' cannot be read."_s.arg(name), {}};
    return parsed;
}

} // namespace Tenantry::Records
