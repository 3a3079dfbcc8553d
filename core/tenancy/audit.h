#pragma once

#include <QJsonValue>
#include <QString>

namespace Tenantry {

// Who did something, and through which request. Every mutation of the tenant service takes
// one, so nothing changes without saying who changed it.
struct Actor {
    QString id;        // "admin", "api-key:<key id>", "jwt:<sub>", "system", "cli:<user>", "console:<user>"
    QString requestId; // empty outside HTTP
    QString source;    // client address, empty outside HTTP

    static Actor system() { return {QStringLiteral("system"), {}, {}}; }
};

// One change worth recording in the audit trail.
struct AuditEvent {
    QString tenantId;  // empty for events not about one tenant
    QString action;    // dotted, e.g. "tenant.create", "tenant.suspend", "api_key.revoke", "auth.failure"
    QString target;    // what was acted on, e.g. "tenant:acme", "api_key:<id>"
    QJsonValue before; // state before (Null for creations)
    QJsonValue after;  // state after (Null for removals)
};

} // namespace Tenantry
