#pragma once

#include "core/base/result.h"
#include "core/tenancy/audit.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QTextStream>

// What every command line verb prints and how it fails, in one place so all verbs look alike.
namespace Tenantry::App {

// Standard output as text.
QTextStream &out();
// The operating-system user running the command, for the audit trail.
Actor cliActor();
// Prints `error` (message, code, every bad field) to standard error; returns the exit status 1.
int failed(const Error &error);
// A command used wrongly; returns the exit status 2.
int usageError(const QString &message);
void printJson(const QJsonValue &value);
// A command line argument that must be one JSON object; `what` names it in the error.
Result<QJsonObject> jsonArgument(const QString &text, const QString &what = QStringLiteral("The limits"));
// Writes `bytes` to the file `path` all or nothing (no truncated file is left behind after a
// failure), or to standard output when `path` is empty. Returns the exit status.
int writeOutput(const QByteArray &bytes, const QString &path);

} // namespace Tenantry::App
