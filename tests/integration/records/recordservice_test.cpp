#include "core/records/entityusage.h"
#include "tests/integration/records/recordsfixture.h"

#include <QJsonArray>

using namespace Tenantry;
using namespace Tenantry::Records;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const char *kCustomers = R"({"name": "customers", "fields": [
    {"name": "email", "type": "string", "required": true, "unique": true},
    {"name": "name", "type": "string", "indexed": true},
    {"name": "age", "type": "integer"},
    {"name": "balance", "type": "decimal"},
    {"name": "seen", "type": "datetime"},
    {"name": "vip", "type": "boolean", "default": false},
    {"name": "prefs", "type": "json"}]})";

class RecordServiceTest : public RecordsFixture
{
protected:
    QStringList ids(const Tenant &tenant, const QString &query, QString *cursor = nullptr)
    {
        auto page = m_service->listRecords(tenant, u"customers"_s, QUrlQuery(query));
        EXPECT_TRUE(page.ok()) << query.toStdString() << ": " << (page.ok() ? "" : page.error().message.toStdString());
        QStringList out;
        if (!page.ok())
            return out;
        for (const Record &r : page->items)
            out.append(r.data.value("email"_L1).toString());
        if (cursor)
            *cursor = page->nextCursor;
        return out;
    }

    // Every page of `query`, following next_cursor.
    QStringList allPages(const Tenant &tenant, const QString &query, int limit)
    {
        QStringList out;
        QString cursor;
        for (int guard = 0; guard < 100; ++guard) {
            QString q = query + u"&limit="_s + QString::number(limit);
            if (!cursor.isEmpty())
                q += u"&cursor="_s + cursor;
            const QStringList page = ids(tenant, q, &cursor);
            EXPECT_LE(page.size(), limit);
            out += page;
            if (cursor.isEmpty())
                break;
        }
        return out;
    }

    Result<qint64> usedBytesOf(const Tenant &tenant)
    {
        std::optional<Result<qint64>> out;
        const Status ok = m_access->run(tenant, [&](Storage::TenantSession &s) -> Status {
            out.emplace(usedBytes(s));
            return {};
        });
        EXPECT_TRUE(ok.ok());
        return *out;
    }

    QHash<QString, qint64> countsOf(const Tenant &tenant)
    {
        QHash<QString, qint64> out;
        const Status ok = m_access->run(tenant, [&](Storage::TenantSession &s) -> Status {
            auto counts = recordCounts(s);
            if (!counts)
                return counts.error();
            out = counts.value();
            return {};
        });
        EXPECT_TRUE(ok.ok());
        return out;
    }

    // The bytes entity_usage should hold: the canonical JSON of every record of the tenant.
    qint64 actualBytes(const Tenant &tenant)
    {
        return scalar(u"SELECT COALESCE(SUM(size_bytes), 0) FROM records WHERE tenant_id = '%1'"_s.arg(tenant.id));
    }
};

} // namespace

TEST_P(RecordServiceTest, EntityLifecycle)
{
    const EntityRow created = mustCreateEntity(m_a, kCustomers);
    EXPECT_EQ(created.schemaVersion, 1);
    EXPECT_EQ(created.definition.fields.size(), 7);
    EXPECT_EQ(created.createdAt, m_clock.now());

    auto again = m_service->createEntity(m_a, json(kCustomers), u"admin"_s);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, u"entity-exists"_s);
    EXPECT_EQ(again.error().kind, ErrorKind::Conflict);

    auto list = m_service->listEntities(m_a);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1);
    EXPECT_EQ(list->at(0).definition.name, u"customers"_s);

    auto missing = m_service->entity(m_a, u"orders"_s);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, u"entity-not-found"_s);

    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM entity_versions WHERE changed_by = 'api-key:k1'"_s), 1);
    ASSERT_TRUE(m_service->deleteEntity(m_a, u"customers"_s, false).ok());
    EXPECT_FALSE(m_service->entity(m_a, u"customers"_s).ok());
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM entity_versions"_s), 0);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM entity_usage"_s), 0);
}

