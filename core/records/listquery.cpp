#include "core/records/listquery.h"

#include "core/records/fieldvalue.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tenantry::Records {
namespace {

Error invalid(const QString &code, const QString &parameter, const QString &message)
{
    return Error::invalid(code, u"The query parameter %1 is not valid: %2."_s.arg(parameter, message),
                          {{parameter, message}});
}

std::optional<ListColumn> columnNamed(const EntityDefinition &entity, const QString &name)
{
    if (name == "id"_L1)
        return ListColumn{ListColumn::Kind::Id, {}, FieldType::String, true};
    if (name == "created_at"_L1)
        return ListColumn{ListColumn::Kind::CreatedAt, {}, FieldType::DateTime, false};
    if (name == "updated_at"_L1)
        return ListColumn{ListColumn::Kind::UpdatedAt, {}, FieldType::DateTime, false};
    if (const FieldDefinition *f = entity.field(name))
        return ListColumn{ListColumn::Kind::Field, f->name, f->type, f->indexed};
    return std::nullopt;
}

QString columnName(const ListColumn &c)
{
    switch (c.kind) {
    case ListColumn::Kind::Id: return u"id"_s;
    case ListColumn::Kind::CreatedAt: return u"created_at"_s;
    case ListColumn::Kind::UpdatedAt: return u"updated_at"_s;
    case ListColumn::Kind::Field: return c.field;
    }
    return {};
}

std::optional<FilterOp> parseOp(const QString &name)
{
    static const QHash<QString, FilterOp> ops{
        {u"eq"_s, FilterOp::Eq},   {u"ne"_s, FilterOp::Ne},   {u"lt"_s, FilterOp::Lt},
        {u"lte"_s, FilterOp::Lte}, {u"gt"_s, FilterOp::Gt},   {u"gte"_s, FilterOp::Gte},
        {u"prefix"_s, FilterOp::Prefix}, {u"null"_s, FilterOp::Null},
    };
    const auto it = ops.find(name);
    return it == ops.end() ? std::nullopt : std::optional(*it);
}

// A filter value from the query string, as the column's canonical value.
Result<QJsonValue> filterValue(const ListColumn &column, const QString &text)
{
    FieldDefinition field;
    field.type = column.type;
    QJsonValue given(text);
    switch (column.type) {
    case FieldType::Integer: {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok)
            return Error::invalid(u"invalid-value"_s, u"must be a whole number"_s);
        given = QJsonValue(n);
        break;
    }
    case FieldType::Boolean:
        if (text != "true"_L1 && text != "false"_L1)
            return Error::invalid(u"invalid-value"_s, u"must be true or false"_s);
        given = QJsonValue(text == "true"_L1);
        break;
    default:
        break;
    }
    auto canonical = canonicalValue(field, given);
    if (!canonical)
        return canonical;
    if (column.kind == ListColumn::Kind::CreatedAt || column.kind == ListColumn::Kind::UpdatedAt)
        return QJsonValue(QDateTime::fromString(canonical->toString(), Qt::ISODateWithMs).toMSecsSinceEpoch());
    return canonical;
}

Result<ListFilter> parseFilter(const EntityDefinition &entity, const QString &parameter, const QString &fieldName,
                               const QString &opName, const QString &text)
{
    const auto column = columnNamed(entity, fieldName);
    if (!column)
        return invalid(u"invalid-filter"_s, parameter, u"'%1' is not a field of entity '%2'"_s.arg(fieldName.left(64), entity.name));
    const auto op = parseOp(opName.isEmpty() ? u"eq"_s : opName);
    if (!op)
        return invalid(u"invalid-filter"_s, parameter, u"the operator must be eq, ne, lt, lte, gt, gte, prefix or null"_s);
    ListFilter filter{*column, *op, {}, parameter};
    if (*op == FilterOp::Null) {
        if (text != "true"_L1 && text != "false"_L1)
            return invalid(u"invalid-filter"_s, parameter, u"must be true or false"_s);
        filter.value = text == "true"_L1;
        return filter;
    }
    if (column->type == FieldType::Json)
        return invalid(u"invalid-filter"_s, parameter, u"json fields can only be filtered with [null]"_s);
    const bool ordered = *op != FilterOp::Eq && *op != FilterOp::Ne;
    if (ordered && column->type == FieldType::Boolean)
        return invalid(u"invalid-filter"_s, parameter, u"boolean fields take eq, ne and null only"_s);
    if (*op == FilterOp::Prefix && column->type != FieldType::String && column->type != FieldType::Date
        && column->type != FieldType::DateTime)
        return invalid(u"invalid-filter"_s, parameter, u"prefix applies to string, date and datetime fields"_s);
    if (*op == FilterOp::Prefix && column->kind != ListColumn::Kind::Field)
        return invalid(u"invalid-filter"_s, parameter, u"prefix applies to the entity's own fields"_s);
    if (*op == FilterOp::Prefix) {
        if (text.isEmpty() || text.contains(QChar(u'\0')))
            return invalid(u"invalid-filter"_s, parameter, u"the prefix must not be empty"_s);
        filter.value = text; // a prefix is matched as text, not as a whole value
        return filter;
    }
    auto value = filterValue(*column, text);
    if (!value)
        return invalid(u"invalid-filter"_s, parameter, value.error().message);
    filter.value = value.value();
    return filter;
}

