#pragma once

#include "core/billing/subscription.h"
#include "core/storage/catalog.h"

#include <QList>

#include <optional>

namespace Tenantry::Storage {

// Rows of subscriptions and subscription_events (migration 0007). Every function works inside
// the caller's connection or transaction, so a service can change a subscription, its
// history and the tenant's plan all or nothing.
namespace SubscriptionRepository {

// The tenant's subscription, or nullopt when it has none.
Result<std::optional<Billing::Subscription>> find(QSqlDatabase &db, const QString &tenantId);
// Every subscription, by tenant id.
Result<QList<Billing::Subscription>> list(QSqlDatabase &db);
// Subscriptions whose period ended at or before `nowMs` (a renewal is due), oldest first.
Result<QList<Billing::Subscription>> periodEnded(QSqlDatabase &db, qint64 nowMs, int limit);

// Subscriptions whose next dunning step (Subscription::nextRetryMs: a retry, degrading or
// suspending) is due at or before `nowMs`, oldest first.
Result<QList<Billing::Subscription>> dunningDue(QSqlDatabase &db, qint64 nowMs, int limit);

// Inserts a new subscription or replaces the tenant's (the caller checks which it means).
Status save(QSqlDatabase &tx, const Billing::Subscription &subscription);

// Appends to the history with the next id (the 'subscription_events_last_id' counter, taken
// under its row lock as quota alert ids are); returns the id.
Result<qint64> appendEvent(QSqlDatabase &tx, const Billing::SubscriptionEvent &event);
// The tenant's history, oldest first.
Result<QList<Billing::SubscriptionEvent>> events(QSqlDatabase &db, const QString &tenantId);

// Removes the tenant's subscription and history (its purge), inside the caller's transaction.
// Invoices and payments stay: they are financial records.
Status purgeTenant(QSqlDatabase &tx, const QString &tenantId);

} // namespace SubscriptionRepository

} // namespace Tenantry::Storage
