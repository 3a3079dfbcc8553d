#pragma once

#include "core/tenancy/tenantservice.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <map>
#include <optional>

namespace Tenantry::Testing {

// An in-memory TenantService for widget tests and previews. It keeps the promises the
// console relies on: slugs are normalized and unique (normalizeSlug), configs validated
// (validateConfig / applyConfigPatch), status moves only through nextStatus(), every
// mutation is all-or-nothing and followed by tenantChanged, list() pages in slug order.
// It also records each call and can be told to fail the next one. Time is fixed unless
// set with setNow(). Not thread-safe.
class FakeTenantService final : public TenantService
{
    Q_OBJECT

public:
    explicit FakeTenantService(QObject *parent = nullptr);

    // A valid tenant with a deterministic id and creation time, ready for seed().
    static Tenant makeTenant(const QString &slug, TenantStatus status = TenantStatus::Active,
                             const QString &displayName = {}, const QString &plan = QStringLiteral("free"));

    // Adds tenants as they are: no validation, no signals, no call records. For fixtures.
    void seed(const QList<Tenant> &tenants);

    // The next call (of any kind) fails with `error` and changes nothing.
    void failNextWith(Error error);
    // Every call received, in order, e.g. "list", "apply suspend acme", "create globex".
    QStringList calls() const { return m_calls; }
    // The actor of the most recent mutation, to check what the console records.
    QString lastActor() const { return m_lastActor; }
    void clearCalls() { m_calls.clear(); }

    // The stored tenant with this slug, bypassing the interface (no call recorded).
    std::optional<Tenant> find(const QString &slug) const;
    int size() const { return int(m_tenants.size()); }

    void setNow(const QDateTime &now) { m_now = now; }
    QDateTime now() const { return m_now; }

    Result<TenantPage> list(const TenantQuery &query) override;
    Result<Tenant> get(const QString &slug) override;
    Result<CreatedTenant> create(const Actor &actor, const NewTenant &request) override;
    Result<Tenant> updateConfig(const Actor &actor, const QString &slug, const QJsonObject &patch) override;
    Result<Tenant> apply(const Actor &actor, const QString &slug, LifecycleAction action, bool force = false) override;
    Result<CreatedTenant> clone(const Actor &actor, const QString &sourceSlug, const QString &newSlug,
                                const QJsonObject &overrides = {}) override;
    Result<IssuedApiKey> issueKey(const Actor &actor, const QString &slug, const QString &name) override;
    Result<QList<ApiKeyInfo>> listKeys(const QString &slug) override;
    Status revokeKey(const Actor &actor, const QString &slug, const QString &keyId) override;

private:
    // Records the call and returns the injected failure, if one is pending.
    std::optional<Error> begin(const QString &call);
    Result<QString> freeSlug(const QString &input) const;
    Tenant *lookup(const QString &slug);
    IssuedApiKey mintKey(const QString &slug, const QString &name);

    std::map<QString, Tenant> m_tenants; // by slug: ordered, so list() pages by slug
    QHash<QString, QList<ApiKeyInfo>> m_keys; // by slug
    QStringList m_calls;
    QString m_lastActor;
    std::optional<Error> m_failNext;
    QDateTime m_now;
    int m_nextKey = 1;
};

} // namespace Tenantry::Testing
