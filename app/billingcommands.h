#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace Tenantry::App {

class Runtime;

// `tenantry plans pricing|price`, `tenantry subscriptions …` and `tenantry invoices …`:
// billing from the command line, on the same services as the admin API. Returns the exit
// status.
int runBillingCommand(Runtime &runtime, const QString &group, const QString &verb, const QStringList &positional,
                      const QCommandLineParser &parser, bool json);

} // namespace Tenantry::App
