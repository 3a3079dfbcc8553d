#include "core/storage/fleetmigrator.h"
#include "core/storage/ownerconnection.h"
#include "core/storage/spacemigrator.h"
#include "tests/integration/storage/catalogfixture.h"

#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <chrono>
#include <condition_variable>
#include <mutex>

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kExtraVersion = 9001;

// Adds a tenant table (tenant_id first, as every tenant table must have) and an index.
Migration extraMigration()
{
    return {kExtraVersion, u"9001_test_extra.sql"_s,
            u"CREATE TABLE test_extra (\n"
            "    tenant_id TEXT NOT NULL,\n"
            "    id TEXT NOT NULL,\n"
            "    note TEXT NOT NULL,\n"
            "    PRIMARY KEY (tenant_id, id)\n"
            ");\n"
            "CREATE INDEX test_extra_note ON test_extra (tenant_id, note);\n"_s};
}

// Tenants registered through the tenant service on a real data plane (the shipped
// migrations), and a second data plane that knows one migration more: an upgrade.
class FleetTest : public CatalogBackendTest
{
protected:
    void SetUp() override
    {
        CatalogBackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        auto plane = DataPlane::open(*m_catalog, m_location.database);
        ASSERT_TRUE(plane.ok()) << plane.error().message.toStdString();
        m_plane = std::move(plane).value();
        m_audit = std::make_unique<Observe::AuditLog>(*m_catalog, m_clock);
        m_service = std::make_unique<CatalogTenantService>(*m_catalog, m_directory, *m_plane, *m_audit, m_clock);
        ASSERT_TRUE(m_service->loadDirectory().ok());
    }

    void TearDown() override
    {
        m_service.reset();
        m_audit.reset();
        m_upgraded.reset();
        m_plane.reset();
        CatalogBackendTest::TearDown();
    }

    QStringList strategies() const
    {
        return isPostgres() ? QStringList{u"shared"_s, u"schema"_s, u"database"_s} : QStringList{u"shared"_s, u"database"_s};
    }

    Tenant mustCreate(const QString &slug, const QString &isolation)
    {
        NewTenant request;
        request.slug = slug;
        request.isolation = isolation;
        auto created = m_service->create(m_actor, request);
        EXPECT_TRUE(created.ok()) << created.error().message.toStdString();
        return created.ok() ? created->tenant : Tenant{};
    }

    // Two shared tenants and eight in spaces of their own, spread over the dialect's
    // per-tenant strategies.
    void registerFleet()
    {
        mustCreate(u"shared-a"_s, u"shared"_s);
        mustCreate(u"shared-b"_s, u"shared"_s);
        const QStringList own = strategies().mid(1);
        for (int i = 0; i < 8; ++i) {
            const QString strategy = own.at(i % own.size());
            mustCreate(u"%1-%2"_s.arg(strategy).arg(i / own.size()), strategy);
        }
    }

    QList<Tenant> fleet() const
    {
        QList<Tenant> all;
        for (const auto &tenant : std::as_const(m_directory.snapshot()->byId))
            all.append(*tenant);
        return all;
    }

    Tenant tenant(const QString &slug) const
    {
        const auto found = m_directory.snapshot()->findSlug(slug);
        if (!found)
            ADD_FAILURE() << "no tenant " << slug.toStdString();
        return found ? *found : Tenant{};
    }

    DataPlane &upgraded()
    {
        if (!m_upgraded) {
            DataPlaneOptions options;
            options.migrations = tenantMigrations(m_catalog->dialect());
            options.migrations.append(extraMigration());
            auto plane = DataPlane::open(*m_catalog, m_location.database, options);
            EXPECT_TRUE(plane.ok()) << plane.error().message.toStdString();
            m_upgraded = std::move(plane).value();
        }
        return *m_upgraded;
    }

    int versionOf(const Tenant &t)
    {
        auto version = m_plane->version(t);
        EXPECT_TRUE(version.ok()) << t.slug.toStdString() << ": " << version.error().message.toStdString();
        return version.ok() ? version.value() : -1;
    }

