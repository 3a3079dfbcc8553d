#pragma once

#include "core/base/result.h"
#include "core/tenancy/tenant.h"

namespace Tenantry {

// What an operator (or the system) can do to a tenant's status.
enum class LifecycleAction { Activate, Suspend, Delete, Restore, Purge };

QString actionName(LifecycleAction action);
bool parseAction(const QString &name, LifecycleAction *out);

// The state machine, and the only place that knows it:
//   pending  --activate--> active
//   active   --suspend---> suspended --activate--> active
//   pending|active|suspended --delete--> deleted --restore--> suspended
//   deleted  --purge-----> purged (terminal)
// Restore lands in suspended on purpose: an operator reviews a restored tenant before
// it serves traffic again. Returns the new status, or a Conflict error with code
// "illegal-transition" naming both ends.
Result<TenantStatus> nextStatus(TenantStatus from, LifecycleAction action);

} // namespace Tenantry
