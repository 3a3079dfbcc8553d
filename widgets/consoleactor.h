#pragma once

#include "core/tenancy/audit.h"

#include <QtGlobal>

namespace Tenantry::Widgets {

// The actor the console records in the audit trail: the operating-system user at the
// keyboard. (A remote console will send its own operator identity instead.)
inline Actor consoleActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME", QStringLiteral("unknown")));
    return {QStringLiteral("console:") + user, {}, {}};
}

} // namespace Tenantry::Widgets