    // An owner connection to the tenant's space, and the schema its tables are in.
    OwnerConnection ownerOf(const Tenant &t, QString *schema)
    {
        const SpaceAddress space = m_plane->names().locate(t).value();
        *schema = space.schema;
        auto owner = space.isPostgres() ? OwnerConnection::postgres(*m_location.database, space.database)
                                        : OwnerConnection::sqlite(space.database, false);
        EXPECT_TRUE(owner.ok()) << owner.error().message.toStdString();
        return std::move(owner).value();
    }

    // Runs one statement in the tenant's space as its owner, with `table` qualified by the
    // space's schema on PostgreSQL.
    void ownerExec(const Tenant &t, const QString &sqlWithTable, const QString &table = u"test_extra"_s)
    {
        QString schema;
        OwnerConnection owner = ownerOf(t, &schema);
        const QString qualified = schema.isEmpty() ? table : schema + u'.' + table;
        QSqlQuery q(owner.db());
        ASSERT_TRUE(q.exec(sqlWithTable.arg(qualified))) << q.lastError().text().toStdString();
    }

    bool hasExtraTable(const Tenant &t)
    {
        QString schema;
        OwnerConnection owner = ownerOf(t, &schema);
        QSqlQuery q(owner.db());
        const bool ran = schema.isEmpty()
            ? q.exec(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'test_extra_note'"_s)
            : q.exec(u"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '%1' AND indexname = 'test_extra_note'"_s.arg(schema));
        EXPECT_TRUE(ran) << q.lastError().text().toStdString();
        return ran && q.next() && q.value(0).toInt() == 1;
    }

    // pg_class.relrowsecurity and relforcerowsecurity of the space's test_extra table.
    std::pair<bool, bool> rowSecurityOf(const Tenant &t)
    {
        QString schema;
        OwnerConnection owner = ownerOf(t, &schema);
        QSqlQuery q(owner.db());
        EXPECT_TRUE(q.exec(u"SELECT c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = '%1' AND c.relname = 'test_extra'"_s.arg(schema)))
            << q.lastError().text().toStdString();
        if (!q.next())
            return {false, false};
        return {q.value(0).toBool(), q.value(1).toBool()};
    }

    QSet<QString> perTenantSlugs() const
    {
        QSet<QString> slugs;
        for (const Tenant &t : fleet()) {
            if (t.isolation != "shared"_L1)
                slugs.insert(t.slug);
        }
        return slugs;
    }

    TenantDirectory m_directory;
    std::unique_ptr<DataPlane> m_plane;
    std::unique_ptr<DataPlane> m_upgraded;
    std::unique_ptr<Observe::AuditLog> m_audit;
    std::unique_ptr<CatalogTenantService> m_service;
    Actor m_actor{u"test-operator"_s, u"req-1"_s, u"127.0.0.1"_s};
};

TEST_P(FleetTest, BringsEverySpaceToTheLatestVersionAndVisitsTheSharedSpaceOnceFirst)
{
    registerFleet();
    const QString own = strategies().last();
    // A deleted tenant can still be restored, so its space is migrated; a purged one has none.
    ASSERT_TRUE(m_service->apply(m_actor, u"%1-1"_s.arg(own), LifecycleAction::Delete).ok());
    ASSERT_TRUE(m_service->apply(m_actor, u"%1-3"_s.arg(own), LifecycleAction::Delete).ok());
    auto purged = m_service->apply(m_actor, u"%1-3"_s.arg(own), LifecycleAction::Purge, true);
    ASSERT_TRUE(purged.ok()) << purged.error().message.toStdString();
    QList<Tenant> tenants = fleet();
    tenants.append(purged.value()); // handed in anyway: it must be skipped
    for (const Tenant &t : fleet())
        EXPECT_EQ(versionOf(t), 1) << t.slug.toStdString();

    QList<FleetProgress> seen;
    FleetOptions options;
    options.progress = [&](const FleetProgress &p) { seen.append(p); };
    FleetMigrator migrator(upgraded());
    auto report = migrator.migrate(tenants, options);
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();

    const int spaces = 1 + int(perTenantSlugs().size());
    EXPECT_EQ(report->latestVersion, kExtraVersion);
    EXPECT_EQ(report->total, spaces);
    EXPECT_EQ(report->tenants, int(fleet().size()));
    EXPECT_EQ(report->failed, 0);
    EXPECT_FALSE(report->interrupted);
    EXPECT_TRUE(report->complete());
    // Opening the upgraded data plane already migrated the shared space.
    EXPECT_EQ(report->upToDate, 1);
    EXPECT_EQ(report->migrated, spaces - 1);

    ASSERT_EQ(seen.size(), spaces);
    EXPECT_TRUE(seen.first().space.isShared());
    EXPECT_EQ(seen.first().space.tenants, 2);
    QSet<QString> visited;
    for (int i = 0; i < seen.size(); ++i) {
        const FleetProgress &p = seen.at(i);
        EXPECT_EQ(p.done, i + 1);
        EXPECT_EQ(p.total, spaces);
        EXPECT_EQ(p.to, kExtraVersion);
        if (i > 0) {
            EXPECT_FALSE(p.space.isShared());
            EXPECT_EQ(p.outcome, FleetOutcome::Migrated) << p.space.slug.toStdString();
            EXPECT_EQ(p.from, 1);
        }
        visited.insert(p.space.slug);
    }
    EXPECT_FALSE(visited.contains(purged->slug));
    EXPECT_TRUE(visited.contains(u"%1-1"_s.arg(own)));

    for (const Tenant &t : fleet()) {
        EXPECT_EQ(versionOf(t), kExtraVersion) << t.slug.toStdString();
        EXPECT_TRUE(hasExtraTable(t)) << t.slug.toStdString();
        if (isPostgres()) {
            const auto [enabled, forced] = rowSecurityOf(t);
            EXPECT_TRUE(enabled) << t.slug.toStdString();
            EXPECT_TRUE(forced) << t.slug.toStdString();
        }
    }

    // The new table holds tenant rows like the others: a tenant writes its own and the shared
    // neighbour neither sees nor forges them (PostgreSQL enforces it with row-level security).
    ConnectionRouter &router = upgraded().router();
    const Tenant a = tenant(u"shared-a"_s);
    const Tenant b = tenant(u"shared-b"_s);
    ASSERT_TRUE(router.run(a, [](TenantSession &s) -> Status {
        auto q = s.exec(u"INSERT INTO test_extra (tenant_id, id, note) VALUES (:tenant, 'n1', 'secret')"_s);
        return q ? Status{} : Status{q.error()};
    }).ok());
    if (isPostgres()) {
        int visible = -1;
        ASSERT_TRUE(router.run(b, [&](TenantSession &s) -> Status {
            auto q = s.exec(u"SELECT COUNT(*) FROM test_extra WHERE tenant_id <> :tenant"_s);
            if (!q)
                return q.error();
            visible = q->next() ? q->value(0).toInt() : -1;
            return {};
        }).ok());
        EXPECT_EQ(visible, 0);
        const Status forged = router.run(b, [&](TenantSession &s) -> Status {
            auto q = s.exec(u"INSERT INTO test_extra (tenant_id, id, note) VALUES (:other, 'n2', :tenant)"_s,
                            {{u"other"_s, a.id}});
            return q ? Status{} : Status{q.error()};
        });
        EXPECT_FALSE(forged.ok());
    }
    int own_rows = -1;
    ASSERT_TRUE(router.run(a, [&](TenantSession &s) -> Status {
        auto q = s.exec(u"SELECT COUNT(*) FROM test_extra WHERE tenant_id = :tenant"_s);
        if (!q)
            return q.error();
        own_rows = q->next() ? q->value(0).toInt() : -1;
        return {};
    }).ok());
    EXPECT_EQ(own_rows, 1);
}

TEST_P(FleetTest, OneBrokenSpaceFailsAloneAndARerunResumes)
{
    registerFleet();
    // A table of the migration's name already in the way: its CREATE TABLE fails.
    QStringList broken;
    for (const QString &strategy : strategies().mid(1)) {
        const Tenant victim = tenant(u"%1-0"_s.arg(strategy));
        ownerExec(victim, u"CREATE TABLE %1 (x INTEGER)"_s);
        broken.append(victim.slug);
    }

    FleetMigrator migrator(upgraded());
    auto first = migrator.migrate(fleet(), FleetOptions{.concurrency = 3});
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->failed, broken.size());
    EXPECT_FALSE(first->complete());
    EXPECT_FALSE(first->interrupted);
    EXPECT_EQ(first->migrated + first->upToDate, first->total - broken.size());
    QStringList failedSlugs;
    for (const FleetFailure &f : first->failures) {
        failedSlugs.append(f.space.slug);
        EXPECT_EQ(f.error.code, u"database-error"_s);
        EXPECT_TRUE(f.error.message.contains(u"test_extra"_s)) << f.error.message.toStdString();
    }
    broken.sort();
    EXPECT_EQ(failedSlugs, broken); // ordered by slug
    for (const Tenant &t : fleet())
        EXPECT_EQ(versionOf(t), broken.contains(t.slug) ? 1 : kExtraVersion) << t.slug.toStdString();

