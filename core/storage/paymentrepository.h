#pragma once

#include "core/storage/catalog.h"

#include <QList>

#include <optional>

namespace Tenantry::Storage {

// One attempt to collect an invoice (table payments of migration 0007). `idempotencyKey` is
// what the gateway was sent; an attempt repeated after a timeout reuses it, so the gateway
// can never charge twice for it.
struct PaymentAttempt {
    QString id;
    QString invoiceId;
    QString tenantId;
    QString gateway;         // "manual", "stripe"
    QString idempotencyKey;
    qint64 amountMinor = 0;
    QString currency;
    QString status;          // "pending", "succeeded", "declined", "requires_action", "failed"
    QString gatewayReference;
    QString failureCode;
    QString failureMessage;
    qint64 attemptedMs = 0;
};

// Works in the caller's connection or transaction.
namespace PaymentRepository {

// Records an attempt, or updates the one with the same idempotency key (its outcome arrived).
Status save(QSqlDatabase &tx, const PaymentAttempt &attempt);
Result<std::optional<PaymentAttempt>> findByKey(QSqlDatabase &db, const QString &idempotencyKey);
// The invoice's attempts, oldest first.
Result<QList<PaymentAttempt>> forInvoice(QSqlDatabase &db, const QString &invoiceId);

} // namespace PaymentRepository

} // namespace Tenantry::Storage