TEST_P(RecordServiceTest, RecordCrudKeepsVersionsKeysAndUsageInStep)
{
    mustCreateEntity(m_a, kCustomers);
    const Record r = mustCreate(m_a, u"customers"_s, R"({"email": "ann@example.com", "age": 41, "balance": 1234567890123456789.01})");
    EXPECT_EQ(r.version, 1);
    EXPECT_EQ(r.id.size(), 36);
    EXPECT_EQ(r.id.at(14), u'7'); // version 7 layout
    EXPECT_EQ(r.data.value("balance"_L1).toString(), u"1234567890123456789.01"_s);
    EXPECT_EQ(r.data.value("vip"_L1), QJsonValue(false)); // the default

    auto got = m_service->record(m_a, u"customers"_s, r.id);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->data, r.data);
    EXPECT_EQ(got->createdAt, r.createdAt);

    m_clock.advanceSeconds(5);
    auto stale = m_service->writeRecord(m_a, u"customers"_s, r.id, input(R"({"age": 42})"), WriteMode::Patch, 7);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, u"precondition-failed"_s);
    EXPECT_EQ(stale.error().kind, ErrorKind::PreconditionFailed);

    auto patched = m_service->writeRecord(m_a, u"customers"_s, r.id, input(R"({"age": 42, "balance": null})"),
                                          WriteMode::Patch, 1);
    ASSERT_TRUE(patched.ok()) << patched.error().message.toStdString();
    EXPECT_EQ(patched->version, 2);
    EXPECT_EQ(patched->data.value("age"_L1).toInteger(), 42);
    EXPECT_FALSE(patched->data.contains("balance"_L1));
    EXPECT_EQ(patched->updatedAt, m_clock.now());
    EXPECT_EQ(patched->createdAt, r.createdAt);

    auto replaced = m_service->writeRecord(m_a, u"customers"_s, r.id, input(R"({"email": "ann@new.example"})"),
                                           WriteMode::Replace, std::nullopt);
    ASSERT_TRUE(replaced.ok());
    EXPECT_EQ(replaced->version, 3);
    EXPECT_EQ(replaced->data, (QJsonObject{{u"email"_s, u"ann@new.example"_s}, {u"vip"_s, false}}));
    // The unique key followed the value: the old address is free again, the new one is taken.
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM record_keys WHERE field = 'email' AND value = 'ann@new.example'"_s), 1);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM record_keys WHERE value = 'ann@example.com'"_s), 0);

    EXPECT_EQ(usedBytesOf(m_a).value(), actualBytes(m_a));
    EXPECT_EQ(countsOf(m_a).value(u"customers"_s), 1);

    auto wrongDelete = m_service->deleteRecord(m_a, u"customers"_s, r.id, 2);
    ASSERT_FALSE(wrongDelete.ok());
    EXPECT_EQ(wrongDelete.error().code, u"precondition-failed"_s);
    ASSERT_TRUE(m_service->deleteRecord(m_a, u"customers"_s, r.id, 3).ok());
    auto gone = m_service->record(m_a, u"customers"_s, r.id);
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().code, u"record-not-found"_s);
    EXPECT_EQ(usedBytesOf(m_a).value(), 0);
    EXPECT_EQ(countsOf(m_a).value(u"customers"_s), 0);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM record_keys"_s), 0);

    auto unknownEntity = m_service->record(m_a, u"orders"_s, r.id);
    ASSERT_FALSE(unknownEntity.ok());
    EXPECT_EQ(unknownEntity.error().code, u"entity-not-found"_s);
}

TEST_P(RecordServiceTest, UniqueValuesAreEnforcedAndAFailedWriteLeavesNothing)
{
    mustCreateEntity(m_a, kCustomers);
    const Record first = mustCreate(m_a, u"customers"_s, R"({"email": "a@x.io", "name": "Ann"})");
    const qint64 bytes = usedBytesOf(m_a).value();

    auto dup = m_service->createRecord(m_a, u"customers"_s, input(R"({"email": "a@x.io", "name": "Bob"})"));
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, u"unique-violation"_s);
    EXPECT_EQ(dup.error().kind, ErrorKind::Conflict);
    ASSERT_EQ(dup.error().fields.size(), 1);
    EXPECT_EQ(dup.error().fields[0].field, u"/email"_s);
    // The record inserted before the key clashed was rolled back with everything else.
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM records"_s), 1);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM record_keys WHERE value = 'Bob'"_s), 0);
    EXPECT_EQ(usedBytesOf(m_a).value(), bytes);

    const Record second = mustCreate(m_a, u"customers"_s, R"({"email": "b@x.io", "name": "Ann"})"); // name is only indexed
    auto clash = m_service->writeRecord(m_a, u"customers"_s, second.id, input(R"({"email": "a@x.io"})"), WriteMode::Patch,
                                        std::nullopt);
    ASSERT_FALSE(clash.ok());
    EXPECT_EQ(clash.error().code, u"unique-violation"_s);
    EXPECT_EQ(m_service->record(m_a, u"customers"_s, second.id)->data.value("email"_L1).toString(), u"b@x.io"_s);

    ASSERT_TRUE(m_service->deleteRecord(m_a, u"customers"_s, first.id, std::nullopt).ok());
    EXPECT_TRUE(m_service->writeRecord(m_a, u"customers"_s, second.id, input(R"({"email": "a@x.io"})"), WriteMode::Patch,
                                       std::nullopt)
                    .ok());
}

