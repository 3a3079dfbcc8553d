// Tries to break tenant isolation through the real server, for every isolation strategy on
// SQLite and on PostgreSQL: tenants write records at random, then each tenant attacks every
// other one — by record id, by guessed ids, by filters on the victim's values, by cursors,
// through the admin mirror and with forged tenant signals. Any leak fails.
#include "tests/support/pgtestdb.h"
#include "tests/support/rawhttp.h"
#include "tests/support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

#include <random>

using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAdminToken = "isolation-admin-token-0123456789";

struct TenantUnderTest {
    QString slug;
    QString isolation;
    QByteArray key;
    QHash<QString, QJsonObject> records; // what the tenant wrote: id → data
};

class IsolationServeTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QStringList args{u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--identify"_s, u"path,header"_s};
        QStringList strategies{u"shared"_s, u"database"_s};
        if (GetParam() == "postgres") {
            m_pg = PgTestDatabase::create();
            TENANTRY_REQUIRE_PG(m_pg);
            args << u"--database"_s << m_pg->url();
            strategies.insert(1, u"schema"_s);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TENANTRY_ADMIN_TOKEN"_s, QString::fromLatin1(kAdminToken));
        QString error;
        m_server = ServerProcess::start(args, env, &error);
        ASSERT_TRUE(m_server) << error.toStdString();

        // Two tenants per strategy, so shared tenants attack each other inside one table
        // as well as across strategies.
        for (const QString &isolation : strategies) {
            for (const char *suffix : {"a", "b"}) {
                TenantUnderTest t;
                t.slug = isolation + u'-' + QLatin1StringView(suffix);
                t.isolation = isolation;
                const RawResponse r = admin("POST", "/admin/v1/tenants", {{u"slug"_s, t.slug}, {u"isolation"_s, isolation}});
                ASSERT_EQ(r.status, 201) << r.body.toStdString();
                t.key = r.json().value(u"api_key"_s).toString().toLatin1();
                const RawResponse entity = as(t, "POST", "/api/v1/entities", QJsonObject{
                    {u"name"_s, u"customers"_s},
                    {u"fields"_s, QJsonArray{
                        QJsonObject{{u"name"_s, u"email"_s}, {u"type"_s, u"string"_s}, {u"required"_s, true}, {u"unique"_s, true}},
                        QJsonObject{{u"name"_s, u"secret"_s}, {u"type"_s, u"string"_s}},
                        QJsonObject{{u"name"_s, u"score"_s}, {u"type"_s, u"integer"_s}, {u"indexed"_s, true}},
                    }}});
                ASSERT_EQ(entity.status, 201) << entity.body.toStdString();
                m_tenants.append(t);
            }
        }
    }

