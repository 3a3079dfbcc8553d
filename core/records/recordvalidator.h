#pragma once

#include "core/base/result.h"
#include "core/records/entitydefinition.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>

namespace Tenantry::Records {

// The field values a write sends, with each top-level number's text as sent (decimal
// fields read their digits from there, never from a double).
struct RecordInput {
    QJsonObject values;
    QHash<QString, QByteArray> numberTexts;
    qsizetype bodyBytes = 0; // size of the body as sent, checked against kMaxRecordBytes

    // From a request body that parsed as `values`.
    static RecordInput fromBody(const QByteArray &body, const QJsonObject &values);
};

enum class WriteMode {
    Create,  // absent fields take their default
    Replace, // like Create: the body is the whole new record
    Patch,   // the body's keys replace the current values; null removes an optional field
};

// Checks `input` against `entity` and returns the record's canonical data (absent fields
// left out). For Patch, `current` is the stored data the body is merged into. Errors:
// "record-too-large" (TooLarge) over kMaxRecordBytes; "invalid-record" (Invalid) listing
// every problem by JSON pointer ("/email"), including keys that are not fields.
Result<QJsonObject> validateRecord(const EntityDefinition &entity, const RecordInput &input, WriteMode mode,
                                   const QJsonObject &current = {});

// "/name" for a JSON pointer to a top-level member (with ~ and / escaped).
QString pointerTo(const QString &member);

} // namespace Tenantry::Records
