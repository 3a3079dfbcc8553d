#include "core/storage/catalogtenantservice.h"

#include "core/security/apikey.h"
#include "core/storage/catalogquotaservice.h"
#include "core/storage/meterrepository.h"
#include "core/storage/subscriptionrepository.h"
#include "core/storage/tenantrepository.h"
#include "core/tenancy/tenantjson.h"
#include "core/tenancy/slug.h"
#include "core/tenancy/tenantconfig.h"

#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Status checkPlanName(const QString &plan)
{
    static const QRegularExpression shape(u"^[a-z][a-z0-9-]{0,31}$"_s);
    if (!shape.match(plan).hasMatch()) {
        return Error::invalid(u"invalid-plan"_s, u"A plan name is 1 to 32 characters of a-z, 0-9 and '-'."_s,
                              {{u"plan"_s, u"not a valid plan name"_s}});
    }
    return {};
}

Status checkKeyName(const QString &name)
{
    if (name.trimmed().isEmpty() || name.size() > 100) {
        return Error::invalid(u"invalid-key-name"_s, u"An API key name is 1 to 100 characters."_s,
                              {{u"name"_s, u"must be 1 to 100 characters"_s}});
    }
    return {};
}

QString tenantTarget(const Tenant &tenant)
{
    return u"tenant:"_s + tenant.slug;
}

} // namespace

CatalogTenantService::CatalogTenantService(Catalog &catalog, TenantDirectory &directory, DataSpace &dataSpace,
                                           AuditRecorder &audit, const Clock &clock, TenantPolicy policy,
                                           QObject *parent)
    : TenantService(parent)
    , m_catalog(catalog)
    , m_directory(directory)
    , m_dataSpace(dataSpace)
    , m_audit(audit)
    , m_clock(clock)
    , m_policy(std::move(policy))
{
}

Status CatalogTenantService::checkIsolation(const QString &isolation) const
{
    static const QStringList known = {u"shared"_s, u"schema"_s, u"database"_s};
    if (!known.contains(isolation)) {
        return Error::invalid(u"invalid-isolation"_s, u"Isolation must be shared, schema or database."_s,
                              {{u"isolation"_s, u"unknown strategy"_s}});
    }
    if (isolation == "schema"_L1 && m_catalog.dialect() == Dialect::Sqlite) {
        return Error::invalid(u"isolation-unsupported"_s,
                              u"Schema-per-tenant isolation needs PostgreSQL; the embedded SQLite catalog "
                              "offers shared or database isolation."_s,
                              {{u"isolation"_s, u"not available on SQLite"_s}});
    }
    return {};
}

void CatalogTenantService::committed(const Tenant &tenant)
{
    m_directory.upsert(tenant);
    Q_EMIT tenantChanged(tenant);
}

Result<TenantPage> CatalogTenantService::list(const TenantQuery &query)
{
    if (query.limit < 1 || query.limit > 1000)
        return Error::invalid(u"invalid-limit"_s, u"The page size must be between 1 and 1000."_s, {{u"limit"_s, u"out of range"_s}});
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return TenantRepository::list(db.value(), query);
}

Result<Tenant> CatalogTenantService::get(const QString &slug)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return TenantRepository::findBySlug(db.value(), slug.trimmed().toLower());
}

// The strategy asked for wins; then the operator's --plan-isolation; then the plan's own
// (plans.isolation), which is a preference: where this catalog cannot offer it (schema on
// SQLite) the default applies rather than refusing every tenant of the plan.
Result<QString> CatalogTenantService::isolationFor(const NewTenant &request) const
{
    if (!request.isolation.isEmpty())
        return request.isolation;
    if (m_policy.planIsolation.contains(request.plan))
        return m_policy.planIsolation.value(request.plan);
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto q = runQuery(db.value(), u"SELECT isolation FROM plans WHERE name = ?"_s, {request.plan});
    if (!q)
        return q.error();
    const QString own = q->next() ? q->value(0).toString() : QString();
    if (!own.isEmpty() && checkIsolation(own).ok())
        return own;
    return m_policy.defaultIsolation;
}

Result<CreatedTenant> CatalogTenantService::create(const Actor &actor, const NewTenant &request)
{
    return createTenant(actor, request, nullptr);
}

