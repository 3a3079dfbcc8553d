#include "core/records/fieldvalue.h"
#include "core/records/rawnumbers.h"
#include "core/records/recordvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Records;
using namespace Qt::StringLiterals;

namespace {

FieldDefinition fieldOf(FieldType type)
{
    FieldDefinition f;
    f.name = u"f"_s;
    f.type = type;
    return f;
}

QJsonValue parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray("[") + json + "]").array().at(0);
}

struct ValueCase {
    FieldType type;
    const char *json;      // the value as sent
    const char *canonical; // its canonical JSON, nullptr when refused
};

class FieldValueTest : public ::testing::TestWithParam<ValueCase>
{
};

} // namespace

TEST_P(FieldValueTest, ChecksAndCanonicalizes)
{
    const ValueCase c = GetParam();
    const QByteArray raw = QByteArray(c.json);
    const bool isNumber = !raw.isEmpty() && (raw.at(0) == '-' || (raw.at(0) >= '0' && raw.at(0) <= '9'));
    auto out = canonicalValue(fieldOf(c.type), parse(c.json), isNumber ? QByteArrayView(raw) : QByteArrayView());
    if (!c.canonical) {
        EXPECT_FALSE(out.ok()) << fieldTypeName(c.type).toStdString() << " accepted " << c.json;
        if (!out.ok()) {
            EXPECT_EQ(out.error().code, u"invalid-value"_s);
        }
        return;
    }
    ASSERT_TRUE(out.ok()) << c.json << ": " << out.error().message.toStdString();
    EXPECT_EQ(QJsonDocument(QJsonArray{out.value()}).toJson(QJsonDocument::Compact), QByteArray("[") + c.canonical + "]");
}

INSTANTIATE_TEST_SUITE_P(
    Types, FieldValueTest,
    ::testing::Values(
        ValueCase{FieldType::String, R"("hello")", R"("hello")"}, ValueCase{FieldType::String, "1", nullptr},
        ValueCase{FieldType::String, R"("a\u0000b")", nullptr}, ValueCase{FieldType::String, "true", nullptr},
        ValueCase{FieldType::Integer, "42", "42"}, ValueCase{FieldType::Integer, "-9223372036854775808", "-9223372036854775808"},
        ValueCase{FieldType::Integer, "9223372036854775807", "9223372036854775807"},
        ValueCase{FieldType::Integer, "9223372036854775808", nullptr}, ValueCase{FieldType::Integer, "1.5", nullptr},
        ValueCase{FieldType::Integer, R"("42")", nullptr}, ValueCase{FieldType::Integer, "false", nullptr},
        ValueCase{FieldType::Decimal, "12.50", R"("12.5")"}, ValueCase{FieldType::Decimal, R"("12.50")", R"("12.5")"},
        ValueCase{FieldType::Decimal, "0.1", R"("0.1")"}, ValueCase{FieldType::Decimal, "7", R"("7")"},
        ValueCase{FieldType::Decimal, "12345678901234567890.12345678901234567891",
                  R"("12345678901234567890.12345678901234567891")"},
        ValueCase{FieldType::Decimal, R"("1e400")", nullptr}, ValueCase{FieldType::Decimal, R"("ten")", nullptr},
        ValueCase{FieldType::Decimal, "true", nullptr},
        ValueCase{FieldType::Boolean, "true", "true"}, ValueCase{FieldType::Boolean, "false", "false"},
        ValueCase{FieldType::Boolean, "1", nullptr}, ValueCase{FieldType::Boolean, R"("true")", nullptr},
        ValueCase{FieldType::Date, R"("2026-02-28")", R"("2026-02-28")"}, ValueCase{FieldType::Date, R"("2024-02-29")", R"("2024-02-29")"},
        ValueCase{FieldType::Date, R"("2026-02-29")", nullptr}, ValueCase{FieldType::Date, R"("2026-2-3")", nullptr},
        ValueCase{FieldType::Date, R"("2026-02-28T00:00:00Z")", nullptr}, ValueCase{FieldType::Date, "20260228", nullptr},
        ValueCase{FieldType::DateTime, R"("2026-03-01T12:00:00Z")", R"("2026-03-01T12:00:00.000Z")"},
        ValueCase{FieldType::DateTime, R"("2026-03-01T14:30:05.25+02:00")", R"("2026-03-01T12:30:05.250Z")"},
        ValueCase{FieldType::DateTime, R"("2026-03-01T00:30:00-01:00")", R"("2026-03-01T01:30:00.000Z")"},
        ValueCase{FieldType::DateTime, R"("2026-03-01T12:00:00")", nullptr}, // no zone
        ValueCase{FieldType::DateTime, R"("2026-03-01")", nullptr}, ValueCase{FieldType::DateTime, R"("yesterday")", nullptr},
        ValueCase{FieldType::DateTime, "1700000000", nullptr},
        ValueCase{FieldType::Json, R"({"a":[1,"x",null]})", R"({"a":[1,"x",null]})"}, ValueCase{FieldType::Json, "3", "3"},
        ValueCase{FieldType::Json, R"({"k":"a\u0000"})", nullptr}, ValueCase{FieldType::Json, "null", nullptr}));

TEST(FieldValue, MaxLengthCountsCharactersNotBytes)
{
    FieldDefinition f = fieldOf(FieldType::String);
    f.maxLength = 3;
    EXPECT_TRUE(canonicalValue(f, QJsonValue(u"äöü"_s)).ok());
    EXPECT_TRUE(canonicalValue(f, QJsonValue(u"😀😀😀"_s)).ok()); // three code points, six UTF-16 units
    EXPECT_FALSE(canonicalValue(f, QJsonValue(u"abcd"_s)).ok());
}

