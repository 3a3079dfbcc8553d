// The console's tenant service over a real server: every call of the interface, the
// server's errors, the operator recorded in the server's audit trail, and one tenant's
// calls never reaching another's data.
#include "core/remote/remotetenantservice.h"
#include "tests/integration/remote/remoteserverfixture.h"
#include "tests/support/rawhttp.h"

#include <QJsonArray>

using namespace Tenantry;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class RemoteTenantServiceTest : public RemoteServerTest
{
protected:
    void SetUp() override
    {
        RemoteServerTest::SetUp();
        if (HasFatalFailure())
            return;
        m_tenants = std::make_unique<Remote::RemoteTenantService>(client());
    }

    CreatedTenant create(const QString &slug, const QString &plan = u"free"_s)
    {
        NewTenant request;
        request.slug = slug;
        request.plan = plan;
        auto created = m_tenants->create(m_operator, request);
        EXPECT_TRUE(created) << created.error().message.toStdString();
        return created ? created.value() : CreatedTenant{};
    }

    // The tenant API's view of the key's tenant: 200 while the key is good.
    int callAs(const QString &slug, const QString &key)
    {
        return sendRequest(server().port(), "GET", "/api/v1/me",
                           {{"X-Tenant-ID", slug.toUtf8()}, {"X-API-Key", key.toUtf8()}})
            .status;
    }

    const Actor m_operator{u"console:alice"_s, {}, {}};
    std::unique_ptr<Remote::RemoteTenantService> m_tenants;
};

TEST_F(RemoteTenantServiceTest, CreatesWithConfigurationAndGivesTheFirstKeyOnce)
{
    int changed = 0;
    QObject::connect(m_tenants.get(), &TenantService::tenantChanged, [&changed] { ++changed; });
    NewTenant request;
    request.slug = u"acme"_s;
    request.plan = u"basic"_s;
    request.config.displayName = u"Acme Corp"_s;
    request.config.locale = u"de_DE"_s;
    request.config.timeZone = u"Europe/Berlin"_s;
    request.config.themeColor = u"#112233"_s;
    request.config.settings = {{u"tier"_s, u"gold"_s}};
    auto created = m_tenants->create(m_operator, request);
    ASSERT_TRUE(created) << created.error().message.toStdString();
    EXPECT_EQ(created->tenant.slug, u"acme"_s);
    EXPECT_EQ(created->tenant.plan, u"basic"_s);
    EXPECT_EQ(created->tenant.status, TenantStatus::Active);
    EXPECT_EQ(created->tenant.config.displayName, u"Acme Corp"_s);
    EXPECT_EQ(created->tenant.config.timeZone, u"Europe/Berlin"_s);
    EXPECT_EQ(created->tenant.config.settings.value(u"tier"_s).toString(), u"gold"_s);
    EXPECT_TRUE(created->tenant.createdAt.isValid());
    EXPECT_FALSE(created->tenant.id.isEmpty());
    ASSERT_FALSE(created->firstKey.secret.isEmpty());
    EXPECT_FALSE(created->firstKey.info.id.isEmpty());
    EXPECT_EQ(callAs(u"acme"_s, created->firstKey.secret), 200);
    EXPECT_EQ(changed, 1);

    auto fetched = m_tenants->get(u"ACME"_s);
    ASSERT_TRUE(fetched) << fetched.error().message.toStdString();
    EXPECT_EQ(fetched->id, created->tenant.id);
    EXPECT_EQ(fetched->config.locale, u"de_DE"_s);

    NewTenant unnamed;
    unnamed.slug = u"pending-one"_s;
    unnamed.activate = false;
    auto pending = m_tenants->create(m_operator, unnamed);
    ASSERT_TRUE(pending);
    EXPECT_EQ(pending->tenant.status, TenantStatus::Pending);
    EXPECT_EQ(pending->tenant.config.displayName, u"pending-one"_s);
}

