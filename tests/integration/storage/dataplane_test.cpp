#include "tests/integration/storage/dataplanefixture.h"

#include "core/storage/ownerconnection.h"

#include <QDir>
#include <QFileInfo>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {
namespace {

// Rows in entity_usage stand in for any tenant table: every data-plane table has tenant_id.
Status addRow(Storage::TenantDataAccess &data, const Tenant &tenant, const QString &entity, qint64 bytes)
{
    return data.run(tenant, [&](Storage::TenantSession &s) -> Status {
        auto q = s.exec(u"INSERT INTO entity_usage (tenant_id, entity, records, bytes) VALUES (:tenant, :entity, 1, :bytes)"_s,
                        {{u"entity"_s, entity}, {u"bytes"_s, bytes}});
        return q ? Status{} : Status{q.error()};
    });
}

// The entity names a tenant's transaction can see when its statement forgets to filter on
// tenant_id (":tenant = :tenant" only satisfies the session's guard).
QStringList visibleUnfiltered(Storage::TenantDataAccess &data, const Tenant &tenant)
{
    QStringList names;
    Status read = data.run(tenant, [&](Storage::TenantSession &s) -> Status {
        auto q = s.exec(u"SELECT entity FROM entity_usage WHERE :tenant = :tenant ORDER BY entity"_s);
        if (!q)
            return q.error();
        while (q->next())
            names.append(q->value(0).toString());
        return {};
    });
    EXPECT_TRUE(read.ok()) << read.error().message.toStdString();
    return names;
}

class DataPlaneTest : public DataPlaneFixture
{
protected:
    Storage::ConnectionRouter &router() { return m_plane->router(); }

    QSqlDatabase ownerDb()
    {
        return m_catalog->connection().value();
    }

    QVariant scalar(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString() << " in " << sql.toStdString();
        return q.next() ? q.value(0) : QVariant();
    }

