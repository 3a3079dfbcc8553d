#include "core/security/apikey.h"
#include "tests/integration/storage/catalogfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class TenantServiceTest : public CatalogFixture
{
protected:
    QString dataPath(const Tenant &t) const { return m_dataSpace->pathFor(t); }

    int rowCount(const QString &table)
    {
        auto db = m_catalog->connection();
        QSqlQuery q(db.value());
        EXPECT_TRUE(q.exec(u"SELECT COUNT(*) FROM "_s + table) && q.next());
        return q.value(0).toInt();
    }
};

// A data space that fails on demand, to prove registration leaves nothing behind.
class FailingDataSpace final : public DataSpace
{
public:
    Status create(const Tenant &) override { return Error::unavailable(u"data-space-failed"_s, u"disk full"_s); }
    Status destroy(const Tenant &) override { return {}; }
    Result<qint64> usedBytes(const Tenant &) const override { return qint64(0); }
};

TEST_P(TenantServiceTest, RegistersActivatesAndInitializesTheDataSpace)
{
    const CreatedTenant created = mustCreate(u"Acme"_s, u"pro"_s);
    EXPECT_EQ(created.tenant.slug, u"acme"_s);
    EXPECT_EQ(created.tenant.status, TenantStatus::Active);
    EXPECT_EQ(created.tenant.plan, u"pro"_s);
    EXPECT_EQ(created.tenant.isolation, u"shared"_s);
    EXPECT_TRUE(QFileInfo::exists(dataPath(created.tenant) + u"/tenant.json"_s));
    EXPECT_TRUE(Security::looksLikeApiKey(created.firstKey.secret.toLatin1()));
    // The directory knows the tenant and its key at once, without a reload.
    auto snapshot = m_directory.snapshot();
    ASSERT_TRUE(snapshot->findSlug(u"acme"_s));
    EXPECT_EQ(snapshot->keysByHash.value(Security::hashApiKey(created.firstKey.secret.toLatin1())).tenantId,
              created.tenant.id);
    // Only the hash is stored.
    auto db = m_catalog->connection();
    QSqlQuery q(db.value());
    ASSERT_TRUE(q.exec(u"SELECT key_hash, masked FROM api_keys"_s) && q.next());
    EXPECT_NE(q.value(0).toString(), created.firstKey.secret);
    EXPECT_FALSE(q.value(1).toString().contains(created.firstKey.secret.mid(16)));
}

TEST_P(TenantServiceTest, SlugsAreUniqueCaseInsensitivelyAndValidated)
{
    mustCreate(u"acme"_s);
    NewTenant again;
    again.slug = u"ACME"_s;
    auto dup = m_service->create(m_actor, again);
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, u"slug-taken"_s);
    EXPECT_EQ(dup.error().kind, ErrorKind::Conflict);

    for (const QString &bad : {u"www"_s, u"-x"_s, u"a.b"_s, u""_s}) {
        NewTenant r;
        r.slug = bad;
        auto result = m_service->create(m_actor, r);
        ASSERT_FALSE(result.ok()) << bad.toStdString();
        EXPECT_EQ(result.error().kind, ErrorKind::Invalid);
    }
    EXPECT_EQ(rowCount(u"tenants"_s), 1);
}

TEST_P(TenantServiceTest, FailedRegistrationLeavesNoHalfState)
{
    FailingDataSpace failing;
    CatalogTenantService service(*m_catalog, m_directory, failing, *m_audit, m_clock);
    NewTenant r;
    r.slug = u"doomed"_s;
    auto result = service.create(m_actor, r);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, u"data-space-failed"_s);
    EXPECT_EQ(rowCount(u"tenants"_s), 0);
    EXPECT_EQ(rowCount(u"api_keys"_s), 0);
    EXPECT_EQ(rowCount(u"audit_log"_s), 0); // the audit entry rolled back with the change
    EXPECT_FALSE(m_directory.snapshot()->findSlug(u"doomed"_s));
    // The slug is still free.
    mustCreate(u"doomed"_s);
}

TEST_P(TenantServiceTest, InvalidConfigurationIsRefusedWithEveryField)
{
    NewTenant r;
    r.slug = u"acme"_s;
    r.config.displayName = u"Acme"_s;
    r.config.themeColor = u"blue"_s;
    r.config.timeZone = u"Nowhere/City"_s;
    auto result = m_service->create(m_actor, r);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, u"invalid-config"_s);
    EXPECT_EQ(result.error().fields.size(), 2);

    mustCreate(u"acme"_s);
    auto patched = m_service->updateConfig(m_actor, u"acme"_s, {{u"theme_color"_s, u"#ff0000"_s}, {u"locale"_s, u"zh_CN"_s}});
    ASSERT_TRUE(patched.ok()) << patched.error().message.toStdString();
    EXPECT_EQ(m_service->get(u"acme"_s)->config.locale, u"zh_CN"_s);
    auto bad = m_service->updateConfig(m_actor, u"acme"_s, {{u"time_zone"_s, u"Mars/Base"_s}});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(m_service->get(u"acme"_s)->config.timeZone, u"UTC"_s); // unchanged
}