TEST_F(RemoteTenantServiceTest, ListsSearchesFiltersAndPages)
{
    for (const QString &slug : {u"alpha"_s, u"beta"_s, u"gamma"_s, u"delta"_s, u"epsilon"_s})
        create(slug, slug == u"beta"_s ? u"basic"_s : u"free"_s);
    ASSERT_TRUE(m_tenants->apply(m_operator, u"gamma"_s, LifecycleAction::Suspend));

    TenantQuery query;
    query.limit = 2;
    QStringList seen;
    for (;;) {
        auto page = m_tenants->list(query);
        ASSERT_TRUE(page) << page.error().message.toStdString();
        EXPECT_EQ(page->total, 5);
        EXPECT_LE(page->items.size(), 2);
        for (const Tenant &t : page->items)
            seen.append(t.slug);
        if (page->nextCursor.isEmpty())
            break;
        query.afterSlug = page->nextCursor;
    }
    EXPECT_EQ(seen, (QStringList{u"alpha"_s, u"beta"_s, u"delta"_s, u"epsilon"_s, u"gamma"_s}));

    TenantQuery suspended;
    suspended.statuses = {TenantStatus::Suspended};
    auto onlySuspended = m_tenants->list(suspended);
    ASSERT_TRUE(onlySuspended);
    ASSERT_EQ(onlySuspended->items.size(), 1);
    EXPECT_EQ(onlySuspended->items.first().slug, u"gamma"_s);

    TenantQuery search;
    search.search = u"ta"_s; // beta, delta
    search.plan = u"basic"_s;
    auto found = m_tenants->list(search);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->items.size(), 1);
    EXPECT_EQ(found->items.first().slug, u"beta"_s);

    TenantQuery tooMany;
    tooMany.limit = 5000;
    auto refused = m_tenants->list(tooMany);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, u"invalid-query"_s);
}

TEST_F(RemoteTenantServiceTest, ChangesConfigurationAndLifecycle)
{
    create(u"acme"_s);
    auto edited = m_tenants->updateConfig(m_operator, u"acme"_s, {{u"display_name"_s, u"Acme Two"_s}});
    ASSERT_TRUE(edited) << edited.error().message.toStdString();
    EXPECT_EQ(edited->config.displayName, u"Acme Two"_s);

    auto bad = m_tenants->updateConfig(m_operator, u"acme"_s, {{u"theme_color"_s, u"red"_s}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, ErrorKind::Invalid);
    ASSERT_FALSE(bad.error().fields.isEmpty());
    EXPECT_EQ(m_tenants->get(u"acme"_s)->config.displayName, u"Acme Two"_s); // nothing half-applied

    EXPECT_EQ(m_tenants->apply(m_operator, u"acme"_s, LifecycleAction::Suspend)->status, TenantStatus::Suspended);
    auto again = m_tenants->apply(m_operator, u"acme"_s, LifecycleAction::Restore);
    ASSERT_FALSE(again); // restore is for deleted tenants
    EXPECT_EQ(again.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(m_tenants->apply(m_operator, u"acme"_s, LifecycleAction::Delete)->status, TenantStatus::Deleted);
    auto early = m_tenants->apply(m_operator, u"acme"_s, LifecycleAction::Purge);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, u"retention-not-elapsed"_s);
    auto purged = m_tenants->apply(m_operator, u"acme"_s, LifecycleAction::Purge, true);
    ASSERT_TRUE(purged) << purged.error().message.toStdString();
    EXPECT_EQ(purged->status, TenantStatus::Purged);
    auto gone = m_tenants->get(u"acme"_s);
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().code, u"tenant-not-found"_s);
}

TEST_F(RemoteTenantServiceTest, ClonesAndRefusesATakenSlug)
{
    create(u"acme"_s, u"basic"_s);
    ASSERT_TRUE(m_tenants->updateConfig(m_operator, u"acme"_s, {{u"locale"_s, u"fr_FR"_s}}));
    auto clone = m_tenants->clone(m_operator, u"acme"_s, u"acme-eu"_s, {{u"display_name"_s, u"Acme EU"_s}});
    ASSERT_TRUE(clone) << clone.error().message.toStdString();
    EXPECT_EQ(clone->tenant.plan, u"basic"_s);
    EXPECT_EQ(clone->tenant.config.locale, u"fr_FR"_s);
    EXPECT_EQ(clone->tenant.config.displayName, u"Acme EU"_s);
    EXPECT_EQ(clone->tenant.clonedFrom, m_tenants->get(u"acme"_s)->id);
    EXPECT_EQ(callAs(u"acme-eu"_s, clone->firstKey.secret), 200);

    NewTenant taken;
    taken.slug = u"acme"_s;
    auto refused = m_tenants->create(m_operator, taken);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, u"slug-taken"_s);
    EXPECT_EQ(refused.error().kind, ErrorKind::Conflict);
}

