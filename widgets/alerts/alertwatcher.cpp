#include "widgets/alerts/alertwatcher.h"

#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcAlerts, "tenantry.console.alerts")

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

// Alerts per poll are few; a flood is read in pages of this many.
constexpr int kPageSize = 500;

// A per-minute figure: whole numbers from 10 up; below, one decimal where it matters, so
// "about 0.4" does not read "about 0" and "about 2" not "about 2.0".
QString perMinute(double value)
{
    const double rounded = std::abs(value) < 10 ? std::round(value * 10) / 10 : std::round(value);
    if (rounded == std::floor(rounded))
        return QLocale().toString(qint64(rounded));
    return QLocale().toString(rounded, 'f', 1);
}

} // namespace

AlertWatcher::AlertWatcher(Observe::AuditTrail *trail, QObject *parent)
    : QObject(parent)
    , m_trail(trail)
    , m_filters{u"anomaly.*"_s}
{
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)poll(); });
}

void AlertWatcher::setActionFilters(const QStringList &filters)
{
    m_filters = filters;
}

void AlertWatcher::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

std::chrono::milliseconds AlertWatcher::interval() const
{
    return m_timer.intervalAsDuration();
}

Status AlertWatcher::start()
{
    m_timer.start();
    Result<qint64> newest = newestSeq();
    if (!newest) {
        qCWarning(lcAlerts).noquote() << "reading the audit trail for alerts failed:" << newest.error().message;
        return newest.error();
    }
    m_lastSeen = newest.value();
    m_started = true;
    return {};
}

void AlertWatcher::stop()
{
    m_timer.stop();
}

Status AlertWatcher::poll()
{
    const auto fail = [this](const Error &error) -> Status {
        qCWarning(lcAlerts).noquote() << "reading the audit trail for alerts failed:" << error.message;
        Q_EMIT pollFailed(error);
        return error;
    };
    // The newest seq first: entries up to it are looked at now, later ones on the next poll,
    // whichever filter they match.
    Result<qint64> newest = newestSeq();
    if (!newest)
        return fail(newest.error());
    if (!m_started) {
        m_lastSeen = newest.value();
        m_started = true;
        return {};
    }
    if (newest.value() <= m_lastSeen)
        return {};

    QList<Observe::AuditEntry> raised;
    for (const QString &filter : std::as_const(m_filters)) {
        Observe::AuditQuery query;
        query.action = filter;
        query.afterSeq = m_lastSeen;
        query.limit = kPageSize;
        for (;;) {
            Result<Observe::AuditPage> page = m_trail->query(query);
            if (!page)
                return fail(page.error());
            for (const Observe::AuditEntry &e : page->items) {
                if (e.seq <= newest.value())
                    raised.append(e);
            }
            if (page->nextCursor == 0 || page->nextCursor >= newest.value())
                break;
            query.afterSeq = page->nextCursor;
        }
    }
    // Overlapping filters ("anomaly.*" and "anomaly.detected") must not raise an entry twice.
    std::sort(raised.begin(), raised.end(), [](const auto &a, const auto &b) { return a.seq < b.seq; });
    raised.erase(std::unique(raised.begin(), raised.end(), [](const auto &a, const auto &b) { return a.seq == b.seq; }),
                 raised.end());
    m_lastSeen = newest.value();
    for (const Observe::AuditEntry &e : std::as_const(raised))
        Q_EMIT alertRaised(e);
    return {};
}

QString AlertWatcher::describe(const Observe::AuditEntry &entry, const QString &tenant)
{
    const QJsonObject after = entry.after.toObject();
    if (entry.action == "anomaly.detected"_L1) {
        const QString signal = after.value(u"signal"_s).toString();
        // The figures are counts per sampling interval; shown per minute.
        const double interval = after.value(u"interval_seconds"_s).toDouble(60);
        const double scale = interval > 0 ? 60.0 / interval : 1.0;
        const QString value = perMinute(after.value(u"value"_s).toDouble() * scale);
        const QString expected = perMinute(after.value(u"expected"_s).toDouble() * scale);
        if (signal == "request_rate"_L1)
            return tr("Anomaly: request rate of tenant %1 is %2/min, expected about %3").arg(tenant, value, expected);
        if (signal == "error_rate"_L1)
            return tr("Anomaly: error rate of tenant %1 is %2/min, expected about %3").arg(tenant, value, expected);
        if (signal == "auth_failures"_L1) {
            return tr("Anomaly: failed authentications for tenant %1 are at %2/min, expected about %3")
                .arg(tenant, value, expected);
        }
        return tr("Anomaly: %1 of tenant %2 is %3/min, expected about %4").arg(signal, tenant, value, expected);
    }
    if (tenant.isEmpty())
        return tr("Alert: %1").arg(entry.action);
    return tr("Alert: %1 for tenant %2").arg(entry.action, tenant);
}

Result<qint64> AlertWatcher::newestSeq()
{
    Observe::AuditQuery query;
    query.newestFirst = true;
    query.limit = 1;
    Result<Observe::AuditPage> page = m_trail->query(query);
    if (!page)
        return page.error();
    return page->items.isEmpty() ? qint64(0) : page->items.first().seq;
}

} // namespace Tenantry::Widgets