Result<CreatedTenant> CatalogTenantService::createTenant(const Actor &actor, const NewTenant &request,
                                                         const Tenant *source)
{
    Result<QString> slug = normalizeSlug(request.slug);
    if (!slug)
        return slug.error();
    TenantConfig config = request.config;
    if (config.displayName.trimmed().isEmpty())
        config.displayName = slug.value();
    if (Status valid = validateConfig(config); !valid)
        return valid.error();
    if (Status plan = checkPlanName(request.plan); !plan)
        return plan.error();
    auto chosen = isolationFor(request);
    if (!chosen)
        return chosen.error();
    const QString isolation = chosen.value();
    if (Status iso = checkIsolation(isolation); !iso)
        return iso.error();

    const QDateTime now = m_clock.now();
    Tenant tenant;
    tenant.id = newId();
    tenant.slug = slug.value();
    tenant.status = request.activate ? TenantStatus::Active : TenantStatus::Pending;
    tenant.plan = request.plan;
    tenant.isolation = isolation;
    tenant.config = config;
    tenant.createdAt = now;
    tenant.updatedAt = now;
    tenant.clonedFrom = source ? source->id : QString();

    const Security::GeneratedKey key = Security::generateApiKey();
    IssuedApiKey issued{{newId(), u"default"_s, key.masked, now, {}}, key.secret};

    bool spaceCreated = false;
    Status done = m_catalog.transaction([&](QSqlDatabase &db) -> Status {
        auto taken = TenantRepository::slugTaken(db, tenant.slug);
        if (!taken)
            return taken.error();
        if (taken.value())
            return Error::conflict(u"slug-taken"_s, u"The slug '%1' is already taken."_s.arg(tenant.slug));
        if (Status s = TenantRepository::insert(db, tenant); !s)
            return s;
        if (Status s = TenantRepository::insertKey(db, tenant.id, issued.info, key.hash); !s)
            return s;
        if (Status s = TenantRepository::bumpRevision(db); !s)
            return s;
        const AuditEvent created{tenant.id, source ? u"tenant.clone"_s : u"tenant.create"_s, tenantTarget(tenant),
                                 source ? QJsonValue(tenantToJson(*source)) : QJsonValue(QJsonValue::Null),
                                 tenantToJson(tenant)};
        if (Status s = m_audit.record(db, actor, created); !s)
            return s;
        // Last before commit: if the data space cannot be made, the rows roll back with it.
        if (Status s = m_dataSpace.create(tenant); !s)
            return s;
        spaceCreated = true;
        return {};
    });
    if (!done) {
        if (spaceCreated)
            (void)m_dataSpace.destroy(tenant); // the commit failed after the space was made
        return done.error();
    }
    m_directory.addKey(key.hash, {issued.info.id, tenant.id});
    committed(tenant);
    return CreatedTenant{tenant, issued};
}

Result<Tenant> CatalogTenantService::findChangeable(const QString &slug)
{
    auto tenant = get(slug);
    if (tenant && tenant->status == TenantStatus::Deleted) {
        return Error::conflict(u"tenant-deleted"_s,
                               u"Tenant '%1' is deleted; restore it before changing it."_s.arg(tenant->slug));
    }
    return tenant;
}

Result<Tenant> CatalogTenantService::updateConfig(const Actor &actor, const QString &slug, const QJsonObject &patch)
{
    auto tenant = findChangeable(slug);
    if (!tenant)
        return tenant.error();
    auto config = applyConfigPatch(tenant->config, patch);
    if (!config)
        return config.error();
    Tenant next = tenant.value();
    next.config = config.value();
    next.updatedAt = m_clock.now();
    Status done = m_catalog.transaction([&](QSqlDatabase &db) -> Status {
        if (Status s = TenantRepository::update(db, next); !s)
            return s;
        if (Status s = TenantRepository::bumpRevision(db); !s)
            return s;
        return m_audit.record(db, actor, {next.id, u"tenant.configure"_s, tenantTarget(next),
                                          tenantToJson(tenant.value()), tenantToJson(next)});
    });
    if (!done)
        return done.error();
    committed(next);
    return next;
}

Result<Tenant> CatalogTenantService::apply(const Actor &actor, const QString &slug, LifecycleAction action, bool force)
{
    auto tenant = get(slug);
    if (!tenant)
        return tenant.error();
    auto status = nextStatus(tenant->status, action);
    if (!status)
        return status.error();
    const QDateTime now = m_clock.now();
    Tenant next = tenant.value();
    next.status = status.value();
    next.updatedAt = now;
    switch (action) {
    case LifecycleAction::Delete:
        next.deletedAt = now;
        next.purgeAfter = now.addDays(m_policy.retentionDays);
        break;
    case LifecycleAction::Restore:
        next.deletedAt = {};
        next.purgeAfter = {};
        break;
    case LifecycleAction::Purge:
        if (!force && now < tenant->purgeAfter) {
            return Error::conflict(u"retention-not-elapsed"_s,
                                   u"Tenant '%1' can be purged from %2 on; use force to purge it now."_s.arg(
                                       tenant->slug, tenant->purgeAfter.toString(Qt::ISODate)));
        }
        break;
    default:
        break;
    }
    Status done = m_catalog.transaction([&](QSqlDatabase &db) -> Status {
        if (Status s = TenantRepository::update(db, next); !s)
            return s;
        if (action == LifecycleAction::Purge) {
            if (Status s = TenantRepository::revokeAllKeys(db, next.id, now); !s)
                return s;
            if (Status s = CatalogQuotaService::purgeTenant(db, next.id); !s)
                return s;
            if (Status s = MeterRepository::purgeTenant(db, next.id); !s)
                return s;
            if (Status s = SubscriptionRepository::purgeTenant(db, next.id); !s)
                return s;
        }
        if (Status s = TenantRepository::bumpRevision(db); !s)
            return s;
        if (Status s = m_audit.record(db, actor, {next.id, u"tenant."_s + actionName(action), tenantTarget(next),
                                                  tenantToJson(tenant.value()), tenantToJson(next)});
            !s) {
            return s;
        }
        // Purge removes the data inside the transaction: if that fails the tenant stays
        // deleted (and restorable); a commit failing afterwards leaves a deleted tenant
        // without data, which a repeated purge completes.
        if (action == LifecycleAction::Purge)
            return m_dataSpace.destroy(next);
        return {};
    });
    if (!done)
        return done.error();
    committed(next);
    return next;
}