TEST_P(TenantServiceTest, LifecycleWithRetentionAndPurge)
{
    const Tenant t = mustCreate(u"acme"_s).tenant;
    EXPECT_EQ(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Suspend)->status, TenantStatus::Suspended);
    auto illegal = m_service->apply(m_actor, u"acme"_s, LifecycleAction::Suspend);
    ASSERT_FALSE(illegal.ok());
    EXPECT_EQ(illegal.error().code, u"illegal-transition"_s);
    EXPECT_EQ(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Activate)->status, TenantStatus::Active);

    auto deleted = m_service->apply(m_actor, u"acme"_s, LifecycleAction::Delete);
    ASSERT_TRUE(deleted.ok());
    EXPECT_EQ(deleted->purgeAfter, m_clock.now().addDays(30));
    auto early = m_service->apply(m_actor, u"acme"_s, LifecycleAction::Purge);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, u"retention-not-elapsed"_s);
    EXPECT_EQ(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Restore)->status, TenantStatus::Suspended);
    ASSERT_TRUE(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Delete).ok());

    m_clock.advanceSeconds(30 * 86400 + 1);
    auto purged = m_service->purgeExpired();
    ASSERT_TRUE(purged.ok());
    EXPECT_EQ(purged.value(), 1);
    EXPECT_FALSE(QFileInfo::exists(dataPath(t)));
    EXPECT_FALSE(m_directory.snapshot()->findId(t.id));
    EXPECT_EQ(m_service->get(u"acme"_s).error().code, u"tenant-not-found"_s);
    // Purging frees the slug for a new, different tenant.
    EXPECT_NE(mustCreate(u"acme"_s).tenant.id, t.id);
}

TEST_P(TenantServiceTest, ForcedPurgeRevokesKeys)
{
    const CreatedTenant c = mustCreate(u"acme"_s);
    ASSERT_TRUE(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Delete).ok());
    ASSERT_TRUE(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Purge, true).ok());
    EXPECT_TRUE(m_directory.snapshot()->keysByHash.isEmpty());
    auto db = m_catalog->connection();
    QSqlQuery q(db.value());
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL"_s) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
}

TEST_P(TenantServiceTest, ListSearchesFiltersAndPages)
{
    for (int i = 0; i < 25; ++i)
        mustCreate(u"tenant-%1"_s.arg(i, 2, 10, QLatin1Char('0')), i % 2 ? u"pro"_s : u"free"_s);
    mustCreate(u"globex"_s);
    ASSERT_TRUE(m_service->apply(m_actor, u"globex"_s, LifecycleAction::Suspend).ok());

    TenantQuery q;
    q.limit = 10;
    QStringList seen;
    for (int page = 0; page < 5; ++page) {
        auto result = m_service->list(q);
        ASSERT_TRUE(result.ok());
        EXPECT_EQ(result->total, 26);
        for (const Tenant &t : result->items)
            seen.append(t.slug);
        if (result->nextCursor.isEmpty())
            break;
        q.afterSlug = result->nextCursor;
    }
    EXPECT_EQ(seen.size(), 26);
    EXPECT_EQ(seen.removeDuplicates(), 0);

    TenantQuery search;
    search.search = u"GLOB"_s;
    EXPECT_EQ(m_service->list(search)->total, 1);
    search.search = u"_"_s; // LIKE wildcards are literal
    EXPECT_EQ(m_service->list(search)->total, 0);
    TenantQuery byStatus;
    byStatus.statuses = {TenantStatus::Suspended};
    EXPECT_EQ(m_service->list(byStatus)->items.value(0).slug, u"globex"_s);
    TenantQuery byPlan;
    byPlan.plan = u"pro"_s;
    EXPECT_EQ(m_service->list(byPlan)->total, 12);
    TenantQuery bad;
    bad.limit = 0;
    EXPECT_EQ(m_service->list(bad).error().code, u"invalid-limit"_s);
}

