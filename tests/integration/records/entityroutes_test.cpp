#include "core/http/entityroutes.h"
#include "core/http/problem.h"
#include "tests/integration/records/recordsfixture.h"

#include <QJsonArray>

using namespace Tenantry;
using namespace Tenantry::Http;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

struct Reply {
    int status = 0;
    QByteArray contentType;
    QJsonObject body;
    HeaderList headers;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    QString code() const { return body.value("code"_L1).toString(); }
};

class EntityRoutesTest : public RecordsFixture
{
protected:
    void SetUp() override
    {
        RecordsFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_a.status = TenantStatus::Active;
        m_b.status = TenantStatus::Active;
        m_directory.reset({m_a, m_b}, {});
        registerEntityRoutes(m_router, *m_service, m_directory);
        m_ctxA = {m_directory.snapshot()->findId(m_a.id), u"req-a"_s, u"header"_s, u"api-key:ka"_s};
        m_ctxB = {m_directory.snapshot()->findId(m_b.id), u"req-b"_s, u"header"_s, u"api-key:kb"_s};
    }

    // Finds and runs the handler the way the server does, with `tenant` as the pipeline's
    // resolved tenant (nullptr: an admin call); errors become problem+json.
    Reply call(const QByteArray &method, const QString &target, const QByteArray &body = {}, const HeaderList &headers = {},
               const TenantContext *tenant = nullptr)
    {
        const qsizetype q = target.indexOf(u'?');
        const QByteArray path = target.left(q < 0 ? target.size() : q).toUtf8();
        const auto match = m_router.find(method, path, tenant ? Scope::Tenant : Scope::Admin);
        EXPECT_TRUE(match.route) << method.toStdString() << ' ' << target.toStdString();
        if (!match.route)
            return {};
        HttpRequest request{method, path, QUrlQuery(q < 0 ? QString() : target.mid(q + 1)), headers, body, {}, u"req-1"_s};
        const Result<HttpResponse> result = match.route->handler({request, match.params, tenant});
        const HttpResponse r = result.ok() ? result.value() : problemResponse(result.error(), path, request.requestId);
        return {r.status, r.contentType, QJsonDocument::fromJson(r.body).object(), r.headers};
    }
    Reply asA(const QByteArray &method, const QString &target, const QByteArray &body = {}, const HeaderList &headers = {})
    {
        return call(method, target, body, headers, &m_ctxA);
    }
    Reply asB(const QByteArray &method, const QString &target, const QByteArray &body = {}, const HeaderList &headers = {})
    {
        return call(method, target, body, headers, &m_ctxB);
    }

    static HeaderList ifMatch(const QByteArray &etag) { return {{QByteArray("If-Match"), etag}}; }

    TenantDirectory m_directory;
    Router m_router;
    TenantContext m_ctxA;
    TenantContext m_ctxB;
};

const QByteArray kCustomers = R"({"name": "customers", "fields": [
    {"name": "email", "type": "string", "required": true, "unique": true},
    {"name": "balance", "type": "decimal"}]})";

} // namespace