TEST_P(RecordServiceTest, ListFiltersSortsAndPagesByType)
{
    mustCreateEntity(m_a, kCustomers);
    // Values chosen so that text order and numeric / chronological order disagree.
    mustCreate(m_a, u"customers"_s, R"({"email": "a", "name": "Ann", "age": 9, "balance": "10.5", "seen": "2026-01-01T10:00:00+09:00", "vip": true})");
    mustCreate(m_a, u"customers"_s, R"({"email": "b", "name": "Bob", "age": 10, "balance": 9.75, "seen": "2026-01-01T02:00:00Z"})");
    mustCreate(m_a, u"customers"_s, R"({"email": "c", "name": "Ann", "age": 100, "balance": "-2", "seen": "2025-12-31T23:00:00-05:00"})");
    mustCreate(m_a, u"customers"_s, R"({"email": "d", "name": "Cy"})");
    mustCreate(m_a, u"customers"_s, R"({"email": "e", "age": 10, "balance": "100"})");

    EXPECT_EQ(ids(m_a, QString()), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s})); // creation order
    EXPECT_EQ(ids(m_a, u"sort=-id"_s), (QStringList{u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s}));
    EXPECT_EQ(ids(m_a, u"sort=age"_s), (QStringList{u"a"_s, u"b"_s, u"e"_s, u"c"_s, u"d"_s}));   // missing last
    EXPECT_EQ(ids(m_a, u"sort=-age"_s), (QStringList{u"c"_s, u"e"_s, u"b"_s, u"a"_s, u"d"_s}));  // ties by id, desc
    EXPECT_EQ(ids(m_a, u"sort=balance"_s), (QStringList{u"c"_s, u"b"_s, u"a"_s, u"e"_s, u"d"_s}));
    EXPECT_EQ(ids(m_a, u"sort=seen"_s), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s}));
    EXPECT_EQ(ids(m_a, u"sort=-seen"_s), (QStringList{u"c"_s, u"b"_s, u"a"_s, u"e"_s, u"d"_s}));
    EXPECT_EQ(ids(m_a, u"sort=-created_at"_s), (QStringList{u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s}));

    EXPECT_EQ(ids(m_a, u"filter[name]=Ann"_s), (QStringList{u"a"_s, u"c"_s})); // through the key index
    EXPECT_EQ(ids(m_a, u"filter[age][gte]=10&filter[age][lt]=100"_s), (QStringList{u"b"_s, u"e"_s}));
    EXPECT_EQ(ids(m_a, u"filter[age][ne]=10"_s), (QStringList{u"a"_s, u"c"_s, u"d"_s}));
    EXPECT_EQ(ids(m_a, u"filter[balance][gt]=9.8"_s), (QStringList{u"a"_s, u"e"_s}));
    EXPECT_EQ(ids(m_a, u"filter[balance]=10.50"_s), QStringList{u"a"_s});
    // Beyond what a double tells apart, equality is still exact.
    mustCreate(m_a, u"customers"_s, R"({"email": "f", "balance": "0.10000000000000000001"})");
    EXPECT_EQ(ids(m_a, u"filter[balance]=0.1"_s), QStringList());
    EXPECT_EQ(ids(m_a, u"filter[balance]=0.100000000000000000010"_s), QStringList{u"f"_s});
    EXPECT_EQ(ids(m_a, u"filter[balance][ne]=0.10000000000000000001&filter[balance][lt]=10"_s), (QStringList{u"b"_s, u"c"_s}));
    ASSERT_TRUE(m_service->deleteRecord(m_a, u"customers"_s, m_service->listRecords(m_a, u"customers"_s,
        QUrlQuery(u"filter[email]=f"_s))->items.value(0).id, std::nullopt).ok());
    EXPECT_EQ(ids(m_a, u"filter[seen][lte]=2026-01-01T04:00:00%2B02:00"_s), (QStringList{u"a"_s, u"b"_s}));
    EXPECT_EQ(ids(m_a, u"filter[seen][prefix]=2026-01-01"_s), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    EXPECT_EQ(ids(m_a, u"filter[name][prefix]=A"_s), (QStringList{u"a"_s, u"c"_s}));
    EXPECT_EQ(ids(m_a, u"filter[vip]=true"_s), QStringList{u"a"_s});
    EXPECT_EQ(ids(m_a, u"filter[vip]=false"_s), (QStringList{u"b"_s, u"c"_s, u"d"_s, u"e"_s}));
    EXPECT_EQ(ids(m_a, u"filter[age][null]=true"_s), QStringList{u"d"_s});
    EXPECT_EQ(ids(m_a, u"filter[prefs][null]=false"_s), QStringList());
    EXPECT_EQ(ids(m_a, u"filter[created_at][gt]=2026-03-01T12:00:03Z"_s), (QStringList{u"d"_s, u"e"_s}));

    // Every page size walks the same order without gaps or repeats, missing values included.
    for (const QString &sort : {u"sort=age"_s, u"sort=-age"_s, u"sort=balance"_s, u"sort=-seen"_s, u"sort=-id"_s,
                                u"sort=updated_at"_s}) {
        const QStringList whole = ids(m_a, sort);
        for (int limit : {1, 2, 3})
            EXPECT_EQ(allPages(m_a, sort, limit), whole) << sort.toStdString() << " limit " << limit;
    }
    EXPECT_EQ(allPages(m_a, u"sort=-age&filter[age][gte]=10"_s, 1), (QStringList{u"c"_s, u"e"_s, u"b"_s}));
}

