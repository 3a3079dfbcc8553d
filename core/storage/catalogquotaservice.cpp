#include "core/storage/catalogquotaservice.h"

#include "core/quota/limitsjson.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

QJsonObject parseStored(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString storedText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<Quota::Plan> planFrom(const QSqlQuery &q)
{
    Quota::Plan plan;
    plan.name = q.value(0).toString();
    plan.displayName = q.value(1).toString();
    auto limits = Quota::applyLimitsJson({}, parseStored(q.value(2).toString()));
    if (!limits)
        return Error::internal(u"The stored limits of plan '%1' are not valid: %2"_s.arg(plan.name, limits.error().message));
    plan.limits = limits.value();
    plan.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    return plan;
}

QJsonObject planAudit(const Quota::Plan &plan)
{
    return {{u"name"_s, plan.name}, {u"display_name"_s, plan.displayName},
            {u"limits"_s, Quota::limitsToJson(plan.limits)}};
}

const QString kSelectPlans = u"SELECT name, display_name, limits, updated_at FROM plans"_s;

Result<qint64> readRevision(QSqlDatabase &db)
{
    auto q = runQuery(db, u"SELECT value FROM catalog_state WHERE name = 'quotas_revision'"_s);
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

QString counterKey(const Quota::CounterRow &row)
{
    return row.tenantId + u'\x1f' + row.dimension + u'\x1f' + QString::number(row.windowIndex);
}

} // namespace

CatalogQuotaService::CatalogQuotaService(Catalog &catalog, AuditRecorder &audit, Quota::QuotaPolicies &policies,
                                         const Clock &clock)
    : m_catalog(catalog)
    , m_audit(audit)
    , m_policies(policies)
    , m_clock(clock)
{
}

Result<QList<Quota::Plan>> CatalogQuotaService::plans()
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto q = runQuery(db.value(), kSelectPlans + u" ORDER BY name"_s);
    if (!q)
        return q.error();
    QList<Quota::Plan> out;
    while (q->next()) {
        auto plan = planFrom(q.value());
        if (!plan)
            return plan.error();
        out.append(plan.value());
    }
    return out;
}

Result<Quota::Plan> CatalogQuotaService::plan(const QString &name)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto q = runQuery(db.value(), kSelectPlans + u" WHERE name = ?"_s, {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"plan-not-found"_s, u"There is no plan '%1'."_s.arg(name.left(64)));
    return planFrom(q.value());
}

Result<Quota::Plan> CatalogQuotaService::putPlan(const Actor &actor, const QString &name, const QString &displayName,
                                                 const QJsonObject &limitsJson)
{
    static const QRegularExpression planName(u"^[a-z0-9][a-z0-9-]{0,39}$"_s);
    if (!planName.match(name).hasMatch())
        return Error::invalid(u"invalid-plan-name"_s,
                              u"A plan name is 1 to 40 of a-z, 0-9 and '-', starting with a letter or digit."_s);
    if (displayName.trimmed().isEmpty() || displayName.size() > 100)
        return Error::invalid(u"invalid-plan"_s, u"A plan needs a display name of 1 to 100 characters."_s,
                              {{u"/display_name"_s, u"must be 1 to 100 characters"_s}});
    auto limits = Quota::applyLimitsJson({}, limitsJson);
    if (!limits)
        return limits.error();
    Quota::Plan next{name, displayName.trimmed(), limits.value(), m_clock.now()};
    Status done = m_catalog.transaction([&](QSqlDatabase &db) -> Status {
        auto old = runQuery(db, kSelectPlans + u" WHERE name = ?"_s, {name});
        if (!old)
            return old.error();
        QJsonValue before = QJsonValue::Null;
        if (old->next()) {
            if (auto p = planFrom(old.value()))
                before = planAudit(p.value());
        }
        auto q = runQuery(db,
                          u"INSERT INTO plans (name, display_name, limits, updated_at) VALUES (?, ?, ?, ?) "
                          "ON CONFLICT (name) DO UPDATE SET display_name = excluded.display_name, "
                          "limits = excluded.limits, updated_at = excluded.updated_at"_s,
                          {name, next.displayName, storedText(Quota::limitsToJson(next.limits)),
                           next.updatedAt.toMSecsSinceEpoch()});
        if (!q)
            return q.error();
        if (Status s = bumpRevision(db); !s)
            return s;
        return m_audit.record(db, actor, {QString(), before.isNull() ? u"plan.create"_s : u"plan.update"_s,
                                          u"plan:"_s + name, before, planAudit(next)});
    });
    if (!done)
        return done.error();
    if (Status s = load(); !s)
        return s.error();
    return next;
}