TEST_F(RemoteTenantServiceTest, IssuesListsAndRevokesKeys)
{
    const CreatedTenant acme = create(u"acme"_s);
    auto issued = m_tenants->issueKey(m_operator, u"acme"_s, u"ci"_s);
    ASSERT_TRUE(issued) << issued.error().message.toStdString();
    EXPECT_EQ(issued->info.name, u"ci"_s);
    EXPECT_EQ(callAs(u"acme"_s, issued->secret), 200);

    auto keys = m_tenants->listKeys(u"acme"_s);
    ASSERT_TRUE(keys);
    ASSERT_EQ(keys->size(), 2);
    for (const ApiKeyInfo &key : keys.value()) {
        EXPECT_FALSE(key.masked.isEmpty());
        EXPECT_FALSE(issued->secret.startsWith(key.masked)); // masked, never the whole key
        EXPECT_FALSE(key.revokedAt.isValid());
    }

    ASSERT_TRUE(m_tenants->revokeKey(m_operator, u"acme"_s, issued->info.id));
    EXPECT_EQ(callAs(u"acme"_s, issued->secret), 401);
    EXPECT_EQ(callAs(u"acme"_s, acme.firstKey.secret), 200);
    int revoked = 0;
    for (const ApiKeyInfo &key : m_tenants->listKeys(u"acme"_s).value())
        revoked += key.revokedAt.isValid() ? 1 : 0;
    EXPECT_EQ(revoked, 1);
}

TEST_F(RemoteTenantServiceTest, RecordsTheOperatorInTheServersAuditTrail)
{
    create(u"acme"_s);
    ASSERT_TRUE(m_tenants->apply(m_operator, u"acme"_s, LifecycleAction::Suspend));
    auto entries = client().getJson(u"/admin/v1/audit"_s, QUrlQuery(u"action=tenant.*"_s));
    ASSERT_TRUE(entries);
    const QJsonArray items = entries->value(u"items"_s).toArray();
    ASSERT_EQ(items.size(), 2);
    for (const QJsonValue &item : items)
        EXPECT_EQ(item.toObject().value(u"actor"_s).toString(), u"admin:console:alice"_s);

    // A name that is not a tame identifier is not recorded as one.
    ASSERT_TRUE(client().send("POST", u"/admin/v1/tenants/acme/activate"_s, {}, "{}", "application/json", {},
                              u"alice <script>"_s));
    auto last = client().getJson(u"/admin/v1/audit"_s, QUrlQuery(u"action=tenant.activate"_s));
    ASSERT_TRUE(last);
    EXPECT_EQ(last->value(u"items"_s).toArray().first().toObject().value(u"actor"_s).toString(), u"admin"_s);
}

TEST_F(RemoteTenantServiceTest, OneTenantsCallsNeverReachAnothersData)
{
    const CreatedTenant acme = create(u"acme"_s);
    const CreatedTenant globex = create(u"globex"_s);

    // Globex's key cannot be revoked through Acme, and keeps working.
    const Status crossRevoke = m_tenants->revokeKey(m_operator, u"acme"_s, globex.firstKey.info.id);
    ASSERT_FALSE(crossRevoke);
    EXPECT_EQ(crossRevoke.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(callAs(u"globex"_s, globex.firstKey.secret), 200);
    // Neither does one tenant's key open the other's door.
    EXPECT_EQ(callAs(u"globex"_s, acme.firstKey.secret), 401);

    // Acme's keys list holds Acme's keys only.
    auto keys = m_tenants->listKeys(u"acme"_s);
    ASSERT_TRUE(keys);
    ASSERT_EQ(keys->size(), 1);
    EXPECT_EQ(keys->first().id, acme.firstKey.info.id);

    // Changing and suspending Acme leaves Globex as it was.
    ASSERT_TRUE(m_tenants->updateConfig(m_operator, u"acme"_s, {{u"display_name"_s, u"Only Acme"_s}}));
    ASSERT_TRUE(m_tenants->apply(m_operator, u"acme"_s, LifecycleAction::Suspend));
    auto other = m_tenants->get(u"globex"_s);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->config.displayName, u"globex"_s);
    EXPECT_EQ(other->status, TenantStatus::Active);
}

TEST_F(RemoteTenantServiceTest, AnUnreachableServerIsAnErrorNotAnEmptyList)
{
    server().stop();
    auto page = m_tenants->list({});
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().kind, ErrorKind::Unavailable);
}

} // namespace
