#pragma once

#include "core/base/result.h"
#include "core/records/entitydefinition.h"

#include <QStringList>

namespace Tenantry::Records {

// What changing an entity's definition must do to the records it already has. Computed
// without the database by planChange(); carried out by RecordStore::changeEntity() in the
// same transaction as the new definition.
struct ChangePlan {
    EntityDefinition next;
    QStringList removed;                 // fields that go away; their values are stripped
    QList<FieldDefinition> fill;         // newly required with a default: written where a record lacks a value
    QList<FieldDefinition> mustHaveValue; // newly required without a default: refused if a record lacks a value
    QList<FieldDefinition> keysToBuild;  // newly indexed (or unique): key rows built for every record
    QStringList keysToDrop;              // no longer indexed, or removed
    QStringList becameUnique;            // still indexed, now unique: refused when values repeat
    QStringList becameNonUnique;
    QList<FieldDefinition> tightened;    // max_length added or lowered: existing values are checked

    // Where field `name` sits in the new definition's list, for error pointers.
    QString pointerOf(const QString &name) const;
};

// Compares the current and the proposed definition. Errors: "field-type-change" (Conflict)
// naming each field whose type differs; "field-removal-unconfirmed" (Conflict) listing the
// fields that would go when `confirmRemoval` is false; "invalid-entity" (Invalid) at
// "/fields/<i>/default" for a new required field without a default while records exist.
Result<ChangePlan> planChange(const EntityDefinition &current, const EntityDefinition &next, bool confirmRemoval,
                              qint64 recordCount);

} // namespace Tenantry::Records
