#pragma once

#include <optional>

#include "core/base/result.h"
#include "core/tenancy/tenantdirectory.h"
#include "core/tenancy/tenantservice.h"

#include <QSqlDatabase>

namespace Tenantry::Storage {

// The catalog's SQL for tenants and API keys, and nothing else: no validation, no rules.
// Every function works on the connection it is given, so callers compose them inside one
// Catalog::transaction(). NotFound results use code "tenant-not-found".
namespace TenantRepository {

Result<Tenant> findBySlug(QSqlDatabase &db, const QString &slug);
Result<bool> slugTaken(QSqlDatabase &db, const QString &slug);
Status insert(QSqlDatabase &db, const Tenant &tenant);
// Writes every mutable column of `tenant`; a purged tenant also gives up its slug.
Status update(QSqlDatabase &db, const Tenant &tenant);
Result<TenantPage> list(QSqlDatabase &db, const TenantQuery &query);
// Moves the tenant `slug` to `plan` and/or `status` (nullopt keeps it), stamping `at` and bumping
// the revision when anything changed; `updated` receives the tenant as it is now (for the
// in-memory directory).
Status setPlanAndStatus(QSqlDatabase &db, const QString &slug, const QString &plan, std::optional<TenantStatus> status,
                        const QDateTime &at, Tenant *updated);
// Every tenant that is not purged, for the in-memory directory.
Result<QList<Tenant>> loadAll(QSqlDatabase &db);

Status insertKey(QSqlDatabase &db, const QString &tenantId, const ApiKeyInfo &key, const QByteArray &hash);
Result<QList<ApiKeyInfo>> listKeys(QSqlDatabase &db, const QString &tenantId);
// Marks a key revoked; NotFound "api-key-not-found" if the tenant has no such valid key.
Status revokeKey(QSqlDatabase &db, const QString &tenantId, const QString &keyId, const QDateTime &at);
Status revokeAllKeys(QSqlDatabase &db, const QString &tenantId, const QDateTime &at);
// Every valid key of every non-purged tenant, by raw hash.
Result<QHash<QByteArray, KeyEntry>> loadValidKeys(QSqlDatabase &db);

// A counter bumped by every change to tenants or keys, so other processes sharing the
// catalog notice changes with one cheap query.
Status bumpRevision(QSqlDatabase &db);
Result<qint64> revision(QSqlDatabase &db);

} // namespace TenantRepository
} // namespace Tenantry::Storage