TEST_P(RecordServiceTest, SchemaChangesAdaptTheRecords)
{
    mustCreateEntity(m_a, kCustomers);
    const Record ann = mustCreate(m_a, u"customers"_s, R"({"email": "a", "name": "Ann", "age": 30, "prefs": {"x": 1}})");
    const Record bob = mustCreate(m_a, u"customers"_s, R"({"email": "b", "name": "Ann"})");

    // A new required field without a default is refused while records exist.
    auto noDefault = m_service->changeEntity(m_a, u"customers"_s, json(R"({"fields": [
        {"name": "email", "type": "string", "required": true, "unique": true},
        {"name": "name", "type": "string", "indexed": true}, {"name": "age", "type": "integer"},
        {"name": "balance", "type": "decimal"}, {"name": "seen", "type": "datetime"},
        {"name": "vip", "type": "boolean", "default": false}, {"name": "prefs", "type": "json"},
        {"name": "country", "type": "string", "required": true}]})"), std::nullopt, u"admin"_s);
    ASSERT_FALSE(noDefault.ok());
    EXPECT_EQ(noDefault.error().fields.value(0).field, u"/fields/7/default"_s);

    // Making "name" unique fails: two records share "Ann". Nothing changes.
    auto dupUnique = m_service->changeEntity(m_a, u"customers"_s, json(R"({"fields": [
        {"name": "email", "type": "string", "required": true, "unique": true},
        {"name": "name", "type": "string", "unique": true}, {"name": "age", "type": "integer"},
        {"name": "balance", "type": "decimal"}, {"name": "seen", "type": "datetime"},
        {"name": "vip", "type": "boolean", "default": false}, {"name": "prefs", "type": "json"}]})"), std::nullopt, u"admin"_s);
    ASSERT_FALSE(dupUnique.ok());
    EXPECT_EQ(dupUnique.error().code, u"unique-violation"_s);
    EXPECT_EQ(dupUnique.error().fields.value(0).field, u"/fields/1/unique"_s);
    EXPECT_EQ(m_service->entity(m_a, u"customers"_s)->schemaVersion, 1);

    // Removing prefs needs confirmation.
    const char *next = R"({"fields": [
        {"name": "email", "type": "string", "required": true, "unique": true},
        {"name": "name", "type": "string", "indexed": true}, {"name": "age", "type": "integer", "indexed": true},
        {"name": "balance", "type": "decimal"}, {"name": "seen", "type": "datetime"},
        {"name": "vip", "type": "boolean", "default": false},
        {"name": "country", "type": "string", "required": true, "default": "NZ"}]})";
    auto unconfirmed = m_service->changeEntity(m_a, u"customers"_s, json(next), std::nullopt, u"admin"_s);
    ASSERT_FALSE(unconfirmed.ok());
    EXPECT_EQ(unconfirmed.error().code, u"field-removal-unconfirmed"_s);
    EXPECT_EQ(unconfirmed.error().fields.value(0).field, u"prefs"_s);

    QJsonObject confirmed = json(next);
    confirmed.insert(u"confirm_field_removal"_s, true);
    auto stale = m_service->changeEntity(m_a, u"customers"_s, confirmed, 2, u"admin"_s);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, u"precondition-failed"_s);

    m_clock.advanceSeconds(60);
    auto changed = m_service->changeEntity(m_a, u"customers"_s, confirmed, 1, u"admin"_s);
    ASSERT_TRUE(changed.ok()) << changed.error().message.toStdString();
    EXPECT_EQ(changed->schemaVersion, 2);
    EXPECT_EQ(changed->records, 2);

    auto annNow = m_service->record(m_a, u"customers"_s, ann.id);
    ASSERT_TRUE(annNow.ok());
    EXPECT_FALSE(annNow->data.contains("prefs"_L1));
    EXPECT_EQ(annNow->data.value("country"_L1).toString(), u"NZ"_s);
    EXPECT_EQ(annNow->version, 2);
    EXPECT_EQ(annNow->updatedAt, m_clock.now());
    // age became indexed: its keys exist for the records that have one, and equality uses them.
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM record_keys WHERE field = 'age'"_s), 1);
    EXPECT_EQ(ids(m_a, u"filter[age]=30"_s), QStringList{u"a"_s});
    EXPECT_EQ(ids(m_a, u"filter[country]=NZ"_s), (QStringList{u"a"_s, u"b"_s}));
    EXPECT_EQ(usedBytesOf(m_a).value(), actualBytes(m_a));
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM entity_versions WHERE entity = 'customers'"_s), 2);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM entity_versions WHERE schema_version = 2 AND changed_by = 'admin'"_s), 1);

    // A type change is refused whatever else the body says.
    QJsonObject retyped = confirmed;
    QJsonArray fields = retyped.value("fields"_L1).toArray();
    QJsonObject age = fields[2].toObject();
    age.insert(u"type"_s, u"string"_s);
    fields[2] = age;
    retyped.insert(u"fields"_s, fields);
    auto typeChange = m_service->changeEntity(m_a, u"customers"_s, retyped, std::nullopt, u"admin"_s);
    ASSERT_FALSE(typeChange.ok());
    EXPECT_EQ(typeChange.error().code, u"field-type-change"_s);
    (void)bob;
}

