#pragma once

#include <QStringList>

namespace Tenantry::App {

// `tenantry [--data-dir DIR] [--database URL]`: the desktop admin console over the
// embedded catalog. Needs a display. Returns the process exit code.
int runConsole(int &argc, char **argv);

} // namespace Tenantry::App
