#include "core/remote/remotemetrics.h"

#include "core/base/clock.h"
#include "core/remote/adminclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Tenantry::Remote {
namespace {

using Observe::LatencyHistogram;
using Buckets = LatencyHistogram::Buckets;

Error unexpected(const QString &what)
{
    return Error{ErrorKind::Internal, u"unexpected-response"_s,
                 u"The server's metrics are not as expected (%1)."_s.arg(what), {}};
}

// The histogram bounds must be ours, bucket for bucket, or the counts would be read as the
// wrong latencies; a server that sends none predates them.
Status checkBounds(const QJsonObject &answer)
{
    const QJsonValue bounds = answer.value(u"latency_bucket_bounds_us"_s);
    if (bounds.isUndefined()) {
        return Error{ErrorKind::Internal, u"metrics-histogram-missing"_s,
                     u"The server does not report latency histograms; update it to chart its traffic."_s, {}};
    }
    const QJsonArray list = bounds.toArray();
    bool same = std::size_t(list.size()) == LatencyHistogram::kBoundsUs.size();
    for (qsizetype i = 0; same && i < list.size(); ++i)
        same = list.at(i).toInteger(-1) == LatencyHistogram::kBoundsUs[std::size_t(i)];
    if (!same)
        return unexpected(u"its latency buckets differ from this console's"_s);
    return {};
}

using Observe::Interval::difference;
using Observe::Interval::perSecond;
using Observe::Interval::ratio;

} // namespace

RemoteMetrics::RemoteMetrics(AdminClient &client, const Clock &clock, int topCount, int serverTop)
    : m_client(client)
    , m_clock(clock)
    , m_topCount(std::max(topCount, 0))
    , m_serverTop(std::clamp(serverTop, 1, 1000))
    , m_thread([this] { run(); })
{
}

RemoteMetrics::~RemoteMetrics()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void RemoteMetrics::setSelectedTenant(const QString &tenantId)
{
    const std::lock_guard lock(m_mutex);
    m_selected = tenantId;
}

QString RemoteMetrics::selectedTenant() const
{
    const std::lock_guard lock(m_mutex);
    return m_selected;
}

Result<std::optional<Observe::MetricsSample>> RemoteMetrics::next()
{
    std::optional<Outcome> finished;
    {
        const std::lock_guard lock(m_mutex);
        finished.swap(m_finished);
        if (!m_polling) {
            m_polling = true;
            m_pollAsked = true;
            m_wake.notify_one();
        }
    }
    if (!finished)
        return std::optional<Observe::MetricsSample>();
    return std::move(*finished);
}

QStringList RemoteMetrics::tenantIds() const
{
    const std::lock_guard lock(m_mutex);
    return m_slugs.keys();
}

QString RemoteMetrics::slugOf(const QString &tenantId) const
{
    const std::lock_guard lock(m_mutex);
    return m_slugs.value(tenantId);
}

bool RemoteMetrics::waitForPoll(std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_mutex);
    return m_idle.wait_for(lock, timeout, [this] { return !m_polling; });
}

void RemoteMetrics::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || m_pollAsked; });
        if (m_stopping)
            return;
        m_pollAsked = false;
        const QString selected = m_selected;
        const QString slug = m_slugs.value(selected);
        lock.unlock();
        Outcome outcome = poll(selected, slug);
        lock.lock();
        m_finished = std::move(outcome);
        m_polling = false;
        m_idle.notify_all();
    }
}

RemoteMetrics::Outcome RemoteMetrics::poll(const QString &selected, const QString &selectedSlug)
{
    const auto readingOf = [](const QJsonObject &o) {
        Reading r;
        r.requests = o.value(u"requests"_s).toInteger();
        r.clientErrors = o.value(u"client_errors"_s).toInteger();
        r.serverErrors = o.value(u"server_errors"_s).toInteger();
        const QJsonArray counts = o.value(u"latency_buckets"_s).toArray();
        for (std::size_t i = 0; i < r.latency.size() && qsizetype(i) < counts.size(); ++i)
            r.latency[i] = counts.at(qsizetype(i)).toInteger();
        return r;
    };

    Poll now;
    now.at = m_clock.now();
    Result<QJsonObject> report =
        m_client.getJson(u"/admin/v1/metrics"_s, QUrlQuery{{u"top"_s, QString::number(m_serverTop)}});
    if (!report)
        return report.error();
    if (Status bounds = checkBounds(*report); !bounds)
        return bounds.error();
    if (!report->value(u"total"_s).isObject())
        return unexpected(u"no totals"_s);
    now.total = readingOf(report->value(u"total"_s).toObject());
    now.tenantsSeen = report->value(u"tenants_seen"_s).toInt();
    const QJsonArray busiest = report->value(u"busiest"_s).toArray();
    now.complete = busiest.size() < m_serverTop;
    QHash<QString, QString> slugs;
    for (const QJsonValue &entry : busiest) {
        const QJsonObject o = entry.toObject();
        const QString id = o.value(u"tenant_id"_s).toString();
        if (id.isEmpty())
            continue;
        now.tenants.insert(id, readingOf(o));
        slugs.insert(id, o.value(u"slug"_s).toString());
    }

    if (!selected.isEmpty() && !selectedSlug.isEmpty() && !now.tenants.contains(selected)) {
        Result<QJsonObject> one = m_client.getJson(tenantPath(selectedSlug, u"/metrics"_s));
        if (one) {
            if (Status bounds = checkBounds(*one); !bounds)
                return bounds.error();
            now.tenants.insert(selected, readingOf(*one));
        } else if (one.error().kind != ErrorKind::NotFound) {
            return one.error();
        } // NotFound: deleted since; there is nothing of it to show
    }

    {
        const std::lock_guard lock(m_mutex);
        for (auto it = slugs.cbegin(); it != slugs.cend(); ++it) {
            if (!it.value().isEmpty())
                m_slugs.insert(it.key(), it.value());
        }
    }

    std::optional<Observe::MetricsSample> sample;
    if (m_last) {
        if (now.total.requests < m_last->total.requests) {
            Poll restarted;
            restarted.at = m_last->at;
            restarted.complete = true;
            sample = sampleBetween(now, restarted, selected);
        } else {
            sample = sampleBetween(now, *m_last, selected);
        }
    }
    m_last = std::move(now);
    return sample;
}