    for (const QString &slug : std::as_const(broken))
        ownerExec(tenant(slug), u"DROP TABLE %1"_s);
    QList<FleetProgress> seen;
    FleetOptions options{.concurrency = 3};
    options.progress = [&](const FleetProgress &p) { seen.append(p); };
    auto second = migrator.migrate(fleet(), options);
    ASSERT_TRUE(second.ok());
    EXPECT_TRUE(second->complete());
    EXPECT_EQ(second->migrated, broken.size());
    EXPECT_EQ(second->upToDate, second->total - broken.size());
    for (const FleetProgress &p : std::as_const(seen)) {
        EXPECT_EQ(p.outcome, broken.contains(p.space.slug) ? FleetOutcome::Migrated : FleetOutcome::UpToDate)
            << p.space.slug.toStdString();
    }
    for (const Tenant &t : fleet()) {
        EXPECT_EQ(versionOf(t), kExtraVersion);
        EXPECT_TRUE(hasExtraTable(t)) << t.slug.toStdString();
    }
}

TEST_P(FleetTest, NeverWorksOnMoreSpacesThanTheConcurrencyCap)
{
    registerFleet();
    constexpr int cap = 3;
    std::mutex mutex;
    std::condition_variable arrivedAll;
    int active = 0;
    int busiest = 0;
    int perTenantStarted = 0;
    bool sharedAlone = true;
    FleetOptions options{.concurrency = cap};
    options.started = [&](const FleetSpace &space) {
        std::unique_lock lock(mutex);
        busiest = std::max(busiest, ++active);
        if (space.isShared()) {
            sharedAlone = sharedAlone && active == 1;
            return;
        }
        // The first `cap` per-tenant spaces wait for each other, so the run must really
        // have `cap` spaces in flight at once — and any more would show in `busiest`.
        if (++perTenantStarted <= cap) {
            arrivedAll.notify_all();
            arrivedAll.wait_for(lock, std::chrono::seconds(30), [&] { return perTenantStarted >= cap; });
        }
    };
    options.progress = [&](const FleetProgress &) {
        std::lock_guard lock(mutex);
        --active;
    };
    auto report = FleetMigrator(upgraded()).migrate(fleet(), options);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->complete());
    EXPECT_EQ(busiest, cap);
    EXPECT_GE(perTenantStarted, cap);
    EXPECT_TRUE(sharedAlone);
    EXPECT_EQ(active, 0);

    EXPECT_EQ(FleetMigrator(upgraded()).migrate(fleet(), FleetOptions{.concurrency = 0}).error().code, u"invalid-concurrency"_s);
    EXPECT_EQ(FleetMigrator(upgraded()).migrate(fleet(), FleetOptions{.concurrency = 65}).error().code, u"invalid-concurrency"_s);
}

