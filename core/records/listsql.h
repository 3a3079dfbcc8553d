#pragma once

#include "core/records/listquery.h"
#include "core/storage/catalog.h"

#include <QVariantMap>

namespace Tenantry::Records {

struct SqlStatement {
    QString sql;
    QVariantMap values; // named placeholders; ":tenant" is bound by the TenantSession
};

// The keyset-paged SELECT for `query` over entity `entity`'s records (alias r): id, version,
// created_at, updated_at, data; limit + 1 rows, so the caller can tell whether a next page
// exists. Every condition is on the caller's tenant and entity first; equality on an
// indexed field goes through the record_keys index.
SqlStatement listStatement(const ListQuery &query, const QString &entity, Storage::Dialect dialect);

// The SQL expression for a field's value in row r, comparable in the field's type.
QString valueExpression(const ListColumn &column, Storage::Dialect dialect);
// The condition "row r has no value for this field".
QString missingCondition(const QString &field, Storage::Dialect dialect);

} // namespace Tenantry::Records
