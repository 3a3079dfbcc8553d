#include "core/storage/tenantrepository.h"

#include "core/storage/catalog.h"

#include <QJsonDocument>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage::TenantRepository {
namespace {

const QString kColumns = u"id, slug, status, plan, isolation, display_name, theme_color, locale, "
                         "time_zone, settings, created_at, updated_at, deleted_at, purge_after, cloned_from"_s;

QVariant msecs(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMsecs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

Tenant readTenant(const QSqlQuery &q)
{
    Tenant t;
    t.id = q.value(0).toString();
    t.slug = q.value(1).toString();
    parseStatus(q.value(2).toString(), &t.status);
    t.plan = q.value(3).toString();
    t.isolation = q.value(4).toString();
    t.config.displayName = q.value(5).toString();
    t.config.themeColor = q.value(6).toString();
    t.config.locale = q.value(7).toString();
    t.config.timeZone = q.value(8).toString();
    t.config.settings = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
    t.createdAt = fromMsecs(q.value(10));
    t.updatedAt = fromMsecs(q.value(11));
    t.deletedAt = fromMsecs(q.value(12));
    t.purgeAfter = fromMsecs(q.value(13));
    t.clonedFrom = q.value(14).toString();
    return t;
}

QVariantList mutableValues(const Tenant &t)
{
    return {statusName(t.status), t.plan, t.isolation, t.config.displayName, t.config.themeColor,
            t.config.locale, t.config.timeZone,
            QString::fromUtf8(QJsonDocument(t.config.settings).toJson(QJsonDocument::Compact)),
            msecs(t.updatedAt), msecs(t.deletedAt), msecs(t.purgeAfter)};
}

QString likePattern(const QString &search)
{
    QString escaped = search.toLower();
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

} // namespace

Result<Tenant> findBySlug(QSqlDatabase &db, const QString &slug)
{
    auto q = runQuery(db, u"SELECT "_s + kColumns + u" FROM tenants WHERE slug_key = ?"_s, {slug.toLower()});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"tenant-not-found"_s, u"No tenant '%1'."_s.arg(slug));
    return readTenant(q.value());
}

Result<bool> slugTaken(QSqlDatabase &db, const QString &slug)
{
    auto q = runQuery(db, u"SELECT 1 FROM tenants WHERE slug_key = ?"_s, {slug.toLower()});
    if (!q)
        return q.error();
    return q->next();
}

Status insert(QSqlDatabase &db, const Tenant &t)
{
    QVariantList values = {t.id, t.slug, t.slug.toLower(), msecs(t.createdAt), nullableText(t.clonedFrom)};
    values.append(mutableValues(t));
    auto q = runQuery(db,
                      u"INSERT INTO tenants (id, slug, slug_key, created_at, cloned_from, status, plan, "
                      "isolation, display_name, theme_color, locale, time_zone, settings, updated_at, "
                      "deleted_at, purge_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      values);
    if (!q) {
        // A concurrent registration of the same slug loses the race on the unique index.
        if (q.error().message.contains("unique"_L1, Qt::CaseInsensitive))
            return Error::conflict(u"slug-taken"_s, u"The slug '%1' is already taken."_s.arg(t.slug));
        return q.error();
    }
    return {};
}

Status update(QSqlDatabase &db, const Tenant &t)
{
    QVariantList values = mutableValues(t);
    values.append(t.status == TenantStatus::Purged ? QVariant(QMetaType::fromType<QString>())
                                                   : QVariant(t.slug.toLower()));
    values.append(t.id);
    auto q = runQuery(db,
                      u"UPDATE tenants SET status = ?, plan = ?, isolation = ?, display_name = ?, "
                      "theme_color = ?, locale = ?, time_zone = ?, settings = ?, updated_at = ?, "
                      "deleted_at = ?, purge_after = ?, slug_key = ? WHERE id = ?"_s,
                      values);
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error::notFound(u"tenant-not-found"_s, u"No tenant '%1'."_s.arg(t.slug));
    return {};
}

Result<TenantPage> list(QSqlDatabase &db, const TenantQuery &query)
{
    QString where = u" WHERE slug_key IS NOT NULL"_s;
    QVariantList values;
    if (!query.search.isEmpty()) {
        where += u" AND (slug_key LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? ESCAPE '\\')"_s;
        values << likePattern(query.search) << likePattern(query.search);
    }
    if (!query.statuses.isEmpty()) {
        QStringList marks;
        for (TenantStatus s : query.statuses) {
            marks.append(u"?"_s);
            values.append(statusName(s));
        }
        where += u" AND status IN ("_s + marks.join(u", "_s) + u')';
    }
    if (!query.plan.isEmpty()) {
        where += u" AND plan = ?"_s;
        values.append(query.plan);
    }
    TenantPage page;
    auto count = runQuery(db, u"SELECT COUNT(*) FROM tenants"_s + where, values);
    if (!count)
        return count.error();
    if (count->next())
        page.total = count->value(0).toLongLong();

    QVariantList pageValues = values;
    QString pageWhere = where;
    if (!query.afterSlug.isEmpty()) {
        pageWhere += u" AND slug_key > ?"_s;
        pageValues.append(query.afterSlug.toLower());
    }
    const int limit = std::clamp(query.limit, 1, 1000);
    pageValues.append(limit + 1);
    auto q = runQuery(db, u"SELECT "_s + kColumns + u" FROM tenants"_s + pageWhere + u" ORDER BY slug_key LIMIT ?"_s,
                      pageValues);
    if (!q)
        return q.error();
    while (q->next())
        page.items.append(readTenant(q.value()));
    if (page.items.size() > limit) {
        page.items.removeLast();
        page.nextCursor = page.items.last().slug;
    }
    return page;
}

Result<QList<Tenant>> loadAll(QSqlDatabase &db)
{
    auto q = runQuery(db, u"SELECT "_s + kColumns + u" FROM tenants WHERE slug_key IS NOT NULL"_s);
    if (!q)
        return q.error();
    QList<Tenant> out;
    while (q->next())
        out.append(readTenant(q.value()));
    return out;
}

Status insertKey(QSqlDatabase &db, const QString &tenantId, const ApiKeyInfo &key, const QByteArray &hash)
{
    auto q = runQuery(db,
                      u"INSERT INTO api_keys (id, tenant_id, name, masked, key_hash, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)"_s,
                      {key.id, tenantId, key.name, key.masked, QString::fromLatin1(hash.toHex()),
                       msecs(key.createdAt)});
    return q ? Status{} : Status{q.error()};
}

Result<QList<ApiKeyInfo>> listKeys(QSqlDatabase &db, const QString &tenantId)
{
    auto q = runQuery(db,
                      u"SELECT id, name, masked, created_at, revoked_at FROM api_keys WHERE tenant_id = ? "
                      "ORDER BY created_at, id"_s,
                      {tenantId});
    if (!q)
        return q.error();
    QList<ApiKeyInfo> out;
    while (q->next()) {
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    fromMsecs(q->value(3)), fromMsecs(q->value(4))});
    }
    return out;
}

