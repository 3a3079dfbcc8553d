#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/notify/webhooksender.h"
#include "core/quota/quotaalertqueue.h"
#include "core/storage/quotaalertrepository.h"

#include <QDateTime>
#include <QList>

namespace Tenantry::Quota {

// What a QuotaAlertNotifier did since it was created.
struct QuotaAlertNotifierCounters {
    qint64 recorded = 0;   // alerts that were new in the catalog
    qint64 duplicates = 0; // alerts the catalog already had (another process recorded them)
    qint64 enqueued = 0;   // quota.threshold webhooks handed to the sender
    qint64 withoutWebhook = 0; // new alerts of tenants with no webhook configured
    qint64 failedFlushes = 0;  // flushes that met a catalog error
    qint64 dropped = 0;        // alerts given up because too many waited through failures
};

// Moves quota alerts from the request path's queue into the catalog and out as webhooks:
// each flush() takes what QuotaAlertQueue holds, records it (QuotaAlertRepository::record)
// and, for each alert that was new — so across servers sharing the catalog each alert is
// sent once — enqueues a "quota.threshold" event to the tenant's webhook, if it has one,
// with QuotaAlert's JSON (quotaalertjson.h) as data. The sender signs and retries.
//
// A catalog error loses nothing: the alerts not yet recorded, or recorded but not yet sent,
// are held and tried first by the next flush, at most `maxHeld` of each (the oldest are
// kept, the rest dropped and counted). Failures are logged to `tenantry.quota` at most once
// a minute by `clock`, with how many were not logged; URLs and secrets never are.
//
// Not thread-safe: call from one thread (the server's timer). The queue, repository, sender
// and clock are borrowed and must outlive the notifier.
class QuotaAlertNotifier final
{
public:
    static constexpr const char *eventType = "quota.threshold";
    static constexpr qsizetype kDefaultMaxHeld = 10'000;

    QuotaAlertNotifier(QuotaAlertQueue &queue, Storage::QuotaAlertRepository &repository,
                       Notify::WebhookSender &sender, const Clock &clock, qsizetype maxHeld = kDefaultMaxHeld);
    QuotaAlertNotifier(const QuotaAlertNotifier &) = delete;
    QuotaAlertNotifier &operator=(const QuotaAlertNotifier &) = delete;

    // Records and sends what is queued or held. With nothing to do it does not touch the
    // catalog. Errors are the catalog's ("database-error", ...): then the alerts are held
    // for the next flush. A webhook the sender refuses is logged, not an error.
    Status flush();

    // Alerts held through a failure, waiting for the next flush.
    qsizetype held() const { return m_unrecorded.size() + m_unsent.size(); }
    const QuotaAlertNotifierCounters &counters() const { return m_counters; }

private:
    Status send();
    void trim(QList<QuotaAlert> &held);
    void warn(const QString &what, const Error &error);

    QuotaAlertQueue &m_queue;
    Storage::QuotaAlertRepository &m_repository;
    Notify::WebhookSender &m_sender;
    const Clock &m_clock;
    const qsizetype m_maxHeld;
    QList<QuotaAlert> m_unrecorded; // taken from the queue, not yet in the catalog
    QList<QuotaAlert> m_unsent;     // new in the catalog, webhook not yet enqueued
    QuotaAlertNotifierCounters m_counters;
    QDateTime m_lastWarning;
    int m_unloggedWarnings = 0;
};

} // namespace Tenantry::Quota
