#include "core/storage/subscriptionrepository.h"

#include <QJsonDocument>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage::SubscriptionRepository {
namespace {

const QString kColumns = u"tenant_id, plan, cycle, status, anchor_at, period_start, period_end, trial_end, "
                         "scheduled_plan, scheduled_cycle, cancel_at_period_end, dunning_attempt, next_retry_at, "
                         "past_due_since, created_at, updated_at, payment_customer"_s;

Result<Billing::Subscription> read(const QSqlQuery &q)
{
    Billing::Subscription s;
    s.tenantId = q.value(0).toString();
    s.plan = q.value(1).toString();
    s.cycle = q.value(2).toString();
    if (!Billing::parseSubscriptionStatus(q.value(3).toString(), &s.status))
        return Error::internal(u"Subscription of '%1' has an unknown status '%2'."_s.arg(s.tenantId, q.value(3).toString()));
    s.anchorMs = q.value(4).toLongLong();
    s.periodStartMs = q.value(5).toLongLong();
    s.periodEndMs = q.value(6).toLongLong();
    s.trialEndMs = q.value(7).toLongLong();
    s.scheduledPlan = q.value(8).toString();
    s.scheduledCycle = q.value(9).toString();
    s.cancelAtPeriodEnd = q.value(10).toInt() != 0;
    s.dunningAttempt = q.value(11).toInt();
    s.nextRetryMs = q.value(12).toLongLong();
    s.pastDueSinceMs = q.value(13).toLongLong();
    s.createdMs = q.value(14).toLongLong();
    s.updatedMs = q.value(15).toLongLong();
    s.paymentCustomer = q.value(16).toString();
    return s;
}

Result<QList<Billing::Subscription>> readAll(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    QList<Billing::Subscription> out;
    while (q->next()) {
        auto s = read(q.value());
        if (!s)
            return s.error();
        out.append(std::move(s).value());
    }
    return out;
}

} // namespace

Result<std::optional<Billing::Subscription>> find(QSqlDatabase &db, const QString &tenantId)
{
    auto all = readAll(runQuery(db, u"SELECT "_s + kColumns + u" FROM subscriptions WHERE tenant_id = ?"_s, {tenantId}));
    if (!all)
        return all.error();
    if (all->isEmpty())
        return std::optional<Billing::Subscription>();
    return std::optional<Billing::Subscription>(all->first());
}

Result<QList<Billing::Subscription>> list(QSqlDatabase &db)
{
    return readAll(runQuery(db, u"SELECT "_s + kColumns + u" FROM subscriptions ORDER BY tenant_id"_s));
}

Result<QList<Billing::Subscription>> periodEnded(QSqlDatabase &db, qint64 nowMs, int limit)
{
    return readAll(runQuery(db,
                            u"SELECT "_s + kColumns
                                + u" FROM subscriptions WHERE period_end <= ? AND status <> 'canceled' "
                                  "ORDER BY period_end, tenant_id LIMIT ?"_s,
                            {nowMs, limit}));
}

Result<QList<Billing::Subscription>> dunningDue(QSqlDatabase &db, qint64 nowMs, int limit)
{
    return readAll(runQuery(db,
                            u"SELECT "_s + kColumns
                                + u" FROM subscriptions WHERE status IN ('past_due', 'degraded') AND next_retry_at <= ? "
                                  "ORDER BY next_retry_at, tenant_id LIMIT ?"_s,
                            {nowMs, limit}));
}

Status save(QSqlDatabase &tx, const Billing::Subscription &s)
{
    auto removed = runQuery(tx, u"DELETE FROM subscriptions WHERE tenant_id = ?"_s, {s.tenantId});
    if (!removed)
        return removed.error();
    auto inserted = runQuery(tx,
                             u"INSERT INTO subscriptions ("_s + kColumns
                                 + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                             {s.tenantId, s.plan, s.cycle, Billing::subscriptionStatusName(s.status), s.anchorMs,
                              s.periodStartMs, s.periodEndMs, timeOrNull(s.trialEndMs), textOrNull(s.scheduledPlan),
                              textOrNull(s.scheduledCycle), s.cancelAtPeriodEnd ? 1 : 0, s.dunningAttempt,
                              timeOrNull(s.nextRetryMs), timeOrNull(s.pastDueSinceMs), s.createdMs, s.updatedMs,
                              textOrNull(s.paymentCustomer)});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<qint64> appendEvent(QSqlDatabase &tx, const Billing::SubscriptionEvent &e)
{
    auto taken = takeCounter(tx, u"subscription_events_last_id"_s);
    if (!taken)
        return taken.error();
    const qint64 id = taken.value();
    auto inserted = runQuery(tx,
                             u"INSERT INTO subscription_events (id, tenant_id, at, kind, actor, detail) "
                             "VALUES (?, ?, ?, ?, ?, ?)"_s,
                             {id, e.tenantId, e.atMs, e.kind, e.actor,
                              QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact))});
    if (!inserted)
        return inserted.error();
    return id;
}

Result<QList<Billing::SubscriptionEvent>> events(QSqlDatabase &db, const QString &tenantId)
{
    auto q = runQuery(db,
                      u"SELECT id, tenant_id, at, kind, actor, detail FROM subscription_events WHERE tenant_id = ? "
                      "ORDER BY id"_s,
                      {tenantId});
    if (!q)
        return q.error();
    QList<Billing::SubscriptionEvent> out;
    while (q->next()) {
        out.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toString(),
                    q->value(4).toString(), QJsonDocument::fromJson(q->value(5).toString().toUtf8()).object()});
    }
    return out;
}

Status purgeTenant(QSqlDatabase &tx, const QString &tenantId)
{
    for (const QString &sql : {u"DELETE FROM subscription_events WHERE tenant_id = ?"_s,
                               u"DELETE FROM subscriptions WHERE tenant_id = ?"_s,
                               u"DELETE FROM pending_invoice_lines WHERE tenant_id = ? AND invoice_id IS NULL"_s}) {
        auto q = runQuery(tx, sql, {tenantId});
        if (!q)
            return q.error();
    }
    return {};
}

} // namespace Tenantry::Storage::SubscriptionRepository
