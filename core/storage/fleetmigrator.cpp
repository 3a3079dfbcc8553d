#include "core/storage/fleetmigrator.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

// Per-space lines are off unless asked for (QT_LOGGING_RULES="tenantry.fleet.debug=true"); callers
// report outcomes through the progress callback and the report.
Q_LOGGING_CATEGORY(lcFleet, "tenantry.fleet", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

// A space to visit and the tenant whose data plane calls reach it.
struct PlannedSpace {
    FleetSpace space;
    Tenant tenant;
};

struct SpaceResult {
    bool started = false;
    FleetOutcome outcome = FleetOutcome::UpToDate;
    int from = 0;
    int to = 0;
    Error error;
};

// The spaces `tenants` keep their data in: the shared space first (when any tenant uses it,
// reached through the first of them by slug), then every per-tenant space by slug.
QList<PlannedSpace> planSpaces(QList<Tenant> tenants, int *tenantCount)
{
    std::sort(tenants.begin(), tenants.end(), [](const Tenant &a, const Tenant &b) { return a.slug < b.slug; });
    QList<PlannedSpace> plan;
    std::optional<PlannedSpace> shared;
    *tenantCount = 0;
    for (const Tenant &tenant : std::as_const(tenants)) {
        if (tenant.status == TenantStatus::Purged)
            continue;
        ++*tenantCount;
        if (tenant.isolation == "shared"_L1) {
            if (shared)
                ++shared->space.tenants;
            else
                shared = PlannedSpace{{tenant.slug, tenant.isolation, 1}, tenant};
            continue;
        }
        plan.append({{tenant.slug, tenant.isolation, 1}, tenant});
    }
    if (shared)
        plan.prepend(*shared);
    return plan;
}

bool stopRequested(const std::atomic<bool> *stop)
{
    return stop && stop->load(std::memory_order_acquire);
}

// Runs visit(i) for i = first, first + 1, ... < end on up to `concurrency` threads of their
// own, each taking the next index when it is done with one, until the indexes run out or
// `stop` is set. Returns when every thread has finished.
void runOnWorkers(int first, int end, int concurrency, const std::atomic<bool> *stop,
                  const std::function<void(int)> &visit)
{
    const int count = end - first;
    if (count <= 0)
        return;
    std::atomic<int> next{first};
    const auto work = [&] {
        while (!stopRequested(stop)) {
            const int index = next.fetch_add(1);
            if (index >= end)
                return;
            visit(index);
        }
    };
    std::vector<std::unique_ptr<QThread>> workers;
    for (int i = 0; i < std::min(concurrency, count); ++i) {
        workers.emplace_back(QThread::create(work));
        workers.back()->setObjectName(u"fleet-worker-%1"_s.arg(i + 1));
        workers.back()->start();
    }
    for (const auto &worker : workers)
        worker->wait();
}

// Serializes progress calls and numbers them in the order spaces finish.
class ProgressSink
{
public:
    ProgressSink(const FleetOptions &options, int total) : m_callback(options.progress), m_total(total) {}

    void finished(const PlannedSpace &planned, const SpaceResult &result, qint64 milliseconds)
    {
        QMutexLocker lock(&m_mutex);
        ++m_done;
        qCDebug(lcFleet).noquote() << planned.space.strategy << planned.space.slug << outcomeName(result.outcome) << result.from
                                   << result.to << milliseconds << "ms" << result.error.message;
        if (!m_callback)
            return;
        FleetProgress progress;
        progress.done = m_done;
        progress.total = m_total;
        progress.space = planned.space;
        progress.outcome = result.outcome;
        progress.from = result.from;
        progress.to = result.to;
        progress.milliseconds = milliseconds;
        progress.error = result.error;
        m_callback(progress);
    }

private:
    QMutex m_mutex;
    const std::function<void(const FleetProgress &)> &m_callback;
    int m_total = 0;
    int m_done = 0;
};

Status checkOptions(const FleetOptions &options)
{
    if (options.concurrency < 1 || options.concurrency > FleetMigrator::kMaxConcurrency) {
        return Error::invalid(u"invalid-concurrency"_s,
                              u"Concurrency must be between 1 and %1; %2 was asked for."_s.arg(FleetMigrator::kMaxConcurrency)
                                  .arg(options.concurrency));
    }
    return {};
}

// Visits every planned space: the shared one alone first, so per-tenant work never competes
// with it, then the rest on the pool. Fills one result per space.
std::vector<SpaceResult> visitAll(const QList<PlannedSpace> &plan, const FleetOptions &options,
                                  const std::function<SpaceResult(const PlannedSpace &)> &visitOne)
{
    std::vector<SpaceResult> results(size_t(plan.size()));
    ProgressSink sink(options, int(plan.size()));
    const auto visit = [&](int index) {
        const PlannedSpace &planned = plan.at(index);
        if (options.started)
            options.started(planned.space);
        QElapsedTimer timer;
        timer.start();
        SpaceResult result = visitOne(planned);
        result.started = true;
        results[size_t(index)] = result;
        sink.finished(planned, result, timer.elapsed());
    };
    const int sharedCount = !plan.isEmpty() && plan.first().space.isShared() ? 1 : 0;
    runOnWorkers(0, sharedCount, 1, options.stop, visit);
    runOnWorkers(sharedCount, int(plan.size()), options.concurrency, options.stop, visit);
    return results;
}

Error tooNew(int version, int latest)
{
    return Error::conflict(u"schema-too-new"_s,
                           u"This data space has schema version %1, but this Tenantry only knows up to %2. "
                           "Upgrade Tenantry; it will not touch a newer data space."_s.arg(version).arg(latest));
}

} // namespace

