#pragma once

#include "core/base/result.h"
#include "core/tenancy/audit.h"

#include <QList>
#include <QMutex>

#include <atomic>

namespace Tenantry::Storage {
class Catalog;
}

namespace Tenantry::Observe {

class AuditLog;

// Events that must not cost a database write on the request path (failed authentications,
// which an attacker can send at will) wait here and are written in one transaction by
// flush(), which the server calls on a timer. Bounded: beyond `capacity` queued events new
// ones are dropped and counted, so a flood cannot exhaust memory. Thread-safe.
class AuditQueue
{
public:
    AuditQueue(Storage::Catalog &catalog, AuditLog &log, int capacity = 10000);

    void enqueue(const Actor &actor, const AuditEvent &event);
    // Writes everything queued so far. On failure the events stay queued for the next try.
    Status flush();
    qint64 dropped() const { return m_dropped.load(); }

private:
    Storage::Catalog &m_catalog;
    AuditLog &m_log;
    const int m_capacity;
    mutable QMutex m_mutex;
    QList<std::pair<Actor, AuditEvent>> m_pending;
    std::atomic<qint64> m_dropped{0};
};

} // namespace Tenantry::Observe
