#include "fakes/fakes_tenantservice.h"

#include "core/tenancy/slug.h"
#include "core/tenancy/tenantconfig.h"

#include <QCryptographicHash>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {
namespace {

const QDateTime kEpoch = QDateTime(QDate(2024, 1, 15), QTime(9, 30), Qt::UTC);

Error notFound(const QString &slug)
{
    return Error::notFound(u"tenant-not-found"_s, u"There is no tenant '%1'."_s.arg(slug));
}

bool matches(const Tenant &t, const TenantQuery &query)
{
    if (query.statuses.isEmpty() ? t.status == TenantStatus::Purged : !query.statuses.contains(t.status))
        return false;
    if (!query.plan.isEmpty() && t.plan != query.plan)
        return false;
    return query.search.isEmpty() || t.slug.contains(query.search, Qt::CaseInsensitive)
        || t.config.displayName.contains(query.search, Qt::CaseInsensitive);
}

} // namespace

FakeTenantService::FakeTenantService(QObject *parent)
    : TenantService(parent)
    , m_now(kEpoch.addDays(200))
{
}

Tenant FakeTenantService::makeTenant(const QString &slug, TenantStatus status, const QString &displayName,
                                     const QString &plan)
{
    Tenant t;
    // Deterministic ids keep failures reproducible.
    t.id = QUuid::createUuidV5(QUuid(), slug).toString(QUuid::WithoutBraces);
    t.slug = slug;
    t.status = status;
    t.plan = plan;
    t.config.displayName = displayName.isEmpty() ? slug : displayName;
    const qint64 n = qHash(slug) % 100000;
    t.createdAt = kEpoch.addSecs(n * 60);
    t.updatedAt = t.createdAt;
    if (status == TenantStatus::Deleted) {
        t.deletedAt = t.createdAt.addDays(1);
        t.purgeAfter = t.deletedAt.addDays(30);
    }
    return t;
}

void FakeTenantService::seed(const QList<Tenant> &tenants)
{
    for (const Tenant &t : tenants)
        m_tenants.insert_or_assign(t.slug, t);
}

void FakeTenantService::failNextWith(Error error)
{
    m_failNext = std::move(error);
}

std::optional<Tenant> FakeTenantService::find(const QString &slug) const
{
    const auto it = m_tenants.find(slug.toLower());
    if (it == m_tenants.end())
        return std::nullopt;
    return it->second;
}

std::optional<Error> FakeTenantService::begin(const QString &call)
{
    m_calls.append(call);
    return std::exchange(m_failNext, std::nullopt);
}

Tenant *FakeTenantService::lookup(const QString &slug)
{
    const auto it = m_tenants.find(slug.toLower());
    return it == m_tenants.end() ? nullptr : &it->second;
}

Result<QString> FakeTenantService::freeSlug(const QString &input) const
{
    Result<QString> slug = normalizeSlug(input);
    if (!slug)
        return slug;
    if (m_tenants.count(slug.value()))
        return Error::conflict(u"slug-taken"_s, u"The slug '%1' is already taken."_s.arg(slug.value()));
    return slug;
}