TEST_P(RecordServiceTest, TighterRulesAreCheckedAgainstExistingValues)
{
    mustCreateEntity(m_a, R"({"name": "notes", "fields": [{"name": "text", "type": "string"}, {"name": "n", "type": "integer"}]})");
    mustCreate(m_a, u"notes"_s, R"({"text": "a long note"})");
    auto tooShort = m_service->changeEntity(m_a, u"notes"_s, json(R"({"fields": [
        {"name": "text", "type": "string", "max_length": 4}, {"name": "n", "type": "integer"}]})"), std::nullopt, u"admin"_s);
    ASSERT_FALSE(tooShort.ok());
    EXPECT_EQ(tooShort.error().fields.value(0).field, u"/fields/0/max_length"_s);
    auto required = m_service->changeEntity(m_a, u"notes"_s, json(R"({"fields": [
        {"name": "text", "type": "string"}, {"name": "n", "type": "integer", "required": true}]})"), std::nullopt, u"admin"_s);
    ASSERT_FALSE(required.ok());
    EXPECT_EQ(required.error().fields.value(0).field, u"/fields/1/default"_s);
    EXPECT_TRUE(m_service->changeEntity(m_a, u"notes"_s, json(R"({"fields": [
        {"name": "text", "type": "string", "max_length": 11, "required": true}, {"name": "n", "type": "integer"}]})"),
                                        std::nullopt, u"admin"_s)
                    .ok());
}

TEST_P(RecordServiceTest, DeletingAnEntityWithRecordsNeedsConfirmation)
{
    mustCreateEntity(m_a, kCustomers);
    mustCreate(m_a, u"customers"_s, R"({"email": "a", "name": "Ann"})");
    auto refused = m_service->deleteEntity(m_a, u"customers"_s, false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, u"entity-not-empty"_s);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM records"_s), 1);
    ASSERT_TRUE(m_service->deleteEntity(m_a, u"customers"_s, true).ok());
    for (const char *table : {"records", "record_keys", "entities", "entity_versions", "entity_usage"})
        EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM "_s + QLatin1StringView(table)), 0) << table;
    // The name is free again, starting over at version 1.
    EXPECT_EQ(mustCreateEntity(m_a, kCustomers).schemaVersion, 1);
}

