#pragma once

#include <QStringList>

namespace Tenantry::App {

// `tenantry serve [options]`: the headless server. Needs only a QCoreApplication.
// Returns the process exit code.
int runServe(const QStringList &arguments);

} // namespace Tenantry::App