IssuedApiKey FakeTenantService::mintKey(const QString &slug, const QString &name)
{
    const int n = m_nextKey++;
    const QString secret = u"tnt_"_s
        + QString::fromLatin1(QCryptographicHash::hash(QByteArray(slug.toUtf8() + QByteArray::number(n)),
                                                       QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(40));
    IssuedApiKey key;
    key.info.id = u"key-%1"_s.arg(n);
    key.info.name = name;
    key.info.masked = secret.left(12) + u"…"_s;
    key.info.createdAt = m_now;
    key.secret = secret;
    m_keys[slug].append(key.info);
    return key;
}

Result<TenantPage> FakeTenantService::list(const TenantQuery &query)
{
    if (auto failure = begin(u"list"_s))
        return *failure;
    if (query.limit < 1 || query.limit > 1000)
        return Error::invalid(u"invalid-limit"_s, u"limit must be between 1 and 1000."_s);

    TenantPage page;
    auto it = query.afterSlug.isEmpty() ? m_tenants.begin() : m_tenants.upper_bound(query.afterSlug);
    for (const auto &[slug, tenant] : m_tenants) {
        if (matches(tenant, query))
            ++page.total;
    }
    for (; it != m_tenants.end(); ++it) {
        if (!matches(it->second, query))
            continue;
        if (page.items.size() == query.limit) {
            page.nextCursor = page.items.last().slug;
            break;
        }
        page.items.append(it->second);
    }
    return page;
}

Result<Tenant> FakeTenantService::get(const QString &slug)
{
    if (auto failure = begin(u"get "_s + slug))
        return *failure;
    const Tenant *t = lookup(slug);
    if (!t)
        return notFound(slug);
    return *t;
}

Result<CreatedTenant> FakeTenantService::create(const Actor &actor, const NewTenant &request)
{
    m_lastActor = actor.id;
    if (auto failure = begin(u"create "_s + request.slug))
        return *failure;
    Result<QString> slug = freeSlug(request.slug);
    if (!slug)
        return slug.error();
    if (Status valid = validateConfig(request.config); !valid)
        return valid.error();
    static const QSet<QString> plans = {u"free"_s, u"basic"_s, u"pro"_s, u"enterprise"_s};
    if (!plans.contains(request.plan))
        return Error::invalid(u"unknown-plan"_s, u"There is no plan '%1'."_s.arg(request.plan),
                              {{u"plan"_s, u"unknown plan"_s}});

    Tenant t;
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.slug = slug.value();
    t.status = request.activate ? TenantStatus::Active : TenantStatus::Pending;
    t.plan = request.plan;
    t.isolation = request.isolation.isEmpty() ? u"shared"_s : request.isolation;
    t.config = request.config;
    t.createdAt = t.updatedAt = m_now;
    m_tenants.insert_or_assign(t.slug, t);
    CreatedTenant created{t, mintKey(t.slug, u"default"_s)};
    Q_EMIT tenantChanged(t);
    return created;
}

Result<Tenant> FakeTenantService::updateConfig(const Actor &actor, const QString &slug, const QJsonObject &patch)
{
    m_lastActor = actor.id;
    if (auto failure = begin(u"updateConfig "_s + slug))
        return *failure;
    Tenant *t = lookup(slug);
    if (!t)
        return notFound(slug);
    Result<TenantConfig> config = applyConfigPatch(t->config, patch);
    if (!config)
        return config.error();
    t->config = config.value();
    t->updatedAt = m_now;
    const Tenant changed = *t;
    Q_EMIT tenantChanged(changed);
    return changed;
}

Result<Tenant> FakeTenantService::apply(const Actor &actor, const QString &slug, LifecycleAction action, bool force)
{
    m_lastActor = actor.id;
    if (auto failure = begin(u"apply %1 %2"_s.arg(actionName(action), slug)))
        return *failure;
    Tenant *t = lookup(slug);
    if (!t)
        return notFound(slug);
    Result<TenantStatus> next = nextStatus(t->status, action);
    if (!next)
        return next.error();
    if (action == LifecycleAction::Purge && !force && m_now < t->purgeAfter)
        return Error::conflict(u"retention-not-elapsed"_s, u"The retention period has not ended yet."_s);

    Tenant changed = *t;
    changed.status = next.value();
    changed.updatedAt = m_now;
    if (action == LifecycleAction::Delete) {
        changed.deletedAt = m_now;
        changed.purgeAfter = m_now.addDays(30);
    } else if (action == LifecycleAction::Restore) {
        changed.deletedAt = {};
        changed.purgeAfter = {};
    }
    if (changed.status == TenantStatus::Purged) {
        m_tenants.erase(changed.slug);
        m_keys.remove(changed.slug);
    } else {
        *t = changed;
    }
    Q_EMIT tenantChanged(changed);
    return changed;
}

Result<CreatedTenant> FakeTenantService::clone(const Actor &actor, const QString &sourceSlug, const QString &newSlug,
                                               const QJsonObject &overrides)
{
    m_lastActor = actor.id;
    if (auto failure = begin(u"clone %1 %2"_s.arg(sourceSlug, newSlug)))
        return *failure;
    const Tenant *source = lookup(sourceSlug);
    if (!source)
        return notFound(sourceSlug);
    Result<QString> slug = freeSlug(newSlug);
    if (!slug)
        return slug.error();
    Result<TenantConfig> config = applyConfigPatch(source->config, overrides);
    if (!config)
        return config.error();

    Tenant t;
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.slug = slug.value();
    t.status = TenantStatus::Active;
    t.plan = source->plan;
    t.isolation = source->isolation;
    t.config = config.value();
    t.createdAt = t.updatedAt = m_now;
    t.clonedFrom = source->id;
    m_tenants.insert_or_assign(t.slug, t);
    CreatedTenant created{t, mintKey(t.slug, u"default"_s)};
    Q_EMIT tenantChanged(t);
    return created;
}

Result<IssuedApiKey> FakeTenantService::issueKey(const Actor &actor, const QString &slug, const QString &name)
{
    m_lastActor = actor.id;
    if (auto failure = begin(u"issueKey "_s + slug))
        return *failure;
    const Tenant *t = lookup(slug);
    if (!t)
        return notFound(slug);
    IssuedApiKey key = mintKey(t->slug, name);
    Q_EMIT tenantChanged(*t);
    return key;
}

Result<QList<ApiKeyInfo>> FakeTenantService::listKeys(const QString &slug)
{
    if (auto failure = begin(u"listKeys "_s + slug))
        return *failure;
    const Tenant *t = lookup(slug);
    if (!t)
        return notFound(slug);
    return m_keys.value(t->slug);
}

Status FakeTenantService::revokeKey(const Actor &actor, const QString &slug, const QString &keyId)
{
    m_lastActor = actor.id;
    if (auto failure = begin(u"revokeKey %1 %2"_s.arg(slug, keyId)))
        return *failure;
    const Tenant *t = lookup(slug);
    if (!t)
        return notFound(slug);
    for (ApiKeyInfo &key : m_keys[t->slug]) {
        if (key.id == keyId) {
            if (key.revokedAt.isNull())
                key.revokedAt = m_now;
            Q_EMIT tenantChanged(*t);
            return {};
        }
    }
    return Error::notFound(u"key-not-found"_s, u"There is no key '%1'."_s.arg(keyId));
}

} // namespace Tenantry::Testing
