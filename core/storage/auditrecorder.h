#pragma once

#include "core/base/result.h"
#include "core/tenancy/audit.h"

#include <QSqlDatabase>

namespace Tenantry::Storage {

// The seam between catalog writers and the audit log: record() appends an event inside
// the caller's open transaction on `tx`, so the change and its audit entry commit or roll
// back together. Implemented by Observe::AuditLog.
class AuditRecorder
{
public:
    virtual ~AuditRecorder() = default;
    virtual Status record(QSqlDatabase &tx, const Actor &actor, const AuditEvent &event) = 0;
};

} // namespace Tenantry::Storage