Result<CreatedTenant> CatalogTenantService::clone(const Actor &actor, const QString &sourceSlug,
                                                  const QString &newSlug, const QJsonObject &overrides)
{
    auto source = findChangeable(sourceSlug);
    if (!source)
        return source.error();
    auto config = applyConfigPatch(source->config, overrides);
    if (!config)
        return config.error();
    NewTenant request;
    request.slug = newSlug;
    request.plan = source->plan;
    request.isolation = source->isolation;
    request.config = config.value();
    if (!overrides.contains("display_name"_L1))
        request.config.displayName = source->config.displayName + u" (copy)"_s;
    return createTenant(actor, request, &source.value());
}

Result<IssuedApiKey> CatalogTenantService::issueKey(const Actor &actor, const QString &slug, const QString &name)
{
    if (Status valid = checkKeyName(name); !valid)
        return valid.error();
    auto tenant = findChangeable(slug);
    if (!tenant)
        return tenant.error();
    const Security::GeneratedKey key = Security::generateApiKey();
    IssuedApiKey issued{{newId(), name.trimmed(), key.masked, m_clock.now(), {}}, key.secret};
    Status done = m_catalog.transaction([&](QSqlDatabase &db) -> Status {
        if (Status s = TenantRepository::insertKey(db, tenant->id, issued.info, key.hash); !s)
            return s;
        if (Status s = TenantRepository::bumpRevision(db); !s)
            return s;
        return m_audit.record(db, actor, {tenant->id, u"api_key.issue"_s, u"api_key:"_s + issued.info.id,
                                          QJsonValue::Null, apiKeyToJson(issued.info)});
    });
    if (!done)
        return done.error();
    m_directory.addKey(key.hash, {issued.info.id, tenant->id});
    Q_EMIT tenantChanged(tenant.value());
    return issued;
}

Result<QList<ApiKeyInfo>> CatalogTenantService::listKeys(const QString &slug)
{
    auto tenant = get(slug);
    if (!tenant)
        return tenant.error();
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return TenantRepository::listKeys(db.value(), tenant->id);
}

Status CatalogTenantService::revokeKey(const Actor &actor, const QString &slug, const QString &keyId)
{
    auto tenant = get(slug);
    if (!tenant)
        return tenant.error();
    Status done = m_catalog.transaction([&](QSqlDatabase &db) -> Status {
        if (Status s = TenantRepository::revokeKey(db, tenant->id, keyId, m_clock.now()); !s)
            return s;
        if (Status s = TenantRepository::bumpRevision(db); !s)
            return s;
        return m_audit.record(db, actor, {tenant->id, u"api_key.revoke"_s, u"api_key:"_s + keyId,
                                          QJsonObject{{u"id"_s, keyId}}, QJsonValue::Null});
    });
    if (!done)
        return done;
    m_directory.removeKey(keyId);
    Q_EMIT tenantChanged(tenant.value());
    return {};
}

Status CatalogTenantService::loadDirectory()
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    // Read the revision first: a change racing the load makes the next refresh reload again.
    auto rev = TenantRepository::revision(db.value());
    if (!rev)
        return rev.error();
    auto tenants = TenantRepository::loadAll(db.value());
    if (!tenants)
        return tenants.error();
    auto keys = TenantRepository::loadValidKeys(db.value());
    if (!keys)
        return keys.error();
    m_directory.reset(tenants.value(), keys.value());
    m_loadedRevision.store(rev.value());
    return {};
}

Result<bool> CatalogTenantService::refreshIfChanged()
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto rev = TenantRepository::revision(db.value());
    if (!rev)
        return rev.error();
    if (rev.value() == m_loadedRevision.load())
        return false;
    if (Status loaded = loadDirectory(); !loaded)
        return loaded.error();
    return true;
}

Result<int> CatalogTenantService::purgeExpired()
{
    const QDateTime now = m_clock.now();
    int purged = 0;
    // Hold the snapshot: each purge below swaps in a new one while we iterate this one.
    const auto snapshot = m_directory.snapshot();
    for (const auto &tenant : snapshot->byId) {
        if (tenant->status != TenantStatus::Deleted || !tenant->purgeAfter.isValid() || tenant->purgeAfter > now)
            continue;
        auto result = apply(Actor::system(), tenant->slug, LifecycleAction::Purge);
        if (!result)
            return result.error();
        ++purged;
    }
    return purged;
}

} // namespace Tenantry::Storage