QString fingerprintOf(const ListQuery &q, const QString &entity, const QString &tenantId)
{
    QStringList parts{u"records-list-v1"_s, tenantId, entity, columnName(q.sort), q.descending ? u"desc"_s : u"asc"_s};
    QStringList filters;
    for (const ListFilter &f : q.filters) {
        filters.append(columnName(f.column) + u'\x1f' + QString::number(int(f.op)) + u'\x1f'
                       + QString::fromUtf8(QJsonDocument(QJsonArray{f.value}).toJson(QJsonDocument::Compact)));
    }
    filters.sort();
    parts += filters;
    const QByteArray hash = QCryptographicHash::hash(parts.join(u'\x1e').toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.left(12).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<ListPosition> decodeCursor(const QString &cursor, const ListQuery &q)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding
                                                                              | QByteArray::AbortOnBase64DecodingErrors);
    const QJsonObject o = QJsonDocument::fromJson(decoded.decoded).object();
    const QJsonValue value = o.value("v"_L1);
    const QString id = o.value("i"_L1).toString();
    const auto fail = [] {
        return invalid(u"invalid-cursor"_s, u"cursor"_s, u"must be the next_cursor of the previous page of this same query"_s);
    };
    if (!decoded || o.value("f"_L1).toString() != q.fingerprint || id.isEmpty() || value.isUndefined())
        return fail();
    // The value is bound into SQL by the sort column's type: a forged one of another type
    // is refused rather than compared as something else.
    const bool matches = value.isNull()
        || (q.sort.kind == ListColumn::Kind::CreatedAt || q.sort.kind == ListColumn::Kind::UpdatedAt ? value.isDouble()
            : q.sort.type == FieldType::Integer                                                      ? value.isDouble()
            : q.sort.type == FieldType::Boolean                                                      ? value.isBool()
                                                                                                      : value.isString());
    if (!matches || (value.isDouble() && value.toInteger(0) != value.toInteger(1)))
        return fail();
    return ListPosition{value, id};
}

} // namespace

Result<ListQuery> parseListQuery(const QUrlQuery &params, const EntityDefinition &entity, const QString &tenantId)
{
    static const QRegularExpression filterKey(u"^filter\\[([^\\]]*)\\](?:\\[([^\\]]*)\\])?$"_s);
    ListQuery query;
    QString cursor;
    for (const auto &[key, value] : params.queryItems(QUrl::FullyDecoded)) {
        if (const auto m = filterKey.match(key); m.hasMatch()) {
            auto filter = parseFilter(entity, key, m.captured(1), m.captured(2), value);
            if (!filter)
                return filter.error();
            query.filters.append(filter.value());
        } else if (key == "sort"_L1) {
            const bool descending = value.startsWith(u'-');
            const QString name = descending ? value.mid(1) : value;
            const auto column = columnNamed(entity, name);
            if (!column)
                return invalid(u"invalid-sort"_s, key, u"'%1' is not a field of entity '%2'"_s.arg(name.left(64), entity.name));
            if (column->type == FieldType::Json)
                return invalid(u"invalid-sort"_s, key, u"json fields cannot be sorted on"_s);
            query.sort = *column;
            query.descending = descending;
        } else if (key == "limit"_L1) {
            bool ok = false;
            query.limit = value.toInt(&ok);
            if (!ok || query.limit < 1 || query.limit > kMaxListLimit)
                return invalid(u"invalid-query"_s, key, u"must be an integer from 1 to %1"_s.arg(kMaxListLimit));
        } else if (key == "cursor"_L1) {
            cursor = value;
        } else {
            return invalid(u"invalid-query"_s, key.left(64), u"is not a known parameter (filter[...], sort, limit, cursor)"_s);
        }
    }
    query.fingerprint = fingerprintOf(query, entity.name, tenantId);
    if (!cursor.isEmpty()) {
        auto position = decodeCursor(cursor, query);
        if (!position)
            return position.error();
        query.after = position.value();
    }
    return query;
}

QString encodeCursor(const ListQuery &query, const ListPosition &last)
{
    const QJsonObject o{{u"f"_s, query.fingerprint}, {u"v"_s, last.value}, {u"i"_s, last.id}};
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace Tenantry::Records