TEST_P(TenantServiceTest, CloneCopiesConfigurationAndPlanButNotKeys)
{
    mustCreate(u"acme"_s, u"enterprise"_s);
    ASSERT_TRUE(m_service->updateConfig(m_actor, u"acme"_s, {{u"settings"_s, QJsonObject{{u"sso"_s, true}}},
                                                    {u"theme_color"_s, u"#123456"_s}}).ok());
    auto clone = m_service->clone(m_actor, u"acme"_s, u"acme-staging"_s, {{u"display_name"_s, u"Acme Staging"_s}});
    ASSERT_TRUE(clone.ok()) << clone.error().message.toStdString();
    EXPECT_EQ(clone->tenant.plan, u"enterprise"_s);
    EXPECT_EQ(clone->tenant.config.themeColor, u"#123456"_s);
    EXPECT_TRUE(clone->tenant.config.settings.value(u"sso"_s).toBool());
    EXPECT_EQ(clone->tenant.config.displayName, u"Acme Staging"_s);
    EXPECT_EQ(clone->tenant.clonedFrom, m_service->get(u"acme"_s)->id);
    EXPECT_EQ(m_service->listKeys(u"acme-staging"_s)->size(), 1); // its own fresh key only
    EXPECT_EQ(m_service->clone(m_actor, u"acme"_s, u"acme-staging"_s).error().code, u"slug-taken"_s);
    EXPECT_EQ(m_service->clone(m_actor, u"nobody"_s, u"x1"_s).error().code, u"tenant-not-found"_s);
}

TEST_P(TenantServiceTest, KeysAreScopedToTheirTenant)
{
    mustCreate(u"acme"_s);
    mustCreate(u"globex"_s);
    auto issued = m_service->issueKey(m_actor, u"acme"_s, u"ci"_s);
    ASSERT_TRUE(issued.ok());
    const QString keyId = issued->info.id;
    // Another tenant cannot revoke (or even see) acme's key.
    EXPECT_EQ(m_service->revokeKey(m_actor, u"globex"_s, keyId).error().code, u"api-key-not-found"_s);
    for (const ApiKeyInfo &k : m_service->listKeys(u"globex"_s).value())
        EXPECT_NE(k.id, keyId);
    ASSERT_TRUE(m_service->revokeKey(m_actor, u"acme"_s, keyId).ok());
    EXPECT_FALSE(m_directory.snapshot()->keysByHash.contains(Security::hashApiKey(issued->secret.toLatin1())));
    EXPECT_EQ(m_service->revokeKey(m_actor, u"acme"_s, keyId).error().code, u"api-key-not-found"_s);
    EXPECT_EQ(m_service->issueKey(m_actor, u"acme"_s, u""_s).error().code, u"invalid-key-name"_s);
}

TEST_P(TenantServiceTest, IsolationChoiceDependsOnTheBackend)
{
    NewTenant r;
    r.slug = u"iso"_s;
    r.isolation = u"schema"_s;
    auto result = m_service->create(m_actor, r);
    if (isPostgres()) {
        ASSERT_TRUE(result.ok());
        EXPECT_EQ(result->tenant.isolation, u"schema"_s);
    } else {
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, u"isolation-unsupported"_s);
    }
    r.slug = u"iso2"_s;
    r.isolation = u"bunker"_s;
    EXPECT_EQ(m_service->create(m_actor, r).error().code, u"invalid-isolation"_s);
}

TEST_P(TenantServiceTest, APlansOwnIsolationAppliesWhereNothingElseChooses)
{
    {
        auto db = m_catalog->connection();
        QSqlQuery q(db.value());
        ASSERT_TRUE(q.exec(u"UPDATE plans SET isolation = 'database' WHERE name = 'enterprise'"_s));
        ASSERT_TRUE(q.exec(u"UPDATE plans SET isolation = 'schema' WHERE name = 'pro'"_s));
    }
    EXPECT_EQ(mustCreate(u"big"_s, u"enterprise"_s).tenant.isolation, u"database"_s);
    EXPECT_EQ(mustCreate(u"small"_s, u"free"_s).tenant.isolation, u"shared"_s); // no isolation of its own
    // SQLite cannot offer the plan's schema: its tenants get the default, not a refusal.
    EXPECT_EQ(mustCreate(u"mid"_s, u"pro"_s).tenant.isolation, isPostgres() ? u"schema"_s : u"shared"_s);

    NewTenant asked;
    asked.slug = u"asked"_s;
    asked.plan = u"enterprise"_s;
    asked.isolation = u"shared"_s;
    auto created = m_service->create(m_actor, asked);
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    EXPECT_EQ(created->tenant.isolation, u"shared"_s);

    // The operator's --plan-isolation wins over the plan's own.
    TenantPolicy policy;
    policy.planIsolation.insert(u"enterprise"_s, u"shared"_s);
    CatalogTenantService configured(*m_catalog, m_directory, *m_dataSpace, *m_audit, m_clock, policy);
    NewTenant byPolicy;
    byPolicy.slug = u"policy"_s;
    byPolicy.plan = u"enterprise"_s;
    auto viaPolicy = configured.create(m_actor, byPolicy);
    ASSERT_TRUE(viaPolicy.ok()) << viaPolicy.error().message.toStdString();
    EXPECT_EQ(viaPolicy->tenant.isolation, u"shared"_s);
}

