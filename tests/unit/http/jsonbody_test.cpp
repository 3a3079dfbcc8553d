#include "core/http/jsonbody.h"
#include "core/http/problem.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Http;
using namespace Qt::StringLiterals;

TEST(JsonBody, MalformedJsonSaysWhere)
{
    HttpRequest r;
    r.body = "{\n  \"slug\": \"acme\",\n  oops\n}";
    const auto parsed = parseJsonObject(r);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, u"malformed-json"_s);
    EXPECT_TRUE(parsed.error().message.contains(u"line 3"_s)) << parsed.error().message.toStdString();

    r.body = "[1,2]";
    EXPECT_EQ(parseJsonObject(r).error().code, u"malformed-json"_s);
    r.body = "  ";
    EXPECT_TRUE(parseJsonObject(r).ok());
}

TEST(JsonBody, FieldsCollectEveryProblemByPointer)
{
    const QJsonObject o{{u"slug"_s, 5}, {u"activate"_s, u"yes"_s}, {u"extra"_s, 1}, {u"limit"_s, 2.5}};
    JsonFields f(o);
    f.allowOnly({u"slug"_s, u"activate"_s, u"limit"_s, u"name"_s});
    f.string(u"slug"_s, true);
    f.string(u"name"_s, true);
    f.boolean(u"activate"_s, true);
    f.integer(u"limit"_s, 10, 1, 100);
    const Status s = f.finish();
    ASSERT_FALSE(s.ok());
    QStringList fields;
    for (const auto &e : s.error().fields)
        fields.append(e.field);
    fields.sort();
    EXPECT_EQ(fields, (QStringList{u"/activate"_s, u"/extra"_s, u"/limit"_s, u"/name"_s, u"/slug"_s}));
}

TEST(Problem, EveryKindHasOneStatusAndAStableType)
{
    const Error e = Error::invalid(u"invalid-slug"_s, u"bad"_s, {{u"slug"_s, u"no"_s}});
    const HttpResponse r = problemResponse(e, "/admin/v1/tenants", u"req-1"_s);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.contentType, QByteArray("application/problem+json"));
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    EXPECT_EQ(body.value(u"type"_s).toString(), u"https://tenantry.dev/problems/invalid-slug"_s);
    EXPECT_EQ(body.value(u"status"_s).toInt(), 400);
    EXPECT_EQ(body.value(u"instance"_s).toString(), u"/admin/v1/tenants"_s);
    EXPECT_EQ(body.value(u"errors"_s).toArray().size(), 1);
    EXPECT_EQ(httpStatus(ErrorKind::Unauthenticated), 401);
    EXPECT_EQ(httpStatus(ErrorKind::Forbidden), 403);
    EXPECT_EQ(httpStatus(ErrorKind::NotFound), 404);
    EXPECT_EQ(httpStatus(ErrorKind::Conflict), 409);
    EXPECT_EQ(httpStatus(ErrorKind::Gone), 410);
    EXPECT_EQ(httpStatus(ErrorKind::TooLarge), 413);
    EXPECT_EQ(httpStatus(ErrorKind::HeadersTooLarge), 431);
    const HttpResponse auth = problemResponse(Error::unauthenticated(u"x"_s, u"y"_s), "/", {});
    EXPECT_EQ(auth.status, 401);
    ASSERT_FALSE(auth.headers.isEmpty());
    EXPECT_EQ(auth.headers.first().first, QByteArray("WWW-Authenticate"));
}
