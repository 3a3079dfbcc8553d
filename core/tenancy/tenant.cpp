#include "core/tenancy/tenant.h"

using namespace Qt::StringLiterals;

namespace Tenantry {

QString statusName(TenantStatus status)
{
    switch (status) {
    case TenantStatus::Pending: return u"pending"_s;
    case TenantStatus::Active: return u"active"_s;
    case TenantStatus::Suspended: return u"suspended"_s;
    case TenantStatus::Deleted: return u"deleted"_s;
    case TenantStatus::Purged: return u"purged"_s;
    }
    return u"unknown"_s;
}

bool parseStatus(const QString &name, TenantStatus *out)
{
    for (auto s : {TenantStatus::Pending, TenantStatus::Active, TenantStatus::Suspended,
                   TenantStatus::Deleted, TenantStatus::Purged}) {
        if (statusName(s) == name) {
            *out = s;
            return true;
        }
    }
    return false;
}

} // namespace Tenantry
