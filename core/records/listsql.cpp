#include "core/records/listsql.h"

#include "core/records/fieldvalue.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Records {
namespace {

using Storage::Dialect;

bool isTime(const ListColumn &c)
{
    return c.kind == ListColumn::Kind::CreatedAt || c.kind == ListColumn::Kind::UpdatedAt;
}

class Builder
{
public:
    explicit Builder(Dialect dialect) : m_dialect(dialect) {}

    // A placeholder for `value`, typed like the column's expression.
    QString param(const ListColumn &column, const QJsonValue &value)
    {
        const QString name = u"p"_s + QString::number(m_values.size());
        const QString ph = u':' + name;
        const bool pg = m_dialect == Dialect::Postgres;
        if (isTime(column) || column.type == FieldType::Integer) {
            m_values.insert(name, qint64(value.toInteger()));
            return pg ? u"CAST(%1 AS BIGINT)"_s.arg(ph) : ph;
        }
        if (column.type == FieldType::Boolean) {
            if (pg) {
                m_values.insert(name, value.toBool() ? u"true"_s : u"false"_s);
                return u"CAST(%1 AS BOOLEAN)"_s.arg(ph);
            }
            m_values.insert(name, value.toBool() ? 1 : 0);
            return ph;
        }
        m_values.insert(name, value.toString());
        if (column.type == FieldType::Decimal)
            return pg ? u"CAST(%1 AS NUMERIC)"_s.arg(ph) : u"CAST(%1 AS REAL)"_s.arg(ph);
        if (!pg)
            return ph;
        // Field text compares byte-wise on both databases; ids keep the column's collation
        // so the primary-key index serves them.
        return column.kind == ListColumn::Kind::Field ? u"(CAST(%1 AS TEXT) COLLATE \"C\")"_s.arg(ph)
                                                      : u"CAST(%1 AS TEXT)"_s.arg(ph);
    }
    QString textParam(const QString &text)
    {
        const QString name = u"p"_s + QString::number(m_values.size());
        m_values.insert(name, text);
        return m_dialect == Dialect::Postgres ? u"CAST(:%1 AS TEXT)"_s.arg(name) : u':' + name;
    }
    QVariantMap values() const { return m_values; }

private:
    Dialect m_dialect;
    QVariantMap m_values;
};

QString filterCondition(const ListFilter &f, Dialect dialect, Builder &b)
{
    const ListColumn &c = f.column;
    const bool isField = c.kind == ListColumn::Kind::Field;
    const QString missing = isField ? missingCondition(c.field, dialect) : u"FALSE"_s;
    if (f.op == FilterOp::Null)
        return f.value.toBool() ? missing : u"NOT ("_s + missing + u')';
    if (f.op == FilterOp::Prefix) {
        const QString raw = dialect == Dialect::Postgres ? u"(r.data ->> '%1')"_s.arg(c.field)
                                                         : u"json_extract(r.data, '$.%1')"_s.arg(c.field);
        const QString p = b.textParam(f.value.toString());
        return dialect == Dialect::Postgres ? u"starts_with(%1, %2)"_s.arg(raw, p)
                                            : u"substr(%1, 1, length(%2)) = %2"_s.arg(raw, p);
    }
    if (f.op == FilterOp::Eq && isField && c.indexed) {
        return u"r.id IN (SELECT k.record_id FROM record_keys k WHERE k.tenant_id = :tenant AND k.entity = :entity "
               "AND k.field = '%1' AND k.value = %2)"_s.arg(c.field, b.textParam(keyText(f.value)));
    }
    QString e = valueExpression(c, dialect);
    QString p;
    if (dialect == Dialect::Sqlite && c.type == FieldType::Decimal && (f.op == FilterOp::Eq || f.op == FilterOp::Ne)) {
        // SQLite orders decimals as REAL; equality stays exact on the canonical text.
        e = u"json_extract(r.data, '$.%1')"_s.arg(c.field);
        p = b.textParam(f.value.toString());
    } else {
        p = b.param(c, f.value);
    }
    switch (f.op) {
    case FilterOp::Eq: return u"%1 = %2"_s.arg(e, p);
    case FilterOp::Ne: return u"(%1 <> %2 OR %3)"_s.arg(e, p, missing); // a record without the value is not equal
    case FilterOp::Lt: return u"%1 < %2"_s.arg(e, p);
    case FilterOp::Lte: return u"%1 <= %2"_s.arg(e, p);
    case FilterOp::Gt: return u"%1 > %2"_s.arg(e, p);
    case FilterOp::Gte: return u"%1 >= %2"_s.arg(e, p);
    default: return u"FALSE"_s;
    }
}

} // namespace

