#include "core/storage/quotaalertrepository.h"

#include "core/notify/webhooktarget.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

// Tenant ids bound by one IN (...) list, well below every driver's parameter limit.
constexpr qsizetype kIdsPerStatement = 500;

const QString kColumns = u"id, tenant_id, dimension, window_start, window_end, threshold, used, quota_limit, created_at"_s;

StoredQuotaAlert readAlert(const QSqlQuery &q)
{
    StoredQuotaAlert s;
    s.id = q.value(0).toLongLong();
    s.alert.tenantId = q.value(1).toString();
    s.alert.dimension = q.value(2).toString();
    s.alert.windowStartMs = q.value(3).toLongLong();
    s.alert.windowEndMs = q.value(4).toLongLong();
    s.alert.threshold = q.value(5).toInt();
    s.alert.used = q.value(6).toLongLong();
    s.alert.limit = q.value(7).toLongLong();
    s.alert.atMs = q.value(8).toLongLong();
    return s;
}

TenantWebhook readWebhook(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC)};
}

} // namespace

QuotaAlertRepository::QuotaAlertRepository(Catalog &catalog, const Clock &clock)
    : m_catalog(catalog)
    , m_clock(clock)
{
}

Result<QList<Quota::QuotaAlert>> QuotaAlertRepository::record(const QList<Quota::QuotaAlert> &alerts)
{
    if (alerts.isEmpty())
        return QList<Quota::QuotaAlert>{};
    QList<Quota::QuotaAlert> fresh;
    const Status written = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        fresh.clear();
        // Bumping the counter first takes its row lock (SQLite's BEGIN IMMEDIATE already
        // holds the whole file), so recorders sharing the catalog take turns: ids are unique,
        // grow in commit order, and no two transactions wait on each other's unique keys.
        auto taken = takeCounter(tx, u"quota_alerts_last_id"_s);
        if (!taken)
            return taken.error();
        qint64 nextId = taken.value();

        QSqlQuery insert(tx);
        if (!insert.prepare(u"INSERT INTO quota_alerts ("_s + kColumns
                            + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (tenant_id, dimension, window_start, threshold) DO NOTHING"_s)) {
            return sqlError(u"Preparing to record quota alerts failed"_s, insert.lastError());
        }
        for (const Quota::QuotaAlert &a : alerts) {
            const QVariantList values{nextId, a.tenantId, a.dimension, a.windowStartMs, a.windowEndMs,
                                      a.threshold, a.used, a.limit, a.atMs};
            for (int i = 0; i < values.size(); ++i)
                insert.bindValue(i, values[i]);
            if (!insert.exec())
                return sqlError(u"Recording a quota alert failed"_s, insert.lastError());
            if (insert.numRowsAffected() == 1) {
                fresh.append(a);
                ++nextId;
            }
        }
        // Ids of rows that were not new are handed out again next time.
        auto settled = runQuery(tx, u"UPDATE catalog_state SET value = ? WHERE name = 'quota_alerts_last_id'"_s,
                                {nextId - 1});
        if (!settled)
            return settled.error();
        return {};
    });
    if (!written)
        return written.error();
    return fresh;
}

Result<QuotaAlertPage> QuotaAlertRepository::list(const QuotaAlertFilter &filter)
{
    QList<FieldError> errors;
    if (filter.limit < 1 || filter.limit > kMaxListLimit)
        errors.append({u"limit"_s, u"must be an integer from 1 to %1"_s.arg(kMaxListLimit)});
    if (filter.beforeId < 0)
        errors.append({u"cursor"_s, u"must be the next_cursor of a previous page"_s});
    if (filter.sinceMs && filter.untilMs && *filter.untilMs <= *filter.sinceMs)
        errors.append({u"until"_s, u"must be later than since"_s});
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-query"_s, u"Some query parameters are not valid."_s, errors);

    QString sql = u"SELECT "_s + kColumns + u" FROM quota_alerts WHERE 1 = 1"_s;
    QVariantList values;
    if (filter.tenantId) {
        sql += u" AND tenant_id = ?"_s;
        values << *filter.tenantId;
    }
    if (filter.sinceMs) {
        sql += u" AND created_at >= ?"_s;
        values << *filter.sinceMs;
    }
    if (filter.untilMs) {
        sql += u" AND created_at < ?"_s;
        values << *filter.untilMs;
    }
    if (filter.beforeId > 0) {
        sql += u" AND id < ?"_s;
        values << filter.beforeId;
    }
    // One row more than asked tells whether another page follows.
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    values << filter.limit + 1;

    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto q = runQuery(db.value(), sql, values);
    if (!q)
        return q.error();
    QuotaAlertPage page;
    while (q->next()) {
        if (page.items.size() == filter.limit) {
            page.nextCursor = page.items.last().id;
            break;
        }
        page.items.append(readAlert(q.value()));
    }
    return page;
}

Status QuotaAlertRepository::purgeTenant(const QString &tenantId)
{
    return m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        for (const QString &sql : {u"DELETE FROM quota_alerts WHERE tenant_id = ?"_s,
                                   u"DELETE FROM tenant_webhooks WHERE tenant_id = ?"_s}) {
            auto q = runQuery(tx, sql, {tenantId});
            if (!q)
                return q.error();
        }
        return {};
    });
}

Result<std::optional<TenantWebhook>> QuotaAlertRepository::webhook(const QString &tenantId)
{
    auto found = webhooks({tenantId});
    if (!found)
        return found.error();
    if (auto it = found->constFind(tenantId); it != found->cend())
        return std::optional<TenantWebhook>(it.value());
    return std::optional<TenantWebhook>();
}

Result<QHash<QString, TenantWebhook>> QuotaAlertRepository::webhooks(const QStringList &tenantIds)
{
    QHash<QString, TenantWebhook> out;
    if (tenantIds.isEmpty())
        return out;
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    for (qsizetype start = 0; start < tenantIds.size(); start += kIdsPerStatement) {
        const QStringList ids = tenantIds.mid(start, kIdsPerStatement);
        QVariantList values;
        for (const QString &id : ids)
            values << id;
        auto q = runQuery(db.value(),
                          u"SELECT tenant_id, url, secret, updated_at FROM tenant_webhooks WHERE tenant_id IN ("_s
                              + QStringList(ids.size(), u"?"_s).join(u", "_s) + u")"_s,
                          values);
        if (!q)
            return q.error();
        while (q->next()) {
            TenantWebhook w = readWebhook(q.value());
            out.insert(w.tenantId, w);
        }
    }
    return out;
}

Status QuotaAlertRepository::setWebhook(const QString &tenantId, const QString &url, const QString &secret)
{
    auto target = Notify::WebhookTarget::create(url, secret.toUtf8());
    if (!target)
        return target.error();
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    // The URL as given (trimmed), not as QUrl re-encodes it, so GET shows what was PUT.
    auto q = runQuery(db.value(),
                      u"INSERT INTO tenant_webhooks (tenant_id, url, secret, updated_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (tenant_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, "
                      "updated_at = excluded.updated_at"_s,
                      {tenantId, url.trimmed(), secret, m_clock.now().toMSecsSinceEpoch()});
    if (!q)
        return q.error();
    return {};
}

Status QuotaAlertRepository::removeWebhook(const QString &tenantId)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto q = runQuery(db.value(), u"DELETE FROM tenant_webhooks WHERE tenant_id = ?"_s, {tenantId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(u"webhook-not-found"_s, u"The tenant has no quota alert webhook."_s);
    return {};
}

} // namespace Tenantry::Storage