Status revokeKey(QSqlDatabase &db, const QString &tenantId, const QString &keyId, const QDateTime &at)
{
    auto q = runQuery(db,
                      u"UPDATE api_keys SET revoked_at = ? WHERE id = ? AND tenant_id = ? AND revoked_at IS NULL"_s,
                      {msecs(at), keyId, tenantId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error::notFound(u"api-key-not-found"_s, u"The tenant has no valid API key '%1'."_s.arg(keyId));
    return {};
}

Status revokeAllKeys(QSqlDatabase &db, const QString &tenantId, const QDateTime &at)
{
    auto q = runQuery(db, u"UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND revoked_at IS NULL"_s,
                      {msecs(at), tenantId});
    return q ? Status{} : Status{q.error()};
}

Result<QHash<QByteArray, KeyEntry>> loadValidKeys(QSqlDatabase &db)
{
    auto q = runQuery(db,
                      u"SELECT k.key_hash, k.id, k.tenant_id FROM api_keys k JOIN tenants t ON t.id = k.tenant_id "
                      "WHERE k.revoked_at IS NULL AND t.slug_key IS NOT NULL"_s);
    if (!q)
        return q.error();
    QHash<QByteArray, KeyEntry> out;
    while (q->next())
        out.insert(QByteArray::fromHex(q->value(0).toString().toLatin1()), {q->value(1).toString(), q->value(2).toString()});
    return out;
}

Status setPlanAndStatus(QSqlDatabase &db, const QString &slug, const QString &plan, std::optional<TenantStatus> status,
                        const QDateTime &at, Tenant *updated)
{
    auto current = findBySlug(db, slug);
    if (!current)
        return current.error();
    *updated = current.value();
    const bool planChanges = !plan.isEmpty() && updated->plan != plan;
    const bool statusChanges = status && updated->status != *status;
    if (!planChanges && !statusChanges)
        return {};
    if (planChanges)
        updated->plan = plan;
    if (statusChanges)
        updated->status = *status;
    updated->updatedAt = at;
    if (Status s = update(db, *updated); !s)
        return s;
    return bumpRevision(db);
}

Status bumpRevision(QSqlDatabase &db)
{
    auto q = runQuery(db, u"UPDATE catalog_state SET value = value + 1 WHERE name = 'tenants_revision'"_s);
    return q ? Status{} : Status{q.error()};
}

Result<qint64> revision(QSqlDatabase &db)
{
    auto q = runQuery(db, u"SELECT value FROM catalog_state WHERE name = 'tenants_revision'"_s);
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

} // namespace Tenantry::Storage::TenantRepository