    void purge(const Tenant &t)
    {
        ASSERT_TRUE(m_service->apply(m_actor, t.slug, LifecycleAction::Delete).ok());
        m_clock.advanceSeconds(31 * 86400);
        auto purged = m_service->apply(m_actor, t.slug, LifecycleAction::Purge);
        ASSERT_TRUE(purged.ok()) << purged.error().message.toStdString();
    }
};

// Row-level security and the role exist on PostgreSQL only; SQLite's shared file relies on
// the query layer (TenantSession's :tenant guard), which the isolation suites attack.
class PostgresDataPlaneTest : public DataPlaneTest
{
};
class SqliteDataPlaneTest : public DataPlaneTest
{
};

TEST_P(DataPlaneTest, EveryStrategyKeepsEachTenantsRowsApartAndPurgesOnlyItsOwn)
{
    for (const QString &strategy : strategies()) {
        SCOPED_TRACE(strategy.toStdString());
        const Tenant a = mustCreate(u"a-"_s + strategy, strategy);
        const Tenant b = mustCreate(u"b-"_s + strategy, strategy);
        ASSERT_TRUE(addRow(router(), a, u"a_thing"_s, 100).ok());
        ASSERT_TRUE(addRow(router(), b, u"b_thing"_s, 7).ok());
        EXPECT_EQ(m_plane->usedBytes(a).value(), 100);
        EXPECT_EQ(m_plane->usedBytes(b).value(), 7);

        const auto space = m_plane->names().locate(a).value();
        purge(a);
        EXPECT_EQ(m_plane->usedBytes(b).value(), 7) << "purging a must not touch b";
        switch (space.kind) {
        case Storage::SpaceAddress::Kind::SqliteShared:
        case Storage::SpaceAddress::Kind::PostgresShared: {
            Tenant gone = a; // the router still reaches the shared space; a's rows are gone
            EXPECT_EQ(m_plane->usedBytes(gone).value(), 0);
            break;
        }
        case Storage::SpaceAddress::Kind::SqliteFile:
            EXPECT_FALSE(QFileInfo::exists(space.database));
            EXPECT_FALSE(m_plane->usedBytes(a).ok()) << "a purged file must not come back empty";
            break;
        case Storage::SpaceAddress::Kind::PostgresSchema:
            EXPECT_EQ(scalar(ownerDb(), u"SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?"_s, {space.schema}).toInt(), 0);
            break;
        case Storage::SpaceAddress::Kind::PostgresDatabase:
            EXPECT_EQ(scalar(ownerDb(), u"SELECT COUNT(*) FROM pg_database WHERE datname = ?"_s, {space.database}).toInt(), 0);
            break;
        }
        EXPECT_FALSE(QFileInfo::exists(QDir(m_dir.path()).filePath(u"tenants/"_s + a.id)));
    }
}

TEST_P(PostgresDataPlaneTest, RowLevelSecurityHidesOtherTenantsRowsEvenFromAnUnfilteredQuery)
{
    for (const QString &strategy : strategies()) {
        SCOPED_TRACE(strategy.toStdString());
        const Tenant a = mustCreate(u"ra-"_s + strategy, strategy);
        const Tenant b = mustCreate(u"rb-"_s + strategy, strategy);
        ASSERT_TRUE(addRow(router(), a, u"secret_a"_s, 1).ok());
        ASSERT_TRUE(addRow(router(), b, u"secret_b"_s, 1).ok());
        EXPECT_EQ(visibleUnfiltered(router(), a), QStringList{u"secret_a"_s});
        EXPECT_EQ(visibleUnfiltered(router(), b), QStringList{u"secret_b"_s});
        // Writing a row for another tenant is refused by the policy's WITH CHECK.
        Status forged = router().run(b, [&](Storage::TenantSession &s) -> Status {
            auto q = s.exec(u"INSERT INTO entity_usage (tenant_id, entity, records, bytes) VALUES (:other, 'x', 1, 1) "
                            "RETURNING :tenant"_s,
                            {{u"other"_s, a.id}});
            return q ? Status{} : Status{q.error()};
        });
        EXPECT_FALSE(forged.ok());
    }
}

TEST_P(PostgresDataPlaneTest, TheApplicationRoleIsUnprivilegedAndEverySharedTableForcesRowSecurity)
{
    const QString role = m_plane->names().postgresAppRole();
    QSqlDatabase db = ownerDb();
    QSqlQuery q(db);
    q.prepare(u"SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole, rolcanlogin FROM pg_roles WHERE rolname = ?"_s);
    q.addBindValue(role);
    ASSERT_TRUE(q.exec() && q.next()) << q.lastError().text().toStdString();
    EXPECT_FALSE(q.value(0).toBool()) << "superuser";
    EXPECT_FALSE(q.value(1).toBool()) << "BYPASSRLS";
    EXPECT_FALSE(q.value(2).toBool());
    EXPECT_FALSE(q.value(3).toBool());
    EXPECT_TRUE(q.value(4).toBool());

    q.prepare(u"SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) "
              "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
              "WHERE n.nspname = 'tenant_shared' AND c.relkind = 'r'"_s);
    ASSERT_TRUE(q.exec());
    int tables = 0;
    while (q.next()) {
        ++tables;
        SCOPED_TRACE(q.value(0).toString().toStdString());
        EXPECT_TRUE(q.value(1).toBool()) << "row security not enabled";
        EXPECT_TRUE(q.value(2).toBool()) << "row security not forced";
        EXPECT_NE(q.value(3).toString(), role) << "the application role owns a table";
    }
    EXPECT_GE(tables, 5);
    // The data-plane connections really log in as that role.
    const Tenant t = mustCreate(u"who"_s, u"shared"_s);
    QString user;
    ASSERT_TRUE(router().run(t, [&](Storage::TenantSession &s) -> Status {
        auto r = s.exec(u"SELECT current_user, :tenant"_s);
        if (!r || !r->next())
            return Error::internal(u"no row"_s);
        user = r->value(0).toString();
        return {};
    }).ok());
    EXPECT_EQ(user, role);
}

TEST_P(PostgresDataPlaneTest, TheApplicationRoleWithNoTenantSetSeesNothing)
{
    const Tenant a = mustCreate(u"seen"_s, u"shared"_s);
    ASSERT_TRUE(addRow(router(), a, u"row"_s, 5).ok());

    const QString password = scalar(ownerDb(), u"SELECT value FROM data_plane_settings WHERE name = 'app_role_password'"_s).toString();
    ASSERT_FALSE(password.isEmpty());
    const QString name = u"app-direct"_s;
    {
        QSqlDatabase app = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        app.setHostName(m_location.database->host);
        app.setPort(m_location.database->port);
        app.setDatabaseName(m_location.database->database);
        app.setUserName(m_plane->names().postgresAppRole());
        app.setPassword(password);
        ASSERT_TRUE(app.open()) << app.lastError().text().toStdString();
        QSqlQuery q(app);
        for (const QString &table : {u"entity_usage"_s, u"records"_s, u"entities"_s, u"record_keys"_s}) {
            ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM tenant_shared."_s + table)) << q.lastError().text().toStdString();
            ASSERT_TRUE(q.next());
            EXPECT_EQ(q.value(0).toInt(), 0) << table.toStdString();
        }
        // Nor can it read the catalog, or the version table of its own schema.
        EXPECT_FALSE(q.exec(u"SELECT COUNT(*) FROM tenants"_s));
        EXPECT_FALSE(q.exec(u"SELECT COUNT(*) FROM data_plane_settings"_s));
        EXPECT_FALSE(q.exec(u"SELECT COUNT(*) FROM tenant_shared.data_migrations"_s));
        // And it cannot turn row security off for itself.
        EXPECT_FALSE(q.exec(u"ALTER TABLE tenant_shared.entity_usage NO FORCE ROW LEVEL SECURITY"_s));
        app.close();
    }
    QSqlDatabase::removeDatabase(name);
}

TEST_P(PostgresDataPlaneTest, ATenantSettingNeverSurvivesIntoTheNextTransactionOnAPooledConnection)
{
    const Tenant a = mustCreate(u"first"_s, u"shared"_s);
    QString inside;
    ASSERT_TRUE(router().run(a, [&](Storage::TenantSession &s) -> Status {
        auto r = s.exec(u"SELECT current_setting('tenantry.tenant_id', true), :tenant"_s);
        if (!r || !r->next())
            return Error::internal(u"no row"_s);
        inside = r->value(0).toString();
        return {};
    }).ok());
    EXPECT_EQ(inside, a.id);
    // The pooled connection, used outside any router transaction: nothing of a is left.
    int pooled = 0;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (!name.startsWith("tenantry-data-"_L1))
            continue;
        ++pooled;
        QSqlQuery q(QSqlDatabase::database(name, false));
        ASSERT_TRUE(q.exec(u"SELECT COALESCE(current_setting('tenantry.tenant_id', true), ''), current_setting('search_path')"_s));
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toString(), QString());
        EXPECT_FALSE(q.value(1).toString().contains("tenant_shared"_L1));
        ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM tenant_shared.entity_usage"_s)) << q.lastError().text().toStdString();
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toInt(), 0);
    }
    EXPECT_EQ(pooled, 1);
}