TEST_P(FleetTest, StopFlagStartsNothingNewAndARerunCompletes)
{
    registerFleet();
    std::atomic<bool> stop{false};
    QMutex mutex;
    QSet<QString> started;
    FleetOptions options{.concurrency = 2};
    options.stop = &stop;
    options.started = [&](const FleetSpace &space) {
        QMutexLocker lock(&mutex);
        started.insert(space.slug);
    };
    options.progress = [&](const FleetProgress &p) {
        if (p.done == 3)
            stop = true;
    };
    FleetMigrator migrator(upgraded());
    auto report = migrator.migrate(fleet(), options);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->interrupted);
    EXPECT_FALSE(report->complete());
    EXPECT_EQ(report->failed, 0);
    // Three finished when the flag went up; at most one more was already running.
    const int finished = report->migrated + report->upToDate;
    EXPECT_GE(finished, 3);
    EXPECT_LE(finished, 4);
    EXPECT_EQ(finished, int(started.size()));
    EXPECT_EQ(report->notStarted, report->total - finished);

    for (const Tenant &t : fleet()) {
        if (t.isolation == "shared"_L1)
            continue;
        EXPECT_EQ(versionOf(t), started.contains(t.slug) ? kExtraVersion : 1) << t.slug.toStdString();
    }

    auto rerun = migrator.migrate(fleet(), FleetOptions{.concurrency = 2});
    ASSERT_TRUE(rerun.ok());
    EXPECT_TRUE(rerun->complete());
    EXPECT_FALSE(rerun->interrupted);
    EXPECT_EQ(rerun->upToDate, finished);
    EXPECT_EQ(rerun->migrated, rerun->total - finished);
    for (const Tenant &t : fleet())
        EXPECT_EQ(versionOf(t), kExtraVersion) << t.slug.toStdString();

    // Stopped before anything started: nothing is touched, not even the shared space.
    std::atomic<bool> stopped{true};
    FleetOptions early;
    early.stop = &stopped;
    auto none = migrator.migrate(fleet(), early);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->notStarted, none->total);
    EXPECT_TRUE(none->interrupted);
}