TEST_P(EntityRoutesTest, EntityRoutes)
{
    Reply created = asA("POST", u"/api/v1/entities"_s, kCustomers);
    EXPECT_EQ(created.status, 201);
    EXPECT_EQ(created.header("Location"), "/api/v1/entities/customers");
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    EXPECT_EQ(created.body.value("schema_version"_L1).toInt(), 1);
    EXPECT_EQ(created.body.value("records"_L1).toInt(), 0);
    EXPECT_EQ(created.body.value("created_at"_L1).toString(), u"2026-03-01T12:00:00.000Z"_s);
    EXPECT_EQ(created.body.value("fields"_L1).toArray().at(0).toObject().value("indexed"_L1), QJsonValue(true));

    const Reply dup = asA("POST", u"/api/v1/entities"_s, kCustomers);
    EXPECT_EQ(dup.status, 409);
    EXPECT_EQ(dup.contentType, "application/problem+json");
    EXPECT_EQ(dup.code(), u"entity-exists"_s);

    const Reply invalid = asA("POST", u"/api/v1/entities"_s, R"({"name": "x", "fields": [{"name": "a", "type": "money"}]})");
    EXPECT_EQ(invalid.status, 400);
    EXPECT_EQ(invalid.code(), u"invalid-entity"_s);
    EXPECT_EQ(invalid.body.value("errors"_L1).toArray().at(0).toObject().value("field"_L1).toString(), u"/fields/0/type"_s);

    const Reply list = asA("GET", u"/api/v1/entities"_s);
    EXPECT_EQ(list.status, 200);
    EXPECT_EQ(list.body.value("items"_L1).toArray().size(), 1);

    const Reply one = asA("GET", u"/api/v1/entities/customers"_s);
    EXPECT_EQ(one.status, 200);
    EXPECT_EQ(one.header("ETag"), "\"1\"");
    EXPECT_EQ(asA("GET", u"/api/v1/entities/orders"_s).code(), u"entity-not-found"_s);

    const QByteArray next = R"({"fields": [{"name": "email", "type": "string", "required": true, "unique": true}]})";
    const Reply unconfirmed = asA("PUT", u"/api/v1/entities/customers"_s, next);
    EXPECT_EQ(unconfirmed.status, 409);
    EXPECT_EQ(unconfirmed.code(), u"field-removal-unconfirmed"_s);
    const Reply stale = asA("PUT", u"/api/v1/entities/customers"_s, next, ifMatch("\"5\""));
    EXPECT_EQ(stale.status, 412);
    EXPECT_EQ(stale.code(), u"precondition-failed"_s);
    const Reply changed = asA("PUT", u"/api/v1/entities/customers"_s,
                              R"({"confirm_field_removal": true, "fields": [{"name": "email", "type": "string", "required": true, "unique": true}]})",
                              ifMatch("\"1\""));
    EXPECT_EQ(changed.status, 200);
    EXPECT_EQ(changed.header("ETag"), "\"2\"");
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM entity_versions WHERE changed_by = 'api-key:ka'"_s), 2);

    EXPECT_EQ(asA("DELETE", u"/api/v1/entities/customers?confirm=maybe"_s).status, 400);
    EXPECT_EQ(asA("DELETE", u"/api/v1/entities/customers"_s).status, 204);
    EXPECT_EQ(asA("GET", u"/api/v1/entities/customers"_s).status, 404);
}

