#include "core/records/recordvalidator.h"

#include "core/records/fieldvalue.h"
#include "core/records/rawnumbers.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Records {

RecordInput RecordInput::fromBody(const QByteArray &body, const QJsonObject &values)
{
    return {values, topLevelNumberTexts(body), body.size()};
}

QString pointerTo(const QString &member)
{
    QString escaped = member;
    escaped.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    return u'/' + escaped;
}

Result<QJsonObject> validateRecord(const EntityDefinition &entity, const RecordInput &input, WriteMode mode,
                                   const QJsonObject &current)
{
    if (input.bodyBytes > kMaxRecordBytes) {
        return Error{ErrorKind::TooLarge, u"record-too-large"_s,
                     u"A record body may be at most %1 bytes; this one has %2."_s.arg(kMaxRecordBytes).arg(input.bodyBytes),
                     {}};
    }
    QList<FieldError> errors;
    for (auto it = input.values.begin(); it != input.values.end(); ++it) {
        if (!entity.field(it.key()))
            errors.append({pointerTo(it.key()), u"is not a field of entity '%1'"_s.arg(entity.name)});
    }
    QJsonObject data;
    for (const FieldDefinition &field : entity.fields) {
        QJsonValue given = input.values.value(field.name);
        const QString at = pointerTo(field.name);
        if (mode == WriteMode::Patch && given.isUndefined())
            given = current.value(field.name); // untouched by the patch
        if (given.isUndefined() || given.isNull()) {
            // A patch's null removes the value; defaults fill only what a new record lacks.
            if (mode != WriteMode::Patch && field.hasDefault())
                data.insert(field.name, field.defaultValue);
            else if (field.required)
                errors.append({at, u"is required"_s});
            continue;
        }
        auto canonical = canonicalValue(field, given, input.numberTexts.value(field.name));
        if (!canonical) {
            errors.append({at, canonical.error().message});
            continue;
        }
        data.insert(field.name, canonical.value());
    }
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-record"_s, u"The record is not valid for entity '%1'."_s.arg(entity.name), errors);
    return data;
}

} // namespace Tenantry::Records
