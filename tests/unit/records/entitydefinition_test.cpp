#include "core/records/changeplan.h"
#include "core/records/entitydefinition.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Records;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

EntityDefinition definition(const char *text)
{
    auto parsed = parseEntityDefinition(json(text));
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().fields.value(0).field.toStdString());
    return parsed.ok() ? parsed.value() : EntityDefinition{};
}

QStringList pointers(const Error &e)
{
    QStringList out;
    for (const FieldError &f : e.fields)
        out.append(f.field);
    return out;
}

} // namespace

TEST(EntityDefinition, ParsesFieldsAndFlags)
{
    const EntityDefinition e = definition(R"({"name": "orders", "fields": [
        {"name": "code", "type": "string", "unique": true, "required": true, "max_length": 12},
        {"name": "total", "type": "decimal", "default": "0.00"},
        {"name": "placed", "type": "datetime", "indexed": true},
        {"name": "extra", "type": "json"}]})");
    ASSERT_EQ(e.fields.size(), 4);
    EXPECT_EQ(e.name, u"orders"_s);
    EXPECT_TRUE(e.fields[0].unique);
    EXPECT_TRUE(e.fields[0].indexed); // unique implies indexed
    EXPECT_EQ(e.fields[0].maxLength, 12);
    EXPECT_EQ(e.fields[1].defaultValue, QJsonValue(u"0"_s));
    EXPECT_TRUE(e.fields[2].indexed);
    EXPECT_EQ(e.fields[3].type, FieldType::Json);
}

TEST(EntityDefinition, StoredFormRoundTrips)
{
    const EntityDefinition e = definition(R"({"name": "orders", "fields": [
        {"name": "code", "type": "string", "unique": true, "max_length": 12},
        {"name": "when", "type": "datetime", "default": "2026-01-01T01:00:00+01:00"}]})");
    const QByteArray stored = QJsonDocument(fieldsToJson(e.fields)).toJson(QJsonDocument::Compact);
    auto back = definitionFromStored(u"orders"_s, stored);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->fields, e.fields);
    EXPECT_EQ(back->fields[1].defaultValue, QJsonValue(u"2026-01-01T00:00:00.000Z"_s));
    EXPECT_FALSE(definitionFromStored(u"orders"_s, "{not json").ok());
}

TEST(EntityDefinition, ReportsEveryProblemByPointer)
{
    auto parsed = parseEntityDefinition(json(R"({"name": "Bad-Name", "colour": 1, "fields": [
        {"name": "id", "type": "string"},
        {"name": "n", "type": "float"},
        {"name": "s", "type": "integer", "max_length": 5},
        {"name": "j", "type": "json", "indexed": true},
        {"name": "u", "type": "string", "unique": true, "default": "x"},
        {"name": "d", "type": "date", "default": "tomorrow"},
        {"name": "q", "type": "decimal", "default": 0.1},
        {"name": "ok", "type": "string", "size": 3},
        {"name": "dup", "type": "string"},
        {"name": "dup", "type": "integer"}]})"));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, u"invalid-entity"_s);
    EXPECT_EQ(pointers(parsed.error()),
              (QStringList{u"/colour"_s, u"/name"_s, u"/fields/0/name"_s, u"/fields/1/type"_s, u"/fields/2/max_length"_s,
                           u"/fields/3/indexed"_s, u"/fields/4/default"_s, u"/fields/5/default"_s,
                           u"/fields/6/default"_s, u"/fields/7/size"_s, u"/fields/9/name"_s}));
}

TEST(EntityDefinition, NamesAndLimits)
{
    EXPECT_TRUE(isValidName(u"a"_s));
    EXPECT_TRUE(isValidName(u"order_lines2"_s));
    EXPECT_TRUE(isValidName(u"a"_s + QString(62, u'b')));
    EXPECT_FALSE(isValidName(u"a"_s + QString(63, u'b')));
    EXPECT_FALSE(isValidName(u"2a"_s));
    EXPECT_FALSE(isValidName(u"_a"_s));
    EXPECT_FALSE(isValidName(u"a-b"_s));
    EXPECT_FALSE(isValidName(u"a'b"_s));
    QJsonArray many;
    for (int i = 0; i <= kMaxFieldsPerEntity; ++i)
        many.append(QJsonObject{{u"name"_s, u"f%1"_s.arg(i)}, {u"type"_s, u"string"_s}});
    auto tooMany = parseEntityDefinition(QJsonObject{{u"name"_s, u"wide"_s}, {u"fields"_s, many}});
    ASSERT_FALSE(tooMany.ok());
    EXPECT_EQ(pointers(tooMany.error()), QStringList{u"/fields"_s});
    many.removeLast();
    EXPECT_TRUE(parseEntityDefinition(QJsonObject{{u"name"_s, u"wide"_s}, {u"fields"_s, many}}).ok());
    EXPECT_FALSE(parseEntityDefinition(json(R"({"name": "empty", "fields": []})")).ok());
}

