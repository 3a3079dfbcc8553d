#pragma once

#include <QStringList>

namespace Tenantry::App {

// `tenantry migrate --all [--concurrency N] | --tenant SLUG | --status`: brings tenant data
// spaces to the latest schema version, or reports where they stand. `arguments` starts with
// the program and "migrate". Progress lines go to stderr, the summary to stdout. Returns 0
// when every space visited is at the latest version, 1 when any failed (or, for --status,
// is behind or unreadable), 2 on a usage error and 130 when SIGINT or SIGTERM stopped it.
int runMigrate(const QStringList &arguments);

} // namespace Tenantry::App