QString valueExpression(const ListColumn &column, Dialect dialect)
{
    switch (column.kind) {
    case ListColumn::Kind::Id: return u"r.id"_s;
    case ListColumn::Kind::CreatedAt: return u"r.created_at"_s;
    case ListColumn::Kind::UpdatedAt: return u"r.updated_at"_s;
    case ListColumn::Kind::Field: break;
    }
    if (dialect == Dialect::Sqlite) {
        const QString e = u"json_extract(r.data, '$.%1')"_s.arg(column.field);
        return column.type == FieldType::Decimal ? u"CAST(%1 AS REAL)"_s.arg(e) : e;
    }
    const QString text = u"(r.data ->> '%1')"_s.arg(column.field);
    switch (column.type) {
    case FieldType::Integer: return u"CAST(%1 AS BIGINT)"_s.arg(text);
    case FieldType::Decimal: return u"CAST(%1 AS NUMERIC)"_s.arg(text);
    case FieldType::Boolean: return u"CAST(%1 AS BOOLEAN)"_s.arg(text);
    default: return u"(%1 COLLATE \"C\")"_s.arg(text);
    }
}

QString missingCondition(const QString &field, Dialect dialect)
{
    return dialect == Dialect::Postgres ? u"(r.data -> '%1') IS NULL"_s.arg(field)
                                        : u"json_type(r.data, '$.%1') IS NULL"_s.arg(field);
}

SqlStatement listStatement(const ListQuery &query, const QString &entity, Dialect dialect)
{
    Builder b(dialect);
    QStringList where{u"r.tenant_id = :tenant"_s, u"r.entity = :entity"_s};
    for (const ListFilter &f : query.filters)
        where.append(filterCondition(f, dialect, b));

    const ListColumn &s = query.sort;
    const QString dir = query.descending ? u"DESC"_s : u"ASC"_s;
    const QString beyond = query.descending ? u"<"_s : u">"_s;
    const bool isId = s.kind == ListColumn::Kind::Id;
    const bool mayMiss = s.kind == ListColumn::Kind::Field;
    const QString e = valueExpression(s, dialect);
    QString order;
    if (isId)
        order = u"r.id "_s + dir;
    else if (mayMiss)
        order = u"%1, %2 %3, r.id %3"_s.arg(missingCondition(s.field, dialect), e, dir);
    else
        order = u"%1 %2, r.id %2"_s.arg(e, dir);

    if (query.after) {
        ListColumn idColumn;
        const QString id = b.param(idColumn, query.after->id);
        if (isId) {
            where.append(u"r.id %1 %2"_s.arg(beyond, id));
        } else if (query.after->value.isNull()) {
            // Already among the records without a value: only those remain, by id.
            where.append(u"(%1 AND r.id %2 %3)"_s.arg(mayMiss ? missingCondition(s.field, dialect) : u"FALSE"_s, beyond, id));
        } else {
            const QString v = b.param(s, query.after->value);
            QString keyset = u"(%1 %2 %3 OR (%1 = %3 AND r.id %2 %4)"_s.arg(e, beyond, v, id);
            if (mayMiss)
                keyset += u" OR "_s + missingCondition(s.field, dialect);
            where.append(keyset + u')');
        }
    }
    const QString data = dialect == Dialect::Postgres ? u"CAST(r.data AS TEXT)"_s : u"r.data"_s;
    SqlStatement st;
    st.sql = u"SELECT r.id, r.version, r.created_at, r.updated_at, %1 FROM records r WHERE %2 ORDER BY %3 LIMIT %4"_s
                 .arg(data, where.join(u" AND "_s), order)
                 .arg(query.limit + 1);
    st.values = b.values();
    st.values.insert(u"entity"_s, entity);
    return st;
}

} // namespace Tenantry::Records