TEST(EntityDefinition, PathNameRulesForChanges)
{
    EXPECT_TRUE(parseEntityDefinition(json(R"({"fields": [{"name": "a", "type": "string"}]})"), {}, u"things"_s).ok());
    auto renamed = parseEntityDefinition(json(R"({"name": "other", "fields": [{"name": "a", "type": "string"}]})"), {},
                                         u"things"_s);
    ASSERT_FALSE(renamed.ok());
    EXPECT_EQ(pointers(renamed.error()), QStringList{u"/name"_s});
    EXPECT_FALSE(parseEntityDefinition(json(R"({"fields": [{"name": "a", "type": "string"}], "confirm_field_removal": true})"),
                                       {}, u"things"_s)
                     .ok());
    EXPECT_TRUE(parseEntityDefinition(json(R"({"fields": [{"name": "a", "type": "string"}], "confirm_field_removal": true})"),
                                      {u"confirm_field_removal"_s}, u"things"_s)
                    .ok());
}

namespace {

const char *kBefore = R"({"name": "c", "fields": [
    {"name": "email", "type": "string", "required": true, "indexed": true},
    {"name": "age", "type": "integer"},
    {"name": "nick", "type": "string", "unique": true},
    {"name": "note", "type": "string", "max_length": 100}]})";

} // namespace

TEST(ChangePlan, TypeChangeIsRefused)
{
    auto plan = planChange(definition(kBefore), definition(R"({"name": "c", "fields": [
        {"name": "email", "type": "string", "required": true, "indexed": true},
        {"name": "age", "type": "decimal"}, {"name": "nick", "type": "string", "unique": true},
        {"name": "note", "type": "string"}]})"),
                           true, 5);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().code, u"field-type-change"_s);
    EXPECT_EQ(plan.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(pointers(plan.error()), QStringList{u"/fields/1/type"_s});
}

TEST(ChangePlan, RemovalNeedsConfirmation)
{
    const EntityDefinition next = definition(R"({"name": "c", "fields": [
        {"name": "email", "type": "string", "required": true, "indexed": true}]})");
    auto refused = planChange(definition(kBefore), next, false, 0);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, u"field-removal-unconfirmed"_s);
    EXPECT_EQ(pointers(refused.error()), (QStringList{u"age"_s, u"nick"_s, u"note"_s}));
    auto plan = planChange(definition(kBefore), next, true, 0);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->removed, (QStringList{u"age"_s, u"nick"_s, u"note"_s}));
    EXPECT_EQ(plan->keysToDrop, QStringList{u"nick"_s});
}

TEST(ChangePlan, NewRequiredFieldNeedsDefaultOnlyWhenRecordsExist)
{
    const EntityDefinition next = definition(R"({"name": "c", "fields": [
        {"name": "email", "type": "string", "required": true, "indexed": true},
        {"name": "age", "type": "integer"}, {"name": "nick", "type": "string", "unique": true},
        {"name": "note", "type": "string", "max_length": 100},
        {"name": "country", "type": "string", "required": true}]})");
    EXPECT_TRUE(planChange(definition(kBefore), next, false, 0).ok());
    auto refused = planChange(definition(kBefore), next, false, 3);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, u"invalid-entity"_s);
    EXPECT_EQ(pointers(refused.error()), QStringList{u"/fields/4/default"_s});
}

TEST(ChangePlan, KeysAndConstraintsFollowTheFlags)
{
    auto plan = planChange(definition(kBefore), definition(R"({"name": "c", "fields": [
        {"name": "email", "type": "string", "required": true, "unique": true},
        {"name": "age", "type": "integer", "indexed": true, "required": true, "default": 18},
        {"name": "nick", "type": "string"},
        {"name": "note", "type": "string", "max_length": 50},
        {"name": "country", "type": "string", "required": true, "default": "NZ", "indexed": true}]})"),
                           false, 3);
    ASSERT_TRUE(plan.ok()) << plan.error().message.toStdString();
    EXPECT_EQ(plan->becameUnique, QStringList{u"email"_s});
    EXPECT_EQ(plan->keysToDrop, QStringList{u"nick"_s});
    ASSERT_EQ(plan->keysToBuild.size(), 2);
    EXPECT_EQ(plan->keysToBuild[0].name, u"age"_s);
    EXPECT_EQ(plan->keysToBuild[1].name, u"country"_s);
    ASSERT_EQ(plan->fill.size(), 2);
    EXPECT_EQ(plan->fill[0].name, u"age"_s);
    ASSERT_EQ(plan->tightened.size(), 1);
    EXPECT_EQ(plan->tightened[0].name, u"note"_s);
    EXPECT_TRUE(plan->removed.isEmpty());
    EXPECT_EQ(plan->pointerOf(u"country"_s), u"/fields/4"_s);
}

TEST(ChangePlan, BecomingRequiredWithoutDefaultIsCheckedAgainstTheData)
{
    auto plan = planChange(definition(kBefore), definition(R"({"name": "c", "fields": [
        {"name": "email", "type": "string", "required": true, "indexed": true},
        {"name": "age", "type": "integer", "required": true},
        {"name": "nick", "type": "string", "unique": true}, {"name": "note", "type": "string", "max_length": 100}]})"),
                           false, 3);
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->mustHaveValue.size(), 1);
    EXPECT_EQ(plan->mustHaveValue[0].name, u"age"_s);
    EXPECT_TRUE(plan->fill.isEmpty());
}