TEST_P(EntityRoutesTest, RecordRoutes)
{
    ASSERT_EQ(asA("POST", u"/api/v1/entities"_s, kCustomers).status, 201);
    const Reply created = asA("POST", u"/api/v1/entities/customers/records"_s, R"({"email": "a@b.c", "balance": 0.10})");
    ASSERT_EQ(created.status, 201);
    const QString id = created.body.value("id"_L1).toString();
    EXPECT_EQ(created.header("Location"), "/api/v1/entities/customers/records/" + id.toUtf8());
    EXPECT_EQ(created.header("ETag"), "\"1\"");
    EXPECT_EQ(created.body.value("version"_L1).toInt(), 1);
    EXPECT_EQ(created.body.value("data"_L1).toObject(),
              (QJsonObject{{u"email"_s, u"a@b.c"_s}, {u"balance"_s, u"0.1"_s}}));

    const Reply got = asA("GET", u"/api/v1/entities/customers/records/"_s + id);
    EXPECT_EQ(got.status, 200);
    EXPECT_EQ(got.header("ETag"), "\"1\"");
    EXPECT_EQ(got.body, created.body);

    const Reply patched = asA("PATCH", u"/api/v1/entities/customers/records/"_s + id, R"({"balance": "2"})", ifMatch("\"1\""));
    EXPECT_EQ(patched.status, 200);
    EXPECT_EQ(patched.header("ETag"), "\"2\"");
    const Reply stale = asA("PUT", u"/api/v1/entities/customers/records/"_s + id, R"({"email": "z@b.c"})", ifMatch("\"1\""));
    EXPECT_EQ(stale.status, 412);
    EXPECT_EQ(stale.code(), u"precondition-failed"_s);
    EXPECT_EQ(asA("PUT", u"/api/v1/entities/customers/records/"_s + id, R"({"email": "z@b.c"})", ifMatch("W/\"2\"")).status, 200);
    EXPECT_EQ(asA("PUT", u"/api/v1/entities/customers/records/"_s + id, R"({"email": "y@b.c"})", ifMatch("*")).status, 200);

    const Reply bad = asA("POST", u"/api/v1/entities/customers/records"_s, R"({"balance": "lots", "colour": "red"})");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.code(), u"invalid-record"_s);
    QStringList fields;
    for (const QJsonValue &e : bad.body.value("errors"_L1).toArray())
        fields.append(e.toObject().value("field"_L1).toString());
    fields.sort();
    EXPECT_EQ(fields, (QStringList{u"/balance"_s, u"/colour"_s, u"/email"_s}));

    const Reply dup = asA("POST", u"/api/v1/entities/customers/records"_s, R"({"email": "y@b.c"})");
    EXPECT_EQ(dup.status, 409);
    EXPECT_EQ(dup.code(), u"unique-violation"_s);
    EXPECT_EQ(dup.body.value("errors"_L1).toArray().at(0).toObject().value("field"_L1).toString(), u"/email"_s);

    const QByteArray huge = R"({"email": ")" + QByteArray(Records::kMaxRecordBytes, 'x') + R"("})";
    const Reply tooLarge = asA("POST", u"/api/v1/entities/customers/records"_s, huge);
    EXPECT_EQ(tooLarge.status, 413);
    EXPECT_EQ(tooLarge.code(), u"record-too-large"_s);
    EXPECT_EQ(asA("POST", u"/api/v1/entities/customers/records"_s, "{nope").code(), u"malformed-json"_s);

    const Reply page = asA("GET", u"/api/v1/entities/customers/records?sort=-email&limit=1"_s);
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.body.value("items"_L1).toArray().size(), 1);
    EXPECT_TRUE(page.body.value("next_cursor"_L1).isNull());
    const Reply badFilter = asA("GET", u"/api/v1/entities/customers/records?filter[shoe][gt]=3"_s);
    EXPECT_EQ(badFilter.status, 400);
    EXPECT_EQ(badFilter.code(), u"invalid-filter"_s);
    EXPECT_EQ(badFilter.body.value("errors"_L1).toArray().at(0).toObject().value("field"_L1).toString(), u"filter[shoe][gt]"_s);
    EXPECT_EQ(asA("GET", u"/api/v1/entities/customers/records?sort=shoe"_s).code(), u"invalid-sort"_s);
    EXPECT_EQ(asA("GET", u"/api/v1/entities/customers/records?cursor=abc"_s).code(), u"invalid-cursor"_s);

    EXPECT_EQ(asA("DELETE", u"/api/v1/entities/customers/records/"_s + id, {}, ifMatch("\"3\"")).status, 412);
    EXPECT_EQ(asA("DELETE", u"/api/v1/entities/customers/records/"_s + id, {}, ifMatch("\"4\"")).status, 204);
    const Reply gone = asA("GET", u"/api/v1/entities/customers/records/"_s + id);
    EXPECT_EQ(gone.status, 404);
    EXPECT_EQ(gone.code(), u"record-not-found"_s);
    EXPECT_EQ(asA("GET", u"/api/v1/entities/customers/records/not-an-id"_s).code(), u"record-not-found"_s);
}