Result<Quota::TenantQuotaSettings> CatalogQuotaService::settings(const Tenant &tenant)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    Quota::TenantQuotaSettings out;
    out.plan = tenant.plan;
    auto plan = this->plan(tenant.plan);
    if (plan) {
        out.planKnown = true;
        out.planLimits = plan->limits;
    } else if (plan.error().kind != ErrorKind::NotFound) {
        return plan.error();
    }
    auto q = runQuery(db.value(), u"SELECT overrides FROM tenant_quotas WHERE tenant_id = ?"_s, {tenant.id});
    if (!q)
        return q.error();
    if (q->next())
        out.overrides = parseStored(q->value(0).toString());
    auto effective = Quota::applyLimitsJson(out.planLimits, out.overrides);
    out.effective = effective ? effective.value() : out.planLimits;
    return out;
}

Result<Quota::TenantQuotaSettings> CatalogQuotaService::setOverrides(const Actor &actor, const Tenant &tenant,
                                                                     const QJsonObject &overrides)
{
    // Valid on their own (so they survive a plan change) and on top of the current plan.
    if (auto alone = Quota::applyLimitsJson({}, overrides); !alone)
        return alone.error();
    auto before = settings(tenant);
    if (!before)
        return before.error();
    auto merged = Quota::applyLimitsJson(before->planLimits, overrides);
    if (!merged)
        return merged.error();
    Status done = m_catalog.transaction([&](QSqlDatabase &db) -> Status {
        auto q = overrides.isEmpty()
            ? runQuery(db, u"DELETE FROM tenant_quotas WHERE tenant_id = ?"_s, {tenant.id})
            : runQuery(db,
                       u"INSERT INTO tenant_quotas (tenant_id, overrides, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (tenant_id) DO UPDATE SET overrides = excluded.overrides, "
                       "updated_at = excluded.updated_at"_s,
                       {tenant.id, storedText(overrides), m_clock.now().toMSecsSinceEpoch()});
        if (!q)
            return q.error();
        if (Status s = bumpRevision(db); !s)
            return s;
        return m_audit.record(db, actor, {tenant.id, u"tenant.quotas"_s, u"tenant:"_s + tenant.slug,
                                          before->overrides, overrides});
    });
    if (!done)
        return done.error();
    if (Status s = load(); !s)
        return s.error();
    // What was just written, without reading it back.
    Quota::TenantQuotaSettings after = before.value();
    after.overrides = overrides;
    after.effective = merged.value();
    return after;
}

Status bumpQuotasRevision(QSqlDatabase &tx)
{
    auto q = runQuery(tx, u"UPDATE catalog_state SET value = value + 1 WHERE name = 'quotas_revision'"_s);
    return q ? Status() : Status(q.error());
}

Status CatalogQuotaService::bumpRevision(QSqlDatabase &db)
{
    return bumpQuotasRevision(db);
}

Status CatalogQuotaService::load()
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto revision = readRevision(db.value());
    if (!revision)
        return revision.error();
    auto all = plans();
    if (!all)
        return all.error();
    QHash<QString, Quota::Limits> planLimits;
    for (const Quota::Plan &p : all.value())
        planLimits.insert(p.name, p.limits);
    auto q = runQuery(db.value(), u"SELECT tenant_id, overrides FROM tenant_quotas"_s);
    if (!q)
        return q.error();
    QHash<QString, QJsonObject> overrides;
    while (q->next())
        overrides.insert(q->value(0).toString(), parseStored(q->value(1).toString()));
    // Tenants degraded for unpaid invoices (billing's dunning) get the free plan, read-only;
    // billing bumps the quotas revision when one moves in or out.
    auto degradedRows = runQuery(db.value(),
                                 u"SELECT tenant_id FROM subscriptions WHERE status IN ('degraded', 'suspended')"_s);
    if (!degradedRows)
        return degradedRows.error();
    QSet<QString> degraded;
    while (degradedRows->next())
        degraded.insert(degradedRows->value(0).toString());
    m_policies.reset(planLimits, overrides, degraded, u"free"_s);
    m_loadedRevision.store(revision.value());
    return {};
}

