#pragma once

#include "core/base/error.h"

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

} // namespace Tenantry::Billing
