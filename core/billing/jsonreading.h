#pragma once

#include "core/base/error.h"
#include "core/billing/billingperiod.h"
#include "core/billing/money.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

// Reading billing documents (settings, plan pricing) field by field, collecting every problem
// with its JSON pointer so one answer names them all.
namespace Tenantry::Billing {

// A whole number in [min, max] at `pointer`; otherwise false, with an error appended.
bool readWhole(const QJsonValue &value, qint64 min, qint64 max, const QString &pointer, QList<FieldError> &errors,
               qint64 *out);
// Text of at most `maxLength` characters (trimmed); otherwise false, with an error appended.
bool readText(const QJsonValue &value, int maxLength, const QString &pointer, QList<FieldError> &errors, QString *out);
// An error for every key of `o` not in `known`, named `at`/key.
void unknownKeys(const QJsonObject &o, const QStringList &known, const QString &at, QList<FieldError> &errors);

// Readers of the documents billing writes itself (subscriptions, quotes, invoice summaries),
// which read each value back exactly as written. Each returns false, with an error appended
// and `out` untouched, for a value of another form.
//
// A string as written (not trimmed); with `nullable`, null or absent reads as "".
bool readString(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors, QString *out,
                bool nullable = false);
// true or false.
bool readBool(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors, bool *out);
// A time as billingTimeJson() writes it; null or absent is 0.
bool readTime(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors, qint64 *out);
// An amount in `currency` as Money::decimal() writes it ("12.30").
bool readMoney(const QJsonValue &value, const Currency &currency, const QString &pointer, QList<FieldError> &errors,
               Money *out);
// A period as {"start", "end"} of two such times.
bool readPeriod(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors, BillingPeriod *out);
// An object; otherwise an empty one, with an error appended.
QJsonObject readObject(const QJsonValue &value, const QString &pointer, QList<FieldError> &errors);
// Invalid `code` with every error as a field, its message naming the first, e.g. "The
// subscription document is invalid: /status must be trialing, …".
Error documentError(const QString &code, const QString &document, const QList<FieldError> &errors);

} // namespace Tenantry::Billing