Result<bool> CatalogQuotaService::refreshIfChanged()
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto revision = readRevision(db.value());
    if (!revision)
        return revision.error();
    if (revision.value() == m_loadedRevision.load())
        return false;
    if (Status s = load(); !s)
        return s.error();
    return true;
}

Status CatalogQuotaService::saveCounters(const QList<Quota::CounterRow> &rows)
{
    QList<const Quota::CounterRow *> changed;
    for (const Quota::CounterRow &row : rows) {
        if (m_saved.value(counterKey(row), -1) != row.used)
            changed.append(&row);
    }
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    const bool cleanup = nowMs - m_lastCleanupMs >= 60'000;
    if (changed.isEmpty() && !cleanup)
        return {};
    Status done = m_catalog.transaction([&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        // Another server's larger count for the same window is kept: each counts on its own
        // without a shared store, and a restart should not forget the larger.
        q.prepare(u"INSERT INTO quota_counters (tenant_id, dimension, window_index, window_end, used) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, dimension, window_index) DO UPDATE SET "
                  "used = CASE WHEN excluded.used > quota_counters.used THEN excluded.used "
                  "ELSE quota_counters.used END"_s);
        for (const Quota::CounterRow *row : std::as_const(changed)) {
            q.addBindValue(row->tenantId);
            q.addBindValue(row->dimension);
            q.addBindValue(row->windowIndex);
            q.addBindValue(row->windowEndMs);
            q.addBindValue(row->used);
            if (!q.exec())
                return sqlError(u"Cannot save the quota counters"_s, q.lastError());
        }
        if (cleanup) {
            auto old = runQuery(db, u"DELETE FROM quota_counters WHERE window_end <= ?"_s, {nowMs});
            if (!old)
                return old.error();
        }
        return {};
    });
    if (!done)
        return done;
    if (cleanup) {
        m_lastCleanupMs = nowMs;
        m_saved.clear(); // forget ended windows too; rows still live are rewritten once
        for (const Quota::CounterRow &row : rows)
            m_saved.insert(counterKey(row), row.used);
    } else {
        for (const Quota::CounterRow *row : std::as_const(changed))
            m_saved.insert(counterKey(*row), row->used);
    }
    return {};
}

Result<QList<Quota::CounterRow>> CatalogQuotaService::liveCounters(qint64 nowMs)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto q = runQuery(db.value(),
                      u"SELECT tenant_id, dimension, window_index, window_end, used FROM quota_counters "
                      "WHERE window_end > ?"_s,
                      {nowMs});
    if (!q)
        return q.error();
    QList<Quota::CounterRow> out;
    while (q->next()) {
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(),
                    q->value(3).toLongLong(), q->value(4).toLongLong()});
        m_saved.insert(counterKey(out.constLast()), out.constLast().used);
    }
    return out;
}

Result<QHash<QString, qint64>> CatalogQuotaService::latestStorage()
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto q = runQuery(db.value(),
                      u"SELECT u.tenant_id, u.storage_bytes FROM usage_hourly u JOIN ("
                      "SELECT tenant_id, MAX(hour_start) AS last FROM usage_hourly WHERE storage_bytes IS NOT NULL "
                      "GROUP BY tenant_id) m ON u.tenant_id = m.tenant_id AND u.hour_start = m.last"_s);
    if (!q)
        return q.error();
    QHash<QString, qint64> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toLongLong());
    return out;
}

Status CatalogQuotaService::restoreInto(Quota::QuotaGate &gate, const TenantDirectory &directory)
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    auto rows = liveCounters(nowMs);
    if (!rows)
        return rows.error();
    const auto snapshot = directory.snapshot();
    for (const Quota::CounterRow &row : rows.value()) {
        if (const auto tenant = snapshot->findId(row.tenantId))
            gate.restore(*tenant, row, nowMs);
    }
    auto storage = latestStorage();
    if (!storage)
        return storage.error();
    for (auto it = storage->cbegin(); it != storage->cend(); ++it)
        gate.setStorageUsed(it.key(), it.value());
    return {};
}

Status CatalogQuotaService::purgeTenant(QSqlDatabase &tx, const QString &tenantId)
{
    for (const QString &table : {u"tenant_quotas"_s, u"quota_counters"_s, u"quota_alerts"_s, u"tenant_webhooks"_s}) {
        auto q = runQuery(tx, u"DELETE FROM %1 WHERE tenant_id = ?"_s.arg(table), {tenantId});
        if (!q)
            return q.error();
    }
    return {};
}

} // namespace Tenantry::Storage
