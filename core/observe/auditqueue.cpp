#include "core/observe/auditqueue.h"

#include "core/observe/auditlog.h"
#include "core/storage/catalog.h"

namespace Tenantry::Observe {

AuditQueue::AuditQueue(Storage::Catalog &catalog, AuditLog &log, int capacity)
    : m_catalog(catalog)
    , m_log(log)
    , m_capacity(capacity)
{
}

void AuditQueue::enqueue(const Actor &actor, const AuditEvent &event)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending.size() >= m_capacity) {
        m_dropped.fetch_add(1);
        return;
    }
    m_pending.append({actor, event});
}

Status AuditQueue::flush()
{
    QList<std::pair<Actor, AuditEvent>> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
    }
    if (batch.isEmpty())
        return {};
    Status written = m_catalog.transaction([&](QSqlDatabase &tx) -> Status {
        for (const auto &[actor, event] : batch) {
            if (Status s = m_log.record(tx, actor, event); !s)
                return s;
        }
        return {};
    });
    if (!written) {
        QMutexLocker lock(&m_mutex);
        // Put them back in front, keeping order and the bound.
        batch.append(m_pending);
        m_pending = batch.mid(0, m_capacity);
        m_dropped.fetch_add(batch.size() - m_pending.size());
    }
    return written;
}

} // namespace Tenantry::Observe