TEST_P(EntityRoutesTest, AnotherTenantGetsNotFound)
{
    ASSERT_EQ(asA("POST", u"/api/v1/entities"_s, kCustomers).status, 201);
    const QString id = asA("POST", u"/api/v1/entities/customers/records"_s, R"({"email": "a@b.c"})").body.value("id"_L1).toString();
    EXPECT_EQ(asB("GET", u"/api/v1/entities/customers"_s).code(), u"entity-not-found"_s);
    ASSERT_EQ(asB("POST", u"/api/v1/entities"_s, kCustomers).status, 201);
    for (const QByteArray &method : {QByteArray("GET"), QByteArray("PUT"), QByteArray("PATCH"), QByteArray("DELETE")}) {
        const Reply r = asB(method, u"/api/v1/entities/customers/records/"_s + id, R"({"email": "mine"})");
        EXPECT_EQ(r.status, 404) << method.toStdString();
        EXPECT_EQ(r.code(), u"record-not-found"_s) << method.toStdString();
    }
    EXPECT_TRUE(asB("GET", u"/api/v1/entities/customers/records?filter[email]=a@b.c"_s).body.value("items"_L1).toArray().isEmpty());
    const Reply mine = asA("GET", u"/api/v1/entities/customers/records/"_s + id);
    EXPECT_EQ(mine.status, 200);
    EXPECT_EQ(mine.body.value("version"_L1).toInt(), 1);
    EXPECT_EQ(mine.body.value("data"_L1).toObject().value("email"_L1).toString(), u"a@b.c"_s);
}

TEST_P(EntityRoutesTest, AdminMirror)
{
    const Reply created = call("POST", u"/admin/v1/tenants/acme/entities"_s, kCustomers);
    EXPECT_EQ(created.status, 201);
    EXPECT_EQ(created.header("Location"), "/admin/v1/tenants/acme/entities/customers");
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM entity_versions WHERE changed_by = 'admin'"_s), 1);
    // The operator's entity is the tenant's own.
    EXPECT_EQ(asA("GET", u"/api/v1/entities/customers"_s).status, 200);
    EXPECT_EQ(asB("GET", u"/api/v1/entities/customers"_s).status, 404);

    const Reply record = call("POST", u"/admin/v1/tenants/acme/entities/customers/records"_s, R"({"email": "ops@acme.io"})");
    EXPECT_EQ(record.status, 201);
    const QString id = record.body.value("id"_L1).toString();
    EXPECT_EQ(record.header("Location"), "/admin/v1/tenants/acme/entities/customers/records/" + id.toUtf8());
    EXPECT_EQ(call("GET", u"/admin/v1/tenants/acme/entities/customers/records/"_s + id).header("ETag"), "\"1\"");
    EXPECT_EQ(call("PATCH", u"/admin/v1/tenants/acme/entities/customers/records/"_s + id, R"({"balance": 1})", ifMatch("\"1\"")).status, 200);
    EXPECT_EQ(call("GET", u"/admin/v1/tenants/acme/entities/customers/records?filter[balance]=1"_s).body.value("items"_L1).toArray().size(), 1);
    EXPECT_EQ(call("GET", u"/admin/v1/tenants/acme/entities"_s).body.value("items"_L1).toArray().size(), 1);
    // The other tenant's slug reaches the other tenant's data only.
    EXPECT_EQ(call("GET", u"/admin/v1/tenants/globex/entities/customers/records/"_s + id).code(), u"entity-not-found"_s);
    const Reply unknown = call("GET", u"/admin/v1/tenants/nobody/entities"_s);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.code(), u"tenant-not-found"_s);

    EXPECT_EQ(call("DELETE", u"/admin/v1/tenants/acme/entities/customers"_s).code(), u"entity-not-empty"_s);
    EXPECT_EQ(call("DELETE", u"/admin/v1/tenants/acme/entities/customers/records/"_s + id).status, 204);
    EXPECT_EQ(call("PUT", u"/admin/v1/tenants/acme/entities/customers"_s,
                   R"({"fields": [{"name": "email", "type": "string", "required": true, "unique": true},
                                  {"name": "balance", "type": "decimal"}, {"name": "note", "type": "string"}]})")
                  .header("ETag"),
              "\"2\"");
    EXPECT_EQ(call("DELETE", u"/admin/v1/tenants/acme/entities/customers"_s).status, 204);
}

INSTANTIATE_TEST_SUITE_P(Backends, EntityRoutesTest, ::testing::Values("sqlite", "postgres"), recordsBackend);
