#include "core/records/changeplan.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Records {

QString ChangePlan::pointerOf(const QString &name) const
{
    for (qsizetype i = 0; i < next.fields.size(); ++i) {
        if (next.fields.at(i).name == name)
            return u"/fields/%1"_s.arg(i);
    }
    return u"/fields"_s;
}

Result<ChangePlan> planChange(const EntityDefinition &current, const EntityDefinition &next, bool confirmRemoval,
                              qint64 recordCount)
{
    ChangePlan plan;
    plan.next = next;
    QList<FieldError> typeChanges;
    QList<FieldError> needDefaults;
    for (qsizetype i = 0; i < next.fields.size(); ++i) {
        const FieldDefinition &to = next.fields.at(i);
        const FieldDefinition *from = current.field(to.name);
        const QString at = u"/fields/%1"_s.arg(i);
        if (!from) {
            if (to.required && to.hasDefault() && recordCount > 0)
                plan.fill.append(to);
            else if (to.required && recordCount > 0)
                needDefaults.append({at + u"/default"_s,
                                     u"a new required field needs a default while the entity has records"_s});
            if (to.indexed)
                plan.keysToBuild.append(to);
            continue;
        }
        if (from->type != to.type) {
            typeChanges.append({at + u"/type"_s, u"'%1' is %2 and cannot become %3; remove the field and add it again"_s
                                                     .arg(to.name, fieldTypeName(from->type), fieldTypeName(to.type))});
            continue;
        }
        if (to.required && !from->required) {
            if (to.hasDefault())
                plan.fill.append(to);
            else
                plan.mustHaveValue.append(to);
        }
        if (to.indexed && !from->indexed)
            plan.keysToBuild.append(to);
        else if (!to.indexed && from->indexed)
            plan.keysToDrop.append(to.name);
        else if (to.indexed && to.unique && !from->unique)
            plan.becameUnique.append(to.name);
        else if (to.indexed && !to.unique && from->unique)
            plan.becameNonUnique.append(to.name);
        if (to.maxLength && (!from->maxLength || *to.maxLength < *from->maxLength))
            plan.tightened.append(to);
    }
    if (!typeChanges.isEmpty()) {
        return Error{ErrorKind::Conflict, u"field-type-change"_s,
                     u"A field's type cannot change; remove the field (its values go with it) and add it again."_s,
                     typeChanges};
    }
    QList<FieldError> removals;
    for (const FieldDefinition &f : current.fields) {
        if (!next.field(f.name)) {
            plan.removed.append(f.name);
            if (f.indexed)
                plan.keysToDrop.append(f.name);
            removals.append({f.name, u"would be removed together with its values"_s});
        }
    }
    if (!removals.isEmpty() && !confirmRemoval) {
        return Error{ErrorKind::Conflict, u"field-removal-unconfirmed"_s,
                     u"This change removes %1 and every value stored in it; send \"confirm_field_removal\": true to go ahead."_s
                         .arg(plan.removed.join(u", "_s)),
                     removals};
    }
    if (!needDefaults.isEmpty())
        return Error::invalid(u"invalid-entity"_s, u"The entity definition is not valid."_s, needDefaults);
    return plan;
}

} // namespace Tenantry::Records
