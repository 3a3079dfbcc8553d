#include "core/storage/planpricingstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

const QStringList kIsolations{u"shared"_s, u"schema"_s, u"database"_s};

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Result<PricedPlan> readRow(const QSqlQuery &q)
{
    PricedPlan plan;
    plan.name = q.value(0).toString();
    plan.displayName = q.value(1).toString();
    plan.isolation = q.value(3).toString();
    if (!q.value(2).isNull()) {
        auto pricing = Billing::planPricingFromJson(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
        if (!pricing)
            return Error::internal(u"The stored pricing of plan '%1' cannot be read: %2"_s.arg(plan.name,
                                                                                            pricing.error().message));
        plan.pricing = std::move(pricing).value();
    }
    return plan;
}

const QString kSelect = u"SELECT name, display_name, pricing, isolation FROM plans"_s;

} // namespace

QJsonObject pricedPlanToJson(const PricedPlan &plan)
{
    return {{u"name"_s, plan.name},
            {u"display_name"_s, plan.displayName},
            {u"isolation"_s, plan.isolation.isEmpty() ? QJsonValue() : QJsonValue(plan.isolation)},
            {u"pricing"_s, plan.pricing ? QJsonValue(Billing::planPricingToJson(*plan.pricing)) : QJsonValue()}};
}

Result<PricedPlan> PlanPricingStore::find(QSqlDatabase &db, const QString &name)
{
    auto q = runQuery(db, kSelect + u" WHERE name = ?"_s, {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"plan-not-found"_s, u"No plan '%1'."_s.arg(name));
    return readRow(q.value());
}

Result<PricedPlan> PlanPricingStore::plan(const QString &name)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    return find(db.value(), name);
}

Result<QList<PricedPlan>> PlanPricingStore::plans()
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    auto q = runQuery(db.value(), kSelect + u" ORDER BY name"_s);
    if (!q)
        return q.error();
    QList<PricedPlan> out;
    while (q->next()) {
        auto plan = readRow(q.value());
        if (!plan)
            return plan.error();
        out.append(std::move(plan).value());
    }
    return out;
}

Status PlanPricingStore::seedShippedPlans(qint64 nowMs)
{
    QFile file(u":/billing/plans.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return Error::internal(u"The shipped plans (:/billing/plans.json) are missing from the binary."_s);
    const QJsonArray shipped = QJsonDocument::fromJson(file.readAll()).array();
    return m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        for (const QJsonValue &value : shipped) {
            const QJsonObject entry = value.toObject();
            const QString name = entry.value(u"name"_s).toString();
            // The shipped file is ours and tested; a bad entry is a bug, not an operator's input.
            auto pricing = Billing::planPricingFromJson(entry.value(u"pricing"_s).toObject());
            if (!pricing)
                return Error::internal(u"Shipped plan '%1' has invalid pricing: %2"_s.arg(name, pricing.error().message));
            const QString stored = compact(Billing::planPricingToJson(pricing.value()));
            const QString isolation = entry.value(u"isolation"_s).toString();
            auto existing = find(tx, name);
            if (!existing && existing.error().kind != ErrorKind::NotFound)
                return existing.error();
            if (!existing) {
                auto q = runQuery(tx,
                                  u"INSERT INTO plans (name, display_name, limits, updated_at, pricing, isolation) "
                                  "VALUES (?, ?, '{}', ?, ?, ?)"_s,
                                  {name, entry.value(u"display_name"_s).toString(), nowMs, stored, isolation});
                if (!q)
                    return q.error();
                continue;
            }
            if (existing->pricing)
                continue;
            auto q = runQuery(tx,
                              u"UPDATE plans SET pricing = ?, isolation = COALESCE(isolation, ?) WHERE name = ?"_s,
                              {stored, isolation, name});
            if (!q)
                return q.error();
        }
        return {};
    });
}

Result<PricedPlan> PlanPricingStore::putPricing(const Actor &actor, const QString &name, const QJsonObject &pricing,
                                                const QString &isolation, qint64 nowMs)
{
    auto parsed = Billing::planPricingFromJson(pricing);
    if (!parsed)
        return parsed.error();
    if (!isolation.isEmpty() && !kIsolations.contains(isolation))
        return Error::invalid(u"invalid-isolation"_s, u"Isolation must be shared, schema or database."_s,
                              {{u"/isolation"_s, u"not shared, schema or database"_s}});
    PricedPlan after;
    const Status done = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        auto before = find(tx, name);
        if (!before)
            return before.error();
        auto q = runQuery(tx, u"UPDATE plans SET pricing = ?, isolation = ?, updated_at = ? WHERE name = ?"_s,
                          {compact(Billing::planPricingToJson(parsed.value())),
                           isolation.isEmpty() ? textOrNull(before->isolation) : QVariant(isolation), nowMs, name});
        if (!q)
            return q.error();
        after = before.value();
        after.pricing = parsed.value();
        if (!isolation.isEmpty())
            after.isolation = isolation;
        return m_audit.record(tx, actor, {QString(), u"plan.pricing"_s, u"plan:"_s + name,
                                          pricedPlanToJson(before.value()), pricedPlanToJson(after)});
    });
    if (!done)
        return done.error();
    return after;
}

} // namespace Tenantry::Storage