TEST(FieldValue, DecimalNumbersAreReadFromTheirTextNotADouble)
{
    const QByteArray body = R"({"price": 0.1000000000000000055511151231257827, "n": -2e-2, "s": "x", "o": {"price": 5}})";
    const auto numbers = topLevelNumberTexts(body);
    EXPECT_EQ(numbers.value(u"price"_s), QByteArray("0.1000000000000000055511151231257827"));
    EXPECT_EQ(numbers.value(u"n"_s), QByteArray("-2e-2"));
    EXPECT_FALSE(numbers.contains(u"s"_s));
    EXPECT_EQ(numbers.size(), 2); // nested members are not top-level
    const auto canonical = canonicalValue(fieldOf(FieldType::Decimal), QJsonValue(0.1), numbers.value(u"price"_s));
    ASSERT_TRUE(canonical.ok());
    EXPECT_EQ(canonical->toString(), u"0.1000000000000000055511151231257827"_s);
}

TEST(FieldValue, ScannerCopesWithEscapesAndNesting)
{
    const QByteArray body = R"({ "a\"b" : [1, {"x": "}"}], "\u0063" :12.0 , "d": "9"})";
    const auto numbers = topLevelNumberTexts(body);
    EXPECT_EQ(numbers.value(u"c"_s), QByteArray("12.0"));
    EXPECT_EQ(numbers.size(), 1);
}

TEST(FieldValue, KeysAreCanonicalAndBounded)
{
    EXPECT_EQ(keyText(QJsonValue(u"abc"_s)), u"abc"_s);
    EXPECT_EQ(keyText(QJsonValue(qint64(-7))), u"-7"_s);
    EXPECT_EQ(keyText(QJsonValue(true)), u"true"_s);
    const QString longText(5000, u'x');
    const QString key = keyText(QJsonValue(longText));
    EXPECT_TRUE(key.startsWith(u"sha256:"_s));
    EXPECT_LT(key.size(), 100);
    EXPECT_EQ(key, keyText(QJsonValue(longText)));
    EXPECT_NE(key, keyText(QJsonValue(longText + u'y')));
}

namespace {

EntityDefinition customers()
{
    auto parsed = parseEntityDefinition(QJsonDocument::fromJson(R"({"name": "customers", "fields": [
        {"name": "email", "type": "string", "required": true, "unique": true, "max_length": 100},
        {"name": "tier", "type": "string", "default": "basic"},
        {"name": "balance", "type": "decimal"},
        {"name": "age", "type": "integer"}]})").object());
    EXPECT_TRUE(parsed.ok());
    return parsed.value();
}

RecordInput input(const QByteArray &body)
{
    return RecordInput::fromBody(body, QJsonDocument::fromJson(body).object());
}

} // namespace

TEST(RecordValidator, CreateFillsDefaultsAndCanonicalizes)
{
    auto data = validateRecord(customers(), input(R"({"email": "a@b.c", "balance": 10.50})"), WriteMode::Create);
    ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
    EXPECT_EQ(data->value("tier"_L1).toString(), u"basic"_s);
    EXPECT_EQ(data->value("balance"_L1).toString(), u"10.5"_s);
    EXPECT_FALSE(data->contains("age"_L1));
}

TEST(RecordValidator, ReportsEveryProblemByPointer)
{
    auto data = validateRecord(customers(), input(R"({"age": "old", "nick/name": 1, "id": "x"})"), WriteMode::Create);
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(data.error().code, u"invalid-record"_s);
    QStringList fields;
    for (const FieldError &e : data.error().fields)
        fields.append(e.field);
    fields.sort();
    EXPECT_EQ(fields, (QStringList{u"/age"_s, u"/email"_s, u"/id"_s, u"/nick~1name"_s}));
}

TEST(RecordValidator, PatchMergesAndNullRemovesOptionalFields)
{
    const QJsonObject current{{u"email"_s, u"a@b.c"_s}, {u"tier"_s, u"gold"_s}, {u"age"_s, 30}};
    auto data = validateRecord(customers(), input(R"({"age": null, "balance": "3"})"), WriteMode::Patch, current);
    ASSERT_TRUE(data.ok());
    EXPECT_EQ(*data, (QJsonObject{{u"email"_s, u"a@b.c"_s}, {u"tier"_s, u"gold"_s}, {u"balance"_s, u"3"_s}}));
    // Removing a required field is refused; removing a defaulted one does not bring the default back.
    auto bad = validateRecord(customers(), input(R"({"email": null})"), WriteMode::Patch, current);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fields.value(0).field, u"/email"_s);
    auto noTier = validateRecord(customers(), input(R"({"tier": null})"), WriteMode::Patch, current);
    ASSERT_TRUE(noTier.ok());
    EXPECT_FALSE(noTier->contains("tier"_L1));
}

TEST(RecordValidator, ReplaceStartsFromNothing)
{
    const QJsonObject current{{u"email"_s, u"a@b.c"_s}, {u"age"_s, 30}};
    auto data = validateRecord(customers(), input(R"({"email": "x@y.z"})"), WriteMode::Replace, current);
    ASSERT_TRUE(data.ok());
    EXPECT_EQ(*data, (QJsonObject{{u"email"_s, u"x@y.z"_s}, {u"tier"_s, u"basic"_s}}));
}

TEST(RecordValidator, RefusesBodiesOverTheLimit)
{
    RecordInput big = input(R"({"email": "a@b.c"})");
    big.bodyBytes = kMaxRecordBytes + 1;
    auto data = validateRecord(customers(), big, WriteMode::Create);
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(data.error().kind, ErrorKind::TooLarge);
    EXPECT_EQ(data.error().code, u"record-too-large"_s);
}
