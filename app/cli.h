#pragma once

#include <QStringList>

namespace Tenantry::App {

// True when `command` is one the command line handles (tenants, keys, audit, report, migrate).
bool isCliCommand(const QString &command);
// `tenantry tenants|keys|audit|report ...` for scripts (`migrate` is runMigrate()). Prints results on stdout
// (a table, or JSON with --json) and errors on stderr. Returns 0 on success, 1 when the
// operation failed, 2 on a usage error.
int runCli(const QStringList &arguments);

} // namespace Tenantry::App
