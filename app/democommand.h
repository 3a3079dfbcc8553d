#pragma once

#include <QStringList>

namespace Tenantry::App {

// `tenantry demo-data`: fills an empty catalog with a realistic fleet for trying the product
// out and for the console's screenshots (tenantry demo-data --help).
int runDemoData(const QStringList &arguments);

} // namespace Tenantry::App