TEST_P(RecordServiceTest, AnotherTenantCannotSeeOrChangeRecords)
{
    mustCreateEntity(m_a, kCustomers);
    const Record secret = mustCreate(m_a, u"customers"_s, R"({"email": "ceo@acme.io", "name": "Ceo", "age": 50})");
    const QJsonObject before = secret.data;

    // B has no such entity: everything about A's is "not found".
    EXPECT_EQ(m_service->record(m_b, u"customers"_s, secret.id).error().code, u"entity-not-found"_s);
    EXPECT_EQ(m_service->listRecords(m_b, u"customers"_s, QUrlQuery()).error().code, u"entity-not-found"_s);
    EXPECT_TRUE(m_service->listEntities(m_b)->isEmpty());

    // Once B has an entity of the same name, A's ids and values are still invisible to it.
    mustCreateEntity(m_b, kCustomers);
    mustCreate(m_b, u"customers"_s, R"({"email": "ceo@acme.io", "name": "Ceo"})"); // A's unique value is no clash for B
    auto read = m_service->record(m_b, u"customers"_s, secret.id);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, u"record-not-found"_s);
    EXPECT_EQ(ids(m_b, u"filter[name]=Ceo"_s), QStringList{u"ceo@acme.io"_s}); // B's own only
    EXPECT_TRUE(ids(m_b, u"filter[age]=50"_s).isEmpty());
    EXPECT_TRUE(ids(m_b, u"filter[email][prefix]=ceo&filter[age][null]=false"_s).isEmpty());
    auto update = m_service->writeRecord(m_b, u"customers"_s, secret.id, input(R"({"email": "owned"})"), WriteMode::Replace,
                                         std::nullopt);
    ASSERT_FALSE(update.ok());
    EXPECT_EQ(update.error().code, u"record-not-found"_s);
    auto patch = m_service->writeRecord(m_b, u"customers"_s, secret.id, input(R"({"age": 1})"), WriteMode::Patch, 1);
    EXPECT_EQ(patch.error().code, u"record-not-found"_s);
    auto del = m_service->deleteRecord(m_b, u"customers"_s, secret.id, std::nullopt);
    ASSERT_FALSE(del.ok());
    EXPECT_EQ(del.error().code, u"record-not-found"_s);
    // B's schema change and deletion touch B's entity only.
    ASSERT_TRUE(m_service->deleteEntity(m_b, u"customers"_s, true).ok());

    auto after = m_service->record(m_a, u"customers"_s, secret.id);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->data, before);
    EXPECT_EQ(after->version, 1);
    EXPECT_EQ(m_service->entity(m_a, u"customers"_s)->records, 1);
    EXPECT_EQ(usedBytesOf(m_a).value(), actualBytes(m_a));
    EXPECT_EQ(usedBytesOf(m_b).value(), 0);

    // A cursor of A's is no use to B.
    for (int i = 0; i < 2; ++i)
        mustCreate(m_a, u"customers"_s, QByteArray(R"({"email": "x)") + QByteArray::number(i) + R"("})");
    QString cursor;
    ids(m_a, u"limit=1"_s, &cursor);
    ASSERT_FALSE(cursor.isEmpty());
    mustCreateEntity(m_b, kCustomers);
    auto foreign = m_service->listRecords(m_b, u"customers"_s, QUrlQuery(u"limit=1&cursor="_s + cursor));
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.error().code, u"invalid-cursor"_s);
}

TEST_P(RecordServiceTest, EntityLimitPerTenant)
{
    for (int i = 0; i < kMaxEntitiesPerTenant; ++i) {
        auto e = m_service->createEntity(m_a, QJsonObject{{u"name"_s, u"e%1"_s.arg(i)},
                                                          {u"fields"_s, QJsonArray{QJsonObject{{u"name"_s, u"f"_s}, {u"type"_s, u"string"_s}}}}},
                                         u"admin"_s);
        ASSERT_TRUE(e.ok()) << i;
    }
    auto over = m_service->createEntity(m_a, json(kCustomers), u"admin"_s);
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.error().code, u"invalid-entity"_s);
    EXPECT_EQ(over.error().kind, ErrorKind::Invalid);
    EXPECT_TRUE(m_service->createEntity(m_b, json(kCustomers), u"admin"_s).ok()); // the limit is per tenant
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordServiceTest, ::testing::Values("sqlite", "postgres"), recordsBackend);
