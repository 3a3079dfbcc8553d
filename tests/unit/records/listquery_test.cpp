#include "core/records/listquery.h"
#include "core/records/listsql.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Records;
using namespace Qt::StringLiterals;

namespace {

EntityDefinition people()
{
    return parseEntityDefinition(QJsonDocument::fromJson(R"({"name": "people", "fields": [
        {"name": "name", "type": "string", "indexed": true},
        {"name": "age", "type": "integer"},
        {"name": "born", "type": "date"},
        {"name": "seen", "type": "datetime"},
        {"name": "balance", "type": "decimal"},
        {"name": "vip", "type": "boolean"},
        {"name": "extra", "type": "json"}]})")
                                     .object())
        .value();
}

Result<ListQuery> parse(const QString &query, const QString &tenant = u"tenant-a"_s)
{
    return parseListQuery(QUrlQuery(query), people(), tenant);
}

void expectError(const QString &query, const char *code, const QString &parameter)
{
    auto q = parse(query);
    ASSERT_FALSE(q.ok()) << query.toStdString();
    EXPECT_EQ(q.error().code.toStdString(), code) << query.toStdString();
    EXPECT_EQ(q.error().kind, ErrorKind::Invalid);
    ASSERT_EQ(q.error().fields.size(), 1);
    EXPECT_EQ(q.error().fields[0].field, parameter);
}

} // namespace

TEST(ListQuery, Defaults)
{
    auto q = parse(QString());
    ASSERT_TRUE(q.ok());
    EXPECT_EQ(q->limit, 50);
    EXPECT_EQ(q->sort.kind, ListColumn::Kind::Id);
    EXPECT_FALSE(q->descending);
    EXPECT_TRUE(q->filters.isEmpty());
    EXPECT_FALSE(q->after);
}

TEST(ListQuery, ParsesFiltersByType)
{
    auto q = parse(u"filter[name]=Ann&filter[age][gte]=18&filter%5Bage%5D%5Blt%5D=65&filter[seen][gt]=2026-01-01T02:00:00%2B02:00"
                   "&filter[balance][lte]=10.50&filter[vip]=true&filter[extra][null]=false&filter[name][prefix]=A"
                   "&filter[created_at][gte]=2026-01-01T00:00:00Z&sort=-age&limit=500"_s);
    ASSERT_TRUE(q.ok()) << q.error().message.toStdString();
    ASSERT_EQ(q->filters.size(), 9);
    EXPECT_EQ(q->filters[0].op, FilterOp::Eq);
    EXPECT_EQ(q->filters[0].value, QJsonValue(u"Ann"_s));
    EXPECT_EQ(q->filters[1].value, QJsonValue(qint64(18)));
    EXPECT_EQ(q->filters[2].op, FilterOp::Lt);
    EXPECT_EQ(q->filters[3].value, QJsonValue(u"2026-01-01T00:00:00.000Z"_s));
    EXPECT_EQ(q->filters[4].value, QJsonValue(u"10.5"_s));
    EXPECT_EQ(q->filters[5].value, QJsonValue(true));
    EXPECT_EQ(q->filters[6].op, FilterOp::Null);
    EXPECT_EQ(q->filters[6].value, QJsonValue(false));
    EXPECT_EQ(q->filters[7].op, FilterOp::Prefix);
    EXPECT_EQ(q->filters[8].value, QJsonValue(qint64(1767225600000)));
    EXPECT_EQ(q->sort.field, u"age"_s);
    EXPECT_TRUE(q->descending);
    EXPECT_EQ(q->limit, 500);
}