TEST_P(FleetTest, SurveyCountsSpacesPerStrategyAndVersionAndNamesThoseBehind)
{
    registerFleet();
    FleetMigrator migrator(upgraded());
    QList<FleetProgress> seen;
    FleetOptions options{.concurrency = 3};
    options.progress = [&](const FleetProgress &p) { seen.append(p); };
    auto before = migrator.survey(fleet(), options);
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(before->latestVersion, kExtraVersion);
    EXPECT_EQ(before->total, 1 + int(perTenantSlugs().size()));
    EXPECT_FALSE(before->complete());
    EXPECT_TRUE(before->failures.isEmpty());
    EXPECT_EQ(before->versions.value(u"shared"_s), (QMap<int, int>{{kExtraVersion, 1}}));
    int perTenant = 0;
    for (const QString &strategy : strategies().mid(1)) {
        EXPECT_EQ(before->versions.value(strategy).keys(), QList<int>{1}) << strategy.toStdString();
        perTenant += before->versions.value(strategy).value(1);
    }
    EXPECT_EQ(perTenant, int(perTenantSlugs().size()));
    QSet<QString> behind;
    for (const BehindSpace &b : before->behind) {
        EXPECT_EQ(b.version, 1);
        behind.insert(b.space.slug);
    }
    EXPECT_EQ(behind, perTenantSlugs());
    EXPECT_EQ(seen.size(), before->total);
    // A survey changes nothing.
    for (const QString &slug : perTenantSlugs())
        EXPECT_EQ(versionOf(tenant(slug)), 1);

    ASSERT_TRUE(migrator.migrate(fleet()).ok());
    auto after = migrator.survey(fleet());
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after->complete());
    EXPECT_TRUE(after->behind.isEmpty());
    for (const QString &strategy : strategies())
        EXPECT_EQ(after->versions.value(strategy).keys(), QList<int>{kExtraVersion}) << strategy.toStdString();

    // The build that only knows the shipped migrations sees spaces it must not touch.
    auto tooNew = FleetMigrator(*m_plane).survey(fleet());
    ASSERT_TRUE(tooNew.ok());
    EXPECT_EQ(tooNew->failures.size(), perTenantSlugs().size() + 1);
    for (const FleetFailure &f : tooNew->failures)
        EXPECT_EQ(f.error.code, u"schema-too-new"_s);
    auto refused = FleetMigrator(*m_plane).migrate({tenant(u"shared-a"_s)});
    ASSERT_TRUE(refused.ok());
    ASSERT_EQ(refused->failures.size(), 1);
    EXPECT_EQ(refused->failures.first().error.code, u"schema-too-new"_s);
}

INSTANTIATE_TEST_SUITE_P(Backends, FleetTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
