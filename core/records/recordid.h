#pragma once

#include <QDateTime>
#include <QString>

namespace Tenantry::Records {

// A new record id: a UUID in the version 7 layout (48 bits of Unix milliseconds from `now`,
// then random bits from the system's secure generator), as lower-case text. Ids sort
// roughly by creation time, which keeps inserts at the end of the primary-key index.
QString newRecordId(const QDateTime &now);
// Whether `text` has the shape of a record id (lower-case UUID text).
bool isRecordId(const QString &text);

} // namespace Tenantry::Records
