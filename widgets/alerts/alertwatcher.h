#pragma once

#include "core/base/result.h"
#include "core/observe/audittrail.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace Tenantry::Widgets {

// Watches the audit trail for entries that need an operator's attention — anomalies that a
// server detected, and later quota events — and raises each one once. The audit trail is
// shared by every process on the catalog, so this also sees what a separate `tenantry serve`
// recorded.
//
// start() takes the newest entry at that moment as seen, so alerts from before the console
// opened do not pop up; poll() (every interval() once started) then reads the entries after
// the newest seen one whose action matches one of actionFilters(), and emits alertRaised
// for each, oldest first. Seqs become visible in order (appends are serialized), so nothing
// is skipped or raised twice.
//
// Polls synchronously on the thread it lives in (one small indexed query per filter).
// Does not own the trail; it must outlive the watcher.
class AlertWatcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultInterval{5000};

    explicit AlertWatcher(Observe::AuditTrail *trail, QObject *parent = nullptr);

    // AuditQuery action filters, exact or prefix ("anomaly.*"). Default: {"anomaly.*"}.
    void setActionFilters(const QStringList &filters);
    QStringList actionFilters() const { return m_filters; }

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;

    // Marks everything recorded so far as seen and starts polling. If the trail cannot be
    // read, returns the error and keeps trying on the following polls (raising nothing until
    // it has a starting point).
    Status start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }

    // The seq of the newest entry already looked at; 0 before a successful start().
    qint64 lastSeenSeq() const { return m_lastSeen; }

    // A sentence for an alert, e.g. "Anomaly: request rate of tenant acme is 480/min,
    // expected about 20". `tenant` names the tenant (its slug when known).
    static QString describe(const Observe::AuditEntry &entry, const QString &tenant);

public Q_SLOTS:
    // Raises the matching entries recorded since the last poll. Errors leave the position
    // unchanged, so the next poll retries; they are also reported through pollFailed.
    Status poll();

Q_SIGNALS:
    void alertRaised(const Tenantry::Observe::AuditEntry &entry);
    void pollFailed(const Tenantry::Error &error);

private:
    Result<qint64> newestSeq();

    Observe::AuditTrail *m_trail;
    QStringList m_filters;
    QTimer m_timer;
    qint64 m_lastSeen = 0;
    bool m_started = false; // a starting point was read
};

} // namespace Tenantry::Widgets
