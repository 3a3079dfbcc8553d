#pragma once

#include "core/base/result.h"
#include "core/records/fieldtype.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Tenantry::Records {

inline constexpr int kMaxFieldsPerEntity = 100;
inline constexpr int kMaxEntitiesPerTenant = 200;
inline constexpr qsizetype kMaxRecordBytes = 256 * 1024;
inline constexpr int kMaxStringLength = 256 * 1024;

// One typed field of an entity.
struct FieldDefinition {
    QString name;
    FieldType type = FieldType::String;
    bool required = false;
    bool unique = false;
    bool indexed = false;          // always true when unique: unique values are looked up by key
    std::optional<int> maxLength;  // strings only, in characters (Unicode code points)
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined); // canonical; Undefined when none

    bool hasDefault() const { return !defaultValue.isUndefined(); }
    friend bool operator==(const FieldDefinition &, const FieldDefinition &) = default;
};

// A tenant's entity: its name and fields, in the order the tenant gave them.
struct EntityDefinition {
    QString name;
    QList<FieldDefinition> fields;

    // The field called `name`, or nullptr.
    const FieldDefinition *field(const QString &name) const;
};

// Entity and field names: ^[a-z][a-z0-9_]{0,62}$. Field names are also inlined into SQL
// (JSON paths), which is safe only because of this rule.
bool isValidName(const QString &name);
// id, version, created_at and updated_at: the record's own properties.
bool isReservedFieldName(const QString &name);

// Parses an entity definition from a request body {"name", "fields": [...]}. Keys listed in
// `extraKeys` are allowed and ignored (e.g. "confirm_field_removal"). Every problem is
// reported at once as "invalid-entity" (Invalid) with a JSON pointer per problem, e.g.
// "/fields/0/type". `pathName`, when not empty, is the name from the URL: the body's name
// may be left out, and must match when given.
Result<EntityDefinition> parseEntityDefinition(const QJsonObject &body, const QStringList &extraKeys = {},
                                               const QString &pathName = {});

// The stored form of the fields (what entities.definition and entity_versions hold), which
// is also the "fields" of the entity JSON.
QJsonArray fieldsToJson(const QList<FieldDefinition> &fields);
// Reads back a stored definition. An error here means the stored row is corrupt
// ("corrupt-definition", Internal).
Result<EntityDefinition> definitionFromStored(const QString &name, const QByteArray &fieldsJson);

} // namespace Tenantry::Records
