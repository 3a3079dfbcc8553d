#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Tenantry {

// Where a tenant is in its life. See lifecycle.h for the legal moves between them.
enum class TenantStatus { Pending, Active, Suspended, Deleted, Purged };

QString statusName(TenantStatus status);
// Parses the lower-case name produced by statusName(); false when unknown.
bool parseStatus(const QString &name, TenantStatus *out);

// What an operator may configure about a tenant. Validated by validateConfig().
struct TenantConfig {
    QString timeZone = QStringLiteral("UTC");       // IANA id
    QString displayName;
    QString themeColor = QStringLiteral("#2f6feb"); // #rrggbb
    QString locale = QStringLiteral("en_US");       // language[_TERRITORY]
    QJsonObject settings;                           // free-form, size-limited
};

// A tenant as the catalog knows it. Plain value; copying is cheap enough for snapshots.
// The fields every request reads (id, number, status, plan, time zone) come first, so they
// share a cache line or two.
struct Tenant {
    QString id;         // immutable UUID, never reused
    // The process's number for `id` (canonicaltenant.h), set by the tenant directory; 0 for
    // a tenant that did not come from one. Lets per-tenant state live in arrays.
    quint32 number = 0;
    TenantStatus status = TenantStatus::Pending;
    QString plan = QStringLiteral("free");
    TenantConfig config;
    QString slug;       // lower-case DNS label, unique among non-purged tenants
    QString isolation = QStringLiteral("shared");
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime deletedAt;  // null unless Deleted/Purged
    QDateTime purgeAfter; // null unless Deleted: earliest time purge is allowed
    QString clonedFrom;   // id of the source tenant, empty if not a clone
};

} // namespace Tenantry
