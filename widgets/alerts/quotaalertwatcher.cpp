#include "widgets/alerts/quotaalertwatcher.h"

#include "widgets/alerts/quotaalertfeed.h"
#include "widgets/quotas/quotalimitsmodel.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

// Alerts are few (each threshold once per window); a flood is read over several polls.
constexpr int kPerPoll = 200;

} // namespace

QuotaAlertWatcher::QuotaAlertWatcher(QuotaAlertFeed *feed, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
{
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)poll(); });
}

Status QuotaAlertWatcher::start()
{
    m_timer.start();
    Result<qint64> newest = m_feed->newestId();
    if (!newest)
        return newest.error();
    m_lastSeen = newest.value();
    m_started = true;
    return {};
}

Status QuotaAlertWatcher::poll()
{
    if (!m_started)
        return start();
    Result<QList<FedQuotaAlert>> fresh = m_feed->after(m_lastSeen, kPerPoll);
    if (!fresh) {
        Q_EMIT pollFailed(fresh.error());
        return fresh.error();
    }
    for (const FedQuotaAlert &a : fresh.value()) {
        m_lastSeen = std::max(m_lastSeen, a.id);
        Q_EMIT alertRaised(a.alert);
    }
    return {};
}

QString QuotaAlertWatcher::describe(const Quota::QuotaAlert &alert, const QString &tenantSlug)
{
    Quota::DimensionUsage usage;
    usage.name = alert.dimension;
    usage.used = alert.used;
    usage.limit = alert.limit;
    return tr("%1 reached %2% of %3: %4")
        .arg(tenantSlug, QString::number(alert.threshold), dimensionLabel(alert.dimension), formatUsage(usage));
}

} // namespace Tenantry::Widgets