TEST(ListQuery, ErrorsNameTheParameter)
{
    expectError(u"filter[nope]=1"_s, "invalid-filter", u"filter[nope]"_s);
    expectError(u"filter[age][like]=1"_s, "invalid-filter", u"filter[age][like]"_s);
    expectError(u"filter[age]=old"_s, "invalid-filter", u"filter[age]"_s);
    expectError(u"filter[seen][gt]=2026-01-01T00:00:00"_s, "invalid-filter", u"filter[seen][gt]"_s);
    expectError(u"filter[vip][gt]=true"_s, "invalid-filter", u"filter[vip][gt]"_s);
    expectError(u"filter[age][prefix]=1"_s, "invalid-filter", u"filter[age][prefix]"_s);
    expectError(u"filter[extra]=1"_s, "invalid-filter", u"filter[extra]"_s);
    expectError(u"filter[age][null]=maybe"_s, "invalid-filter", u"filter[age][null]"_s);
    expectError(u"sort=height"_s, "invalid-sort", u"sort"_s);
    expectError(u"sort=-extra"_s, "invalid-sort", u"sort"_s);
    expectError(u"limit=0"_s, "invalid-query", u"limit"_s);
    expectError(u"limit=501"_s, "invalid-query", u"limit"_s);
    expectError(u"page=2"_s, "invalid-query", u"page"_s);
    expectError(u"cursor=garbage"_s, "invalid-cursor", u"cursor"_s);
}

TEST(ListQuery, CursorsAreBoundToTheirQueryAndTenant)
{
    auto q = parse(u"sort=age&filter[vip]=true"_s);
    ASSERT_TRUE(q.ok());
    const QString cursor = encodeCursor(q.value(), {QJsonValue(qint64(40)), u"0190b4a8-0000-7000-8000-000000000001"_s});

    auto next = parse(u"sort=age&filter[vip]=true&cursor="_s + cursor);
    ASSERT_TRUE(next.ok());
    ASSERT_TRUE(next->after);
    EXPECT_EQ(next->after->value, QJsonValue(qint64(40)));
    // The same parameters in another order are the same query.
    EXPECT_TRUE(parse(u"filter[vip]=true&cursor="_s + cursor + u"&sort=age"_s).ok());

    expectError(u"sort=-age&filter[vip]=true&cursor="_s + cursor, "invalid-cursor", u"cursor"_s);
    expectError(u"sort=age&filter[vip]=false&cursor="_s + cursor, "invalid-cursor", u"cursor"_s);
    expectError(u"sort=age&cursor="_s + cursor, "invalid-cursor", u"cursor"_s);
    auto otherTenant = parse(u"sort=age&filter[vip]=true&cursor="_s + cursor, u"tenant-b"_s);
    ASSERT_FALSE(otherTenant.ok());
    EXPECT_EQ(otherTenant.error().code, u"invalid-cursor"_s);
}

TEST(ListQuery, ForgedCursorValuesOfTheWrongTypeAreRefused)
{
    auto q = parse(u"sort=age"_s);
    ASSERT_TRUE(q.ok());
    const QString cursor = encodeCursor(q.value(), {QJsonValue(u"40; DROP TABLE records"_s), u"x"_s});
    expectError(u"sort=age&cursor="_s + cursor, "invalid-cursor", u"cursor"_s);
}

TEST(ListSql, EveryStatementIsScopedToTheTenantAndEntity)
{
    for (Storage::Dialect dialect : {Storage::Dialect::Sqlite, Storage::Dialect::Postgres}) {
        auto q = parse(u"filter[name]=Ann&filter[age][gt]=3&sort=-balance"_s);
        ASSERT_TRUE(q.ok());
        q->after = ListPosition{QJsonValue(u"1.5"_s), u"id-1"_s};
        const SqlStatement st = listStatement(q.value(), u"people"_s, dialect);
        EXPECT_TRUE(st.sql.contains(u"WHERE r.tenant_id = :tenant AND r.entity = :entity"_s)) << st.sql.toStdString();
        // The indexed field's equality goes through its key rows, also scoped to the tenant.
        EXPECT_TRUE(st.sql.contains(u"FROM record_keys k WHERE k.tenant_id = :tenant"_s)) << st.sql.toStdString();
        EXPECT_TRUE(st.sql.contains(u"LIMIT 51"_s));
        EXPECT_FALSE(st.sql.contains(u"OFFSET"_s));
        EXPECT_EQ(st.values.value(u"entity"_s), QVariant(u"people"_s));
        EXPECT_EQ(st.values.value(u"p0"_s), QVariant(u"Ann"_s));
    }
}
