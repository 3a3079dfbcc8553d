#pragma once

#include "core/quota/quotaalert.h"

#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>

#include <limits>

// Quota alerts: the queue, the notifier and what they refuse or fail at.
Q_DECLARE_LOGGING_CATEGORY(lcQuota)

namespace Tenantry::Quota {

// What a QuotaAlertQueue did since it was created.
struct QuotaAlertQueueCounters {
    qint64 queued = 0;     // alerts put in the queue (each threshold counts once)
    qint64 duplicates = 0; // thresholds offered again in the same window and left out
    qint64 dropped = 0;    // thresholds left out because the queue was full
    qint64 unremembered = 0; // queued while the de-duplication memory was full (the catalog dedupes them)
};

// The hand-over from the request path to QuotaAlertNotifier: the quota check offers each
// threshold it sees crossed, a timer drains the queue and does the slow work (catalog,
// webhooks) off the request path.
//
// De-duplication: each (tenant, dimension, window start, threshold) is queued at most once
// per queue (i.e. per process); across processes the catalog's unique key does the same.
// Offering threshold t also queues every lower threshold of kAlertThresholds not queued yet
// in that window, so a request that jumps from 0 to 96 % queues 80, 90 and 95 — receivers
// see every level, in ascending order — and one that then reaches 100 % queues only 100.
// The memory of what was queued forgets a window once an offer dated at or after its end
// arrives, and holds at most `memoryLimit` entries; past that, alerts are still queued but
// not remembered, which costs catalog work but no duplicate webhook. Storage alerts
// (window end 0) are remembered until the memory fills.
//
// Bounded: when `capacity` alerts wait, further thresholds are dropped and counted, and are
// not remembered, so offering a higher threshold later queues them then.
//
// Thread-safe. offer() takes a short lock and never waits on I/O.
class QuotaAlertQueue final
{
public:
    static constexpr qsizetype kDefaultCapacity = 10'000;
    static constexpr qsizetype kDefaultMemoryLimit = 100'000;

    explicit QuotaAlertQueue(qsizetype capacity = kDefaultCapacity, qsizetype memoryLimit = kDefaultMemoryLimit);
    QuotaAlertQueue(const QuotaAlertQueue &) = delete;
    QuotaAlertQueue &operator=(const QuotaAlertQueue &) = delete;

    // Queues `alert` and the lower thresholds it implies, leaving out those already queued
    // in its window; returns how many were queued. An alert whose threshold is not one of
    // kAlertThresholds, or without tenant or dimension, is a caller's bug: it is logged
    // (tenantry.quota) and ignored.
    int offer(const QuotaAlert &alert);

    // Removes and returns everything queued, oldest first.
    QList<QuotaAlert> take();

    qsizetype size() const;
    // Entries of the de-duplication memory (for tests and metrics).
    qsizetype remembered() const;
    QuotaAlertQueueCounters counters() const;

private:
    struct Key {
        QString tenantId;
        QString dimension;
        qint64 windowStartMs;
        int threshold;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.tenantId, key.dimension, key.windowStartMs, key.threshold);
        }
    };

    void forgetEndedWindows(qint64 nowMs);

    const qsizetype m_capacity;
    const qsizetype m_memoryLimit;
    mutable QMutex m_mutex; // guards everything below
    QList<QuotaAlert> m_queue;
    QHash<Key, qint64> m_queued; // what was queued, with its window's end (0: never ends)
    qint64 m_nextWindowEnd = std::numeric_limits<qint64>::max(); // the earliest remembered end
    QuotaAlertQueueCounters m_counters;
};

} // namespace Tenantry::Quota