    RawResponse admin(const QByteArray &method, const QByteArray &path, const QJsonObject &body = {})
    {
        return sendRequest(m_server->port(), method, path, {{"Authorization", "Bearer " + kAdminToken}},
                           body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    }

    // A tenant API call with the tenant's own key and slug (header strategy), plus `extra` headers.
    RawResponse as(const TenantUnderTest &t, const QByteArray &method, const QByteArray &path,
                   const QJsonObject &body = {}, RawHeaders extra = {})
    {
        RawHeaders headers{{"X-Tenant-ID", t.slug.toLatin1()}, {"X-API-Key", t.key}};
        headers.append(extra);
        return sendRequest(m_server->port(), method, path, headers,
                           body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    }

    static QByteArray recordPath(const QString &id) { return "/api/v1/entities/customers/records/" + id.toLatin1(); }

    // Every record the tenant can list, following the cursors.
    QHash<QString, QJsonObject> listAll(const TenantUnderTest &t)
    {
        QHash<QString, QJsonObject> out;
        QByteArray path = "/api/v1/entities/customers/records?limit=7";
        for (int page = 0; page < 100; ++page) {
            const RawResponse r = as(t, "GET", path);
            EXPECT_EQ(r.status, 200) << r.body.toStdString();
            for (const QJsonValue &item : r.json().value(u"items"_s).toArray())
                out.insert(item[u"id"_s].toString(), item[u"data"_s].toObject());
            const QJsonValue next = r.json().value(u"next_cursor"_s);
            if (!next.isString())
                break;
            path = "/api/v1/entities/customers/records?limit=7&cursor=" + QUrl::toPercentEncoding(next.toString());
        }
        return out;
    }

    void TearDown() override
    {
        if (HasFailure() && m_server)
            std::fprintf(stderr, "server output:\n%s\n", qPrintable(m_server->output().right(6000)));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<PgTestDatabase> m_pg;
    std::unique_ptr<ServerProcess> m_server;
    QList<TenantUnderTest> m_tenants;
};

TEST_P(IsolationServeTest, NoTenantCanReadListChangeOrDeleteAnotherTenantsRecords)
{
    std::mt19937 random(20261123);
    const auto pick = [&](int n) { return int(random() % unsigned(n)); };

    // Random writes. Every tenant uses the same e-mail addresses: unique means unique within a
    // tenant, and one tenant's values must never block another's.
    for (int op = 0; op < 90; ++op) {
        TenantUnderTest &t = m_tenants[pick(int(m_tenants.size()))];
        const int kind = t.records.isEmpty() ? 0 : pick(10);
        if (kind < 6) {
            const QJsonObject data{{u"email"_s, u"user%1@example.com"_s.arg(op % 23)},
                                   {u"secret"_s, u"%1-secret-%2"_s.arg(t.slug).arg(op)},
                                   {u"score"_s, pick(100)}};
            const RawResponse r = as(t, "POST", "/api/v1/entities/customers/records", data);
            if (r.status == 409) { // the tenant already has this e-mail
                EXPECT_EQ(r.problemCode(), u"unique-violation"_s);
                continue;
            }
            ASSERT_EQ(r.status, 201) << r.body.toStdString();
            t.records.insert(r.json().value(u"id"_s).toString(), r.json().value(u"data"_s).toObject());
        } else {
            const QString id = t.records.keys().at(pick(int(t.records.size())));
            if (kind < 9) {
                const QJsonObject patch{{u"score"_s, pick(1000)}};
                const RawResponse r = as(t, "PATCH", recordPath(id), patch);
                ASSERT_EQ(r.status, 200) << r.body.toStdString();
                t.records[id] = r.json().value(u"data"_s).toObject();
            } else {
                ASSERT_EQ(as(t, "DELETE", recordPath(id)).status, 204);
                t.records.remove(id);
            }
        }
    }

    for (const TenantUnderTest &attacker : std::as_const(m_tenants)) {
        for (const TenantUnderTest &victim : std::as_const(m_tenants)) {
            if (&attacker == &victim || victim.records.isEmpty())
                continue;
            SCOPED_TRACE(QString(attacker.slug + u" attacks "_s + victim.slug).toStdString());
            const QString id = victim.records.keys().first();
            const QJsonObject data = victim.records.value(id);

            // By id: not found, never forbidden (which would confirm the id exists).
            EXPECT_EQ(as(attacker, "GET", recordPath(id)).status, 404);
            EXPECT_EQ(as(attacker, "PATCH", recordPath(id), {{u"secret"_s, u"pwned"_s}}).status, 404);
            EXPECT_EQ(as(attacker, "PUT", recordPath(id), {{u"email"_s, u"pwned@example.com"_s}}).status, 404);
            EXPECT_EQ(as(attacker, "DELETE", recordPath(id)).status, 404);
            // By guessed ids next to the victim's.
            QString guess = id;
            guess[guess.size() - 1] = guess.back() == u'0' ? u'1' : u'0';
            EXPECT_EQ(as(attacker, "GET", recordPath(guess)).status, 404);
            // By filters on the victim's values.
            const QList<QByteArray> queries{
                "filter[secret]=" + QUrl::toPercentEncoding(data.value(u"secret"_s).toString()),
                "filter[secret][prefix]=" + QUrl::toPercentEncoding(victim.slug + u'-'),
                QByteArray("filter[score][gte]=0&filter[secret][ne]=x")};
            for (const QByteArray &query : queries) {
                const RawResponse r = as(attacker, "GET", "/api/v1/entities/customers/records?" + query);
                ASSERT_EQ(r.status, 200) << r.body.toStdString();
                for (const QJsonValue &item : r.json().value(u"items"_s).toArray())
                    EXPECT_FALSE(victim.records.contains(item[u"id"_s].toString())) << query.toStdString();
            }
            // With the victim's cursor.
            const RawResponse victimPage = as(victim, "GET", "/api/v1/entities/customers/records?limit=1");
            if (victimPage.json().value(u"next_cursor"_s).isString()) {
                const QByteArray cursor = QUrl::toPercentEncoding(victimPage.json().value(u"next_cursor"_s).toString());
                const RawResponse r = as(attacker, "GET", "/api/v1/entities/customers/records?limit=1&cursor=" + cursor);
                EXPECT_EQ(r.status, 400) << r.body.toStdString();
                EXPECT_EQ(r.problemCode(), u"invalid-cursor"_s);
            }
            // Forged tenant signals: the victim's slug with the attacker's key, or a path naming
            // the victim beside the attacker's header, or the header twice.
            EXPECT_EQ(sendRequest(m_server->port(), "GET", recordPath(id),
                                  {{"X-Tenant-ID", victim.slug.toLatin1()}, {"X-API-Key", attacker.key}}).status, 401);
            EXPECT_EQ(sendRequest(m_server->port(), "GET", "/t/" + victim.slug.toLatin1() + recordPath(id),
                                  {{"X-API-Key", attacker.key}}).status, 401);
            EXPECT_EQ(as(attacker, "GET", "/t/" + victim.slug.toLatin1() + recordPath(id)).status, 400);
            EXPECT_EQ(as(attacker, "GET", recordPath(id), {}, {{"X-Tenant-ID", victim.slug.toLatin1()}}).status, 400);
            // A body naming the victim is refused, not obeyed.
            const RawResponse smuggled = as(attacker, "POST", "/api/v1/entities/customers/records",
                                            {{u"email"_s, u"x@example.com"_s}, {u"tenant_id"_s, victim.slug}});
            EXPECT_EQ(smuggled.status, 400) << smuggled.body.toStdString();
            // The operator's mirror, asked about the attacker, does not find the victim's record.
            EXPECT_EQ(admin("GET", "/admin/v1/tenants/" + attacker.slug.toLatin1() + "/entities/customers/records/"
                                       + id.toLatin1()).status,
                      404);
        }
    }

    // After all of it, every tenant sees exactly what it wrote, unchanged.
    for (const TenantUnderTest &t : std::as_const(m_tenants)) {
        SCOPED_TRACE(t.slug.toStdString());
        const QHash<QString, QJsonObject> seen = listAll(t);
        EXPECT_EQ(seen.size(), t.records.size());
        for (auto it = t.records.cbegin(); it != t.records.cend(); ++it)
            EXPECT_EQ(seen.value(it.key()), it.value()) << it.key().toStdString();
    }
}

std::string backendName(const ::testing::TestParamInfo<std::string> &info)
{
    return info.param;
}

INSTANTIATE_TEST_SUITE_P(Backends, IsolationServeTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