TEST_P(SqliteDataPlaneTest, SchemaIsolationIsRefusedOnSqliteWithAClearError)
{
    NewTenant request;
    request.slug = u"schemer"_s;
    request.isolation = u"schema"_s;
    auto created = m_service->create(m_actor, request);
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, u"isolation-unsupported"_s);
    EXPECT_TRUE(created.error().message.contains("PostgreSQL"_L1));
    EXPECT_FALSE(m_service->get(u"schemer"_s).ok()) << "nothing half-made";
}

INSTANTIATE_TEST_SUITE_P(Backends, DataPlaneTest, ::testing::Values("sqlite", "postgres"), backendName);
INSTANTIATE_TEST_SUITE_P(Backends, PostgresDataPlaneTest, ::testing::Values("postgres"), backendName);
INSTANTIATE_TEST_SUITE_P(Backends, SqliteDataPlaneTest, ::testing::Values("sqlite"), backendName);

// The pool's limits, on database-per-tenant spaces where every tenant needs its own connection.
class RouterLimitsTest : public DataPlaneFixture
{
protected:
    void SetUp() override
    {
        Storage::DataPlaneOptions options;
        options.limits.maxConnections = 2;
        options.limits.maxPerTenant = 1;
        options.limits.acquireTimeout = std::chrono::milliseconds(200);
        openWith(options);
    }
    Storage::ConnectionRouter &router() { return m_plane->router(); }
};

