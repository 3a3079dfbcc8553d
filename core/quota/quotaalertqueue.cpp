#include "core/quota/quotaalertqueue.h"

#include "core/quota/alertthresholds.h"

#include <algorithm>

Q_LOGGING_CATEGORY(lcQuota, "tenantry.quota", QtInfoMsg)

namespace Tenantry::Quota {

QuotaAlertQueue::QuotaAlertQueue(qsizetype capacity, qsizetype memoryLimit)
    : m_capacity(std::max<qsizetype>(1, capacity))
    , m_memoryLimit(std::max<qsizetype>(1, memoryLimit))
{
}

int QuotaAlertQueue::offer(const QuotaAlert &alert)
{
    if (alert.tenantId.isEmpty() || alert.dimension.isEmpty()
        || std::find(kAlertThresholds.begin(), kAlertThresholds.end(), alert.threshold) == kAlertThresholds.end()) {
        qCWarning(lcQuota).noquote() << "ignoring a malformed quota alert: tenant" << alert.tenantId << "dimension"
                                     << alert.dimension << "threshold" << alert.threshold;
        return 0;
    }
    QMutexLocker lock(&m_mutex);
    if (alert.atMs >= m_nextWindowEnd)
        forgetEndedWindows(alert.atMs);
    int queued = 0;
    for (int threshold : kAlertThresholds) {
        if (threshold > alert.threshold)
            break;
        Key key{alert.tenantId, alert.dimension, alert.windowStartMs, threshold};
        if (m_queued.contains(key)) {
            ++m_counters.duplicates;
            continue;
        }
        if (m_queue.size() >= m_capacity) {
            ++m_counters.dropped;
            continue;
        }
        QuotaAlert level = alert;
        level.threshold = threshold;
        m_queue.append(std::move(level));
        ++m_counters.queued;
        ++queued;
        if (m_queued.size() >= m_memoryLimit) {
            ++m_counters.unremembered;
            continue;
        }
        m_queued.insert(std::move(key), alert.windowEndMs);
        if (alert.windowEndMs > 0)
            m_nextWindowEnd = std::min(m_nextWindowEnd, alert.windowEndMs);
    }
    return queued;
}

void QuotaAlertQueue::forgetEndedWindows(qint64 nowMs)
{
    m_nextWindowEnd = std::numeric_limits<qint64>::max();
    for (auto it = m_queued.begin(); it != m_queued.end();) {
        if (it.value() > 0 && it.value() <= nowMs) {
            it = m_queued.erase(it);
            continue;
        }
        if (it.value() > 0)
            m_nextWindowEnd = std::min(m_nextWindowEnd, it.value());
        ++it;
    }
}

QList<QuotaAlert> QuotaAlertQueue::take()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_queue, {});
}

qsizetype QuotaAlertQueue::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_queue.size();
}

qsizetype QuotaAlertQueue::remembered() const
{
    QMutexLocker lock(&m_mutex);
    return m_queued.size();
}

QuotaAlertQueueCounters QuotaAlertQueue::counters() const
{
    QMutexLocker lock(&m_mutex);
    return m_counters;
}

} // namespace Tenantry::Quota
