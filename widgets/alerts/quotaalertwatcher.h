#pragma once

#include "core/base/result.h"
#include "core/quota/quotaalert.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace Tenantry::Widgets {

class QuotaAlertFeed;

// Watches a QuotaAlertFeed for alerts recorded while the console runs: start() takes the
// newest as seen, then every interval() poll() emits alertRaised for each newer one, oldest
// first, once. Alerts recorded before start() do not pop up. Polls synchronously on its
// thread (one small indexed query). Does not own the feed; it must outlive the watcher.
class QuotaAlertWatcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultInterval{5000};

    explicit QuotaAlertWatcher(QuotaAlertFeed *feed, QObject *parent = nullptr);

    void setInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }
    // Takes what is recorded as seen and starts polling; on error keeps trying on the polls.
    Status start();
    Status poll();

    // "acme reached 90% of API calls per day (9,000 of 10,000)".
    static QString describe(const Quota::QuotaAlert &alert, const QString &tenantSlug);

Q_SIGNALS:
    void alertRaised(const Tenantry::Quota::QuotaAlert &alert);
    void pollFailed(const Tenantry::Error &error);

private:
    QuotaAlertFeed *m_feed;
    QTimer m_timer;
    qint64 m_lastSeen = 0;
    bool m_started = false;
};

} // namespace Tenantry::Widgets
