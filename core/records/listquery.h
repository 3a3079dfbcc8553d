#pragma once

#include "core/base/result.h"
#include "core/records/entitydefinition.h"

#include <QJsonValue>
#include <QUrlQuery>

#include <optional>

namespace Tenantry::Records {

inline constexpr int kDefaultListLimit = 50;
inline constexpr int kMaxListLimit = 500;

// What a list can sort or filter on: one of the entity's fields, or a record property.
struct ListColumn {
    enum class Kind { Field, Id, CreatedAt, UpdatedAt };
    Kind kind = Kind::Id;
    QString field;                      // Kind::Field only
    FieldType type = FieldType::String; // how values compare; CreatedAt/UpdatedAt hold epoch ms
    bool indexed = false;
};

enum class FilterOp { Eq, Ne, Lt, Lte, Gt, Gte, Prefix, Null };

struct ListFilter {
    ListColumn column;
    FilterOp op = FilterOp::Eq;
    QJsonValue value;  // canonical; epoch ms for CreatedAt/UpdatedAt; for Null, whether missing
    QString parameter; // as sent, e.g. "filter[age][gt]"
};

// Where the previous page ended: the last record's sort value (Null when it had none)
// and id.
struct ListPosition {
    QJsonValue value;
    QString id;
};

// A parsed list request. Records come in sort order, ties by id in the same direction,
// records without a value for the sort field last in either direction.
struct ListQuery {
    QList<ListFilter> filters;
    ListColumn sort;          // by id when not given
    bool descending = false;
    int limit = kDefaultListLimit;
    std::optional<ListPosition> after;
    QString fingerprint;      // binds cursors to this tenant, entity, sort and filters
};

// Reads filter[<field>]=v, filter[<field>][<op>]=v (eq ne lt lte gt gte prefix null), sort,
// limit and cursor. Errors name the parameter: "invalid-filter", "invalid-sort",
// "invalid-cursor" (a cursor of another query, entity or tenant, or not one of ours) and
// "invalid-query" (limit, unknown parameters); all Invalid.
Result<ListQuery> parseListQuery(const QUrlQuery &params, const EntityDefinition &entity, const QString &tenantId);

// The opaque next_cursor for a page of `query` that ended at `last`.
QString encodeCursor(const ListQuery &query, const ListPosition &last);

} // namespace Tenantry::Records
