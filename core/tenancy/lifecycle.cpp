#include "core/tenancy/lifecycle.h"

using namespace Qt::StringLiterals;

namespace Tenantry {

QString actionName(LifecycleAction action)
{
    switch (action) {
    case LifecycleAction::Activate: return u"activate"_s;
    case LifecycleAction::Suspend: return u"suspend"_s;
    case LifecycleAction::Delete: return u"delete"_s;
    case LifecycleAction::Restore: return u"restore"_s;
    case LifecycleAction::Purge: return u"purge"_s;
    }
    return u"unknown"_s;
}

bool parseAction(const QString &name, LifecycleAction *out)
{
    for (auto a : {LifecycleAction::Activate, LifecycleAction::Suspend, LifecycleAction::Delete,
                   LifecycleAction::Restore, LifecycleAction::Purge}) {
        if (actionName(a) == name) {
            *out = a;
            return true;
        }
    }
    return false;
}

Result<TenantStatus> nextStatus(TenantStatus from, LifecycleAction action)
{
    using S = TenantStatus;
    using A = LifecycleAction;
    switch (action) {
    case A::Activate:
        if (from == S::Pending || from == S::Suspended)
            return S::Active;
        break;
    case A::Suspend:
        if (from == S::Active)
            return S::Suspended;
        break;
    case A::Delete:
        if (from == S::Pending || from == S::Active || from == S::Suspended)
            return S::Deleted;
        break;
    case A::Restore:
        if (from == S::Deleted)
            return S::Suspended;
        break;
    case A::Purge:
        if (from == S::Deleted)
            return S::Purged;
        break;
    }
    return Error::conflict(u"illegal-transition"_s,
                           u"Cannot %1 a tenant that is %2."_s.arg(actionName(action), statusName(from)));
}

} // namespace Tenantry