QString outcomeName(FleetOutcome outcome)
{
    switch (outcome) {
    case FleetOutcome::Migrated:
        return u"migrated"_s;
    case FleetOutcome::UpToDate:
        return u"up-to-date"_s;
    case FleetOutcome::Behind:
        return u"behind"_s;
    case FleetOutcome::Failed:
        return u"failed"_s;
    }
    return {};
}

FleetMigrator::FleetMigrator(DataPlane &plane) : m_plane(plane) {}

Result<FleetReport> FleetMigrator::migrate(const QList<Tenant> &tenants, const FleetOptions &options)
{
    if (Status valid = checkOptions(options); !valid)
        return valid.error();
    QElapsedTimer wall;
    wall.start();
    FleetReport report;
    report.latestVersion = m_plane.latestVersion();
    const QList<PlannedSpace> plan = planSpaces(tenants, &report.tenants);
    report.total = int(plan.size());

    const int latest = report.latestVersion;
    const auto results = visitAll(plan, options, [&](const PlannedSpace &planned) {
        SpaceResult result;
        // Reading first keeps a resumed run cheap: a current space is not locked or rewritten.
        auto version = m_plane.version(planned.tenant);
        if (version && version.value() == latest) {
            result.from = result.to = latest;
            return result;
        }
        result.from = version ? version.value() : 0;
        auto migrated = m_plane.migrate(planned.tenant);
        if (!migrated) {
            result.outcome = FleetOutcome::Failed;
            result.to = result.from;
            result.error = migrated.error();
            return result;
        }
        result.from = migrated->from;
        result.to = migrated->to;
        result.outcome = migrated->from == migrated->to ? FleetOutcome::UpToDate : FleetOutcome::Migrated;
        return result;
    });

    for (qsizetype i = 0; i < plan.size(); ++i) {
        const SpaceResult &result = results[size_t(i)];
        if (!result.started) {
            ++report.notStarted;
            continue;
        }
        switch (result.outcome) {
        case FleetOutcome::Migrated:
            ++report.migrated;
            break;
        case FleetOutcome::UpToDate:
        case FleetOutcome::Behind:
            ++report.upToDate;
            break;
        case FleetOutcome::Failed:
            ++report.failed;
            report.failures.append({plan.at(i).space, result.error});
            break;
        }
    }
    report.interrupted = report.notStarted > 0;
    report.wallMilliseconds = wall.elapsed();
    return report;
}

Result<FleetStatus> FleetMigrator::survey(const QList<Tenant> &tenants, const FleetOptions &options)
{
    if (Status valid = checkOptions(options); !valid)
        return valid.error();
    QElapsedTimer wall;
    wall.start();
    FleetStatus status;
    status.latestVersion = m_plane.latestVersion();
    int tenantCount = 0;
    const QList<PlannedSpace> plan = planSpaces(tenants, &tenantCount);
    status.total = int(plan.size());

    const int latest = status.latestVersion;
    const auto results = visitAll(plan, options, [&](const PlannedSpace &planned) {
        SpaceResult result;
        result.to = latest;
        auto version = m_plane.version(planned.tenant);
        if (!version) {
            result.outcome = FleetOutcome::Failed;
            result.error = version.error();
            return result;
        }
        result.from = version.value();
        if (version.value() > latest) {
            result.outcome = FleetOutcome::Failed;
            result.error = tooNew(version.value(), latest);
        } else {
            result.outcome = version.value() < latest ? FleetOutcome::Behind : FleetOutcome::UpToDate;
        }
        return result;
    });

    for (qsizetype i = 0; i < plan.size(); ++i) {
        const SpaceResult &result = results[size_t(i)];
        const FleetSpace &space = plan.at(i).space;
        if (!result.started) {
            ++status.notChecked;
            continue;
        }
        if (result.outcome == FleetOutcome::Failed && result.error.code != "schema-too-new"_L1) {
            status.failures.append({space, result.error});
            continue;
        }
        ++status.versions[space.strategy][result.from];
        if (result.outcome == FleetOutcome::Behind)
            status.behind.append({space, result.from});
        else if (result.outcome == FleetOutcome::Failed)
            status.failures.append({space, result.error});
    }
    status.interrupted = status.notChecked > 0;
    status.wallMilliseconds = wall.elapsed();
    return status;
}

} // namespace Tenantry::Storage