Observe::MetricsSample RemoteMetrics::sampleBetween(const Poll &now, const Poll &before, const QString &selected) const
{
    Observe::MetricsSample s;
    s.at = now.at;
    s.interval = std::chrono::milliseconds(std::max<qint64>(0, before.at.msecsTo(now.at)));
    const double seconds = double(s.interval.count()) / 1000.0;

    s.requests = std::max<qint64>(0, now.total.requests - before.total.requests);
    s.requestsTotal = now.total.requests;
    s.clientErrors = std::max<qint64>(0, now.total.clientErrors - before.total.clientErrors);
    s.serverErrors = std::max<qint64>(0, now.total.serverErrors - before.total.serverErrors);
    s.requestsPerSecond = perSecond(s.requests, seconds);
    s.errorRate = ratio(s.clientErrors + s.serverErrors, s.requests);
    s.serverErrorRate = ratio(s.serverErrors, s.requests);
    const Buckets latency = difference(now.total.latency, before.total.latency);
    s.p50 = LatencyHistogram::percentileOf(latency, 0.50);
    s.p95 = LatencyHistogram::percentileOf(latency, 0.95);
    s.p99 = LatencyHistogram::percentileOf(latency, 0.99);
    s.tenantsSeen = now.tenantsSeen;

    const auto rateOf = [seconds](const QString &id, const Reading &current, const Reading &previous) {
        Observe::TenantRate r;
        r.tenantId = id;
        r.requests = std::max<qint64>(0, current.requests - previous.requests);
        r.clientErrors = std::max<qint64>(0, current.clientErrors - previous.clientErrors);
        r.serverErrors = std::max<qint64>(0, current.serverErrors - previous.serverErrors);
        r.requestsTotal = current.requests;
        r.requestsPerSecond = perSecond(r.requests, seconds);
        const Buckets interval = difference(current.latency, previous.latency);
        if (std::any_of(interval.cbegin(), interval.cend(), [](qint64 n) { return n > 0; }))
            r.p95 = LatencyHistogram::percentileOf(interval, 0.95);
        return r;
    };

    std::vector<Observe::TenantRate> moved;
    for (auto it = now.tenants.cbegin(); it != now.tenants.cend(); ++it) {
        // A tenant missing from the previous report had served nothing then only if that
        // report held every tenant; otherwise its count then is unknown.
        const auto previous = before.tenants.constFind(it.key());
        std::optional<Reading> baseline;
        if (previous != before.tenants.cend())
            baseline = previous.value();
        else if (before.complete)
            baseline = Reading{};
        if (!baseline)
            continue;
        const Observe::TenantRate rate = rateOf(it.key(), it.value(), *baseline);
        if (it.key() == selected)
            s.selected = rate;
        if (it.value().requests != baseline->requests)
            moved.push_back(rate);
    }
    s.tenantsActive = int(moved.size());

    const std::size_t topCount = std::min(std::size_t(m_topCount), moved.size());
    std::partial_sort(moved.begin(), moved.begin() + std::ptrdiff_t(topCount), moved.end(),
                      [](const Observe::TenantRate &a, const Observe::TenantRate &b) {
                          return a.requests > b.requests || (a.requests == b.requests && a.tenantId < b.tenantId);
                      });
    s.top.reserve(qsizetype(topCount));
    for (std::size_t i = 0; i < topCount; ++i)
        s.top.append(moved[i]);
    return s;
}

} // namespace Tenantry::Remote