TEST_P(RouterLimitsTest, ManyTenantsNeverOpenMoreConnectionsThanTheLimit)
{
    QList<Tenant> tenants;
    for (int i = 0; i < 6; ++i)
        tenants.append(mustCreate(u"db%1"_s.arg(i), u"database"_s));
    for (int round = 0; round < 2; ++round) {
        for (const Tenant &t : tenants) {
            ASSERT_TRUE(addRow(router(), t, u"e%1"_s.arg(round), 1).ok());
            EXPECT_LE(router().stats().open, 2);
        }
    }
    for (const Tenant &t : tenants)
        EXPECT_EQ(m_plane->usedBytes(t).value(), 2);
}

TEST_P(RouterLimitsTest, AnExhaustedPoolFailsFastWithAClearErrorInsteadOfHanging)
{
    const Tenant a = mustCreate(u"holder-a"_s, u"database"_s);
    const Tenant b = mustCreate(u"holder-b"_s, u"database"_s);
    const Tenant c = mustCreate(u"waiter"_s, u"database"_s);
    QSemaphore holding, release;
    const auto hold = [&](const Tenant &t) {
        return QThread::create([&, t] {
            (void)router().run(t, [&](Storage::TenantSession &) -> Status {
                holding.release();
                release.acquire();
                return {};
            });
        });
    };
    std::unique_ptr<QThread> first(hold(a)), second(hold(b));
    first->start();
    second->start();
    ASSERT_TRUE(holding.tryAcquire(2, 10000));
    EXPECT_EQ(router().stats().open, 2);

    const Status waited = addRow(router(), c, u"x"_s, 1);
    ASSERT_FALSE(waited.ok());
    EXPECT_EQ(waited.error().code, u"connection-pool-exhausted"_s);
    EXPECT_EQ(waited.error().kind, ErrorKind::Unavailable);
    EXPECT_GT(waited.error().retryAfterSeconds, 0);

    // The same tenant from another thread while its one share is held: 429, at once.
    const Status second_share = addRow(router(), a, u"x"_s, 1);
    ASSERT_FALSE(second_share.ok());
    EXPECT_EQ(second_share.error().code, u"tenant-pool-exhausted"_s);
    EXPECT_EQ(second_share.error().kind, ErrorKind::TooManyRequests);

    release.release(2);
    first->wait();
    second->wait();
    // The holders' threads have ended and closed their connections: room again.
    EXPECT_TRUE(addRow(router(), c, u"x"_s, 1).ok());
}

TEST_P(RouterLimitsTest, IdleConnectionsAreClosed)
{
    const Tenant t = mustCreate(u"idle"_s, u"database"_s);
    ASSERT_TRUE(addRow(router(), t, u"x"_s, 1).ok());
    EXPECT_EQ(router().stats().open, 1);
    router().closeIdle(); // not idle long enough yet
    EXPECT_EQ(router().stats().open, 1);
    const Storage::SpaceAddress space = m_plane->names().locate(t).value();
    router().retire(space);
    EXPECT_EQ(router().stats().open, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, RouterLimitsTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
} // namespace Tenantry::Testing
