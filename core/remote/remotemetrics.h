#pragma once

#include "core/observe/metricsfeed.h"
#include "core/observe/metricssampler.h"
#include "core/observe/requestmetrics.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace Tenantry {
class Clock;
}

namespace Tenantry::Remote {

class AdminClient;

// The live traffic of a remote `tenantry serve`, as the Monitoring page's MetricsFeed. Each
// poll reads `GET /admin/v1/metrics?top=serverTop` (the server's totals since it started and
// its busiest tenants since then, each with its latency histogram) and, when the selected
// tenant is not among those, `GET /admin/v1/tenants/{slug}/metrics`; a sample is the
// difference between two polls, so its percentiles are exact for the interval, as
// MetricsSampler's are.
//
// Polls run one at a time on a thread of this object, each started by next(): next() takes
// the result of the poll that finished since the previous call, if any, starts the next poll
// and returns without waiting, so a GUI thread never waits for the network, and polling stops
// when the view stops asking. A sample thus arrives one call after its poll was started; the
// first poll only takes the baseline. A failed poll comes back as its Error (the client's
// Unavailable "server-unreachable" or "server-timeout" when the server is gone), and the next
// good poll is diffed against the last good one.
//
// The server ranks tenants by requests since it started, not in the interval, so only the
// tenants it reports can be diffed: the interval's busiest are found among the `serverTop`
// busiest since start (and the selected tenant). While a server has served more tenants than
// that, a tenant that is busy now but quiet in the past may be missed, `tenantsActive` counts
// only the reported tenants that moved, and a tenant that just entered the report has no
// figures until the next poll (it cannot be told apart from one that was just below the cut).
// When a report is shorter than `serverTop` it holds every tenant that ever served, and the
// figures are complete. A server whose totals go down has restarted: its new totals are
// diffed against zero.
//
// Tenants are named by the ids the server reports; only a tenant that was reported at least
// once (so its slug is known) can be followed as the selected tenant.
//
// Keeps references to `client` and `clock`, which must outlive it; the destructor waits for
// a poll under way (bounded by the client's timeout). next() and setSelectedTenant() belong
// to one thread; tenantIds(), slugOf() and waitForPoll() are thread-safe.
class RemoteMetrics final : public Observe::MetricsFeed
{
public:
    // Busiest tenants asked of the server per poll: enough to find the interval's busiest in
    // most fleets, and about 200 small objects a second.
    static constexpr int kDefaultServerTop = 200;

    // `topCount` bounds MetricsSample::top; `serverTop` (1..1000) is the report's length.
    RemoteMetrics(AdminClient &client, const Clock &clock,
                  int topCount = Observe::MetricsSampler::kDefaultTopCount, int serverTop = kDefaultServerTop);
    ~RemoteMetrics() override;
    RemoteMetrics(const RemoteMetrics &) = delete;
    RemoteMetrics &operator=(const RemoteMetrics &) = delete;

    void setSelectedTenant(const QString &tenantId) override;
    QString selectedTenant() const;

    Result<std::optional<Observe::MetricsSample>> next() override;
    // Every tenant the server has reported since this object was made.
    QStringList tenantIds() const override;

    // The slug the server reported for `tenantId`; empty when it never reported that tenant.
    QString slugOf(const QString &tenantId) const override;

    // Waits until no poll is under way; false if one still is after `timeout`. Blocks, so it
    // is for tools and tests, never for a GUI thread.
    bool waitForPoll(std::chrono::milliseconds timeout) const;

private:
    // One tenant's (or the server's) counters as one poll read them.
    struct Reading {
        qint64 requests = 0;
        qint64 clientErrors = 0;
        qint64 serverErrors = 0;
        Observe::LatencyHistogram::Buckets latency{};
    };
    // What one poll read.
    struct Poll {
        QDateTime at;
        Reading total;
        int tenantsSeen = 0;
        QHash<QString, Reading> tenants; // the reported ones and the selected one
        // The report held every tenant that ever served: one missing from it had served nothing.
        bool complete = false;
    };
    using Outcome = Result<std::optional<Observe::MetricsSample>>;

    void run();
    Outcome poll(const QString &selected, const QString &selectedSlug);
    Observe::MetricsSample sampleBetween(const Poll &now, const Poll &before, const QString &selected) const;

    AdminClient &m_client;
    const Clock &m_clock;
    const int m_topCount;
    const int m_serverTop;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;         // the poll thread: a poll was asked for, or stop
    mutable std::condition_variable m_idle; // waitForPoll(): a poll finished
    bool m_pollAsked = false;
    bool m_polling = false;
    bool m_stopping = false;
    std::optional<Outcome> m_finished; // the poll result next() has not taken yet
    QString m_selected;
    QHash<QString, QString> m_slugs; // tenant id → slug, of every tenant reported

    std::optional<Poll> m_last; // the last good poll; the poll thread's only
    std::thread m_thread;       // last: starts once everything above is made
};

} // namespace Tenantry::Remote