TEST_P(TenantServiceTest, AnotherProcessSeesChangesAfterRefresh)
{
    // A second catalog + service on the same database stands in for a second process.
    auto other = Catalog::open(m_location);
    ASSERT_TRUE(other.ok());
    TenantDirectory otherDirectory;
    Observe::AuditLog otherAudit(*other.value(), m_clock);
    CatalogTenantService otherService(*other.value(), otherDirectory, *m_dataSpace, otherAudit, m_clock);
    ASSERT_TRUE(otherService.loadDirectory().ok());
    EXPECT_FALSE(otherService.refreshIfChanged().value());

    mustCreate(u"acme"_s);
    EXPECT_FALSE(otherDirectory.snapshot()->findSlug(u"acme"_s));
    EXPECT_TRUE(otherService.refreshIfChanged().value());
    EXPECT_TRUE(otherDirectory.snapshot()->findSlug(u"acme"_s));
    ASSERT_TRUE(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Suspend).ok());
    EXPECT_TRUE(otherService.refreshIfChanged().value());
    EXPECT_EQ(otherDirectory.snapshot()->findSlug(u"acme"_s)->status, TenantStatus::Suspended);
}

TEST_P(TenantServiceTest, EveryChangeIsAuditedWithActorAndBeforeAfter)
{
    const CreatedTenant c = mustCreate(u"acme"_s);
    ASSERT_TRUE(m_service->updateConfig(m_actor, u"acme"_s, {{u"locale"_s, u"zh_CN"_s}}).ok());
    ASSERT_TRUE(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Suspend).ok());
    auto key = m_service->issueKey(m_actor, u"acme"_s, u"ci"_s);
    ASSERT_TRUE(key.ok());
    ASSERT_TRUE(m_service->revokeKey(m_actor, u"acme"_s, key->info.id).ok());
    ASSERT_TRUE(m_service->clone(m_actor, u"acme"_s, u"acme-two"_s).ok());
    // A refused change leaves no entry.
    EXPECT_FALSE(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Suspend).ok());

    Observe::AuditQuery query;
    query.tenantId = c.tenant.id;
    auto page = m_audit->query(query);
    ASSERT_TRUE(page.ok()) << page.error().message.toStdString();
    QStringList actions;
    for (const Observe::AuditEntry &e : page->items) {
        actions.append(e.action);
        EXPECT_EQ(e.actor, u"test-operator"_s);
        EXPECT_EQ(e.requestId, u"req-1"_s);
        EXPECT_EQ(e.source, u"127.0.0.1"_s);
    }
    EXPECT_EQ(actions, (QStringList{u"tenant.create"_s, u"tenant.configure"_s, u"tenant.suspend"_s,
                                    u"api_key.issue"_s, u"api_key.revoke"_s}));
    const Observe::AuditEntry &configured = page->items.at(1);
    EXPECT_EQ(configured.before.toObject().value(u"locale"_s).toString(), u"en_US"_s);
    EXPECT_EQ(configured.after.toObject().value(u"locale"_s).toString(), u"zh_CN"_s);
    // Secrets never reach the trail: only masked keys.
    for (const Observe::AuditEntry &e : page->items) {
        EXPECT_FALSE(QJsonDocument(e.after.toObject()).toJson().contains(key->secret.toUtf8()));
        EXPECT_FALSE(QJsonDocument(e.after.toObject()).toJson().contains(c.firstKey.secret.toUtf8()));
    }
    auto verified = m_audit->verify();
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->intact) << verified->message.toStdString();
}

TEST_P(TenantServiceTest, ExpiredPurgesAreAuditedAsTheSystem)
{
    mustCreate(u"acme"_s);
    ASSERT_TRUE(m_service->apply(m_actor, u"acme"_s, LifecycleAction::Delete).ok());
    m_clock.advanceSeconds(31 * 86400);
    ASSERT_EQ(m_service->purgeExpired().value(), 1);
    Observe::AuditQuery query;
    query.action = u"tenant.purge"_s;
    auto page = m_audit->query(query);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->items.size(), 1);
    EXPECT_EQ(page->items.first().actor, u"system"_s);
}

INSTANTIATE_TEST_SUITE_P(Backends, TenantServiceTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
