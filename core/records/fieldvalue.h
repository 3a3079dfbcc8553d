#pragma once

#include "core/base/result.h"
#include "core/records/entitydefinition.h"

#include <QByteArrayView>
#include <QJsonValue>

namespace Tenantry::Records {

// Checks one value against its field and returns its canonical form:
//   string   JSON string, at most max_length characters, no NUL character
//   integer  JSON integer in the 64-bit range
//   decimal  JSON number or numeric string → canonical decimal string (decimal.h)
//   boolean  true / false
//   date     "YYYY-MM-DD" (a real calendar date, years 0001–9999)
//   datetime ISO 8601 with a zone (Z or ±hh:mm) → UTC "YYYY-MM-DDTHH:MM:SS.mmmZ"
//   json     any JSON value, with no NUL character in any string
// `rawNumber` is the value's number text exactly as sent (empty if unknown); decimals use
// it so that a JSON number never passes through a double. Errors: "invalid-value" whose
// message says what the value must be (a phrase for a field error, e.g. "must be ...").
Result<QJsonValue> canonicalValue(const FieldDefinition &field, const QJsonValue &value, QByteArrayView rawNumber = {});

// The text a canonical value is kept under in record_keys (uniqueness and equality lookups).
// Long values are kept as a hash so every key fits in an index entry; equal values always
// give equal keys.
QString keyText(const QJsonValue &canonical);

} // namespace Tenantry::Records
