#pragma once

#include "core/base/result.h"
#include "core/storage/dataplane.h"
#include "core/tenancy/tenant.h"

#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <functional>

namespace Tenantry::Storage {

// One data space the fleet visits: a tenant's own space (schema, database, file), or the
// shared space on behalf of every shared-strategy tenant.
struct FleetSpace {
    QString slug;     // the tenant's slug; for the shared space, the first of its tenants' slugs
    QString strategy; // "shared", "schema" or "database"
    int tenants = 1;  // how many tenants keep their data there
    bool isShared() const { return strategy == QStringLiteral("shared"); }
};

enum class FleetOutcome {
    Migrated, // brought from an older version to the latest
    UpToDate, // already at the latest version; nothing done
    Behind,   // survey only: below the latest version
    Failed,   // could not be read or migrated; see the error
};

// "migrated", "up-to-date", "behind", "failed".
QString outcomeName(FleetOutcome outcome);

// One finished space, as the progress callback sees it.
struct FleetProgress {
    int done = 0;  // spaces finished so far, this one included
    int total = 0; // spaces the run visits
    FleetSpace space;
    FleetOutcome outcome = FleetOutcome::UpToDate;
    int from = 0; // the space's version before (for a survey: its version)
    int to = 0;   // and after (for a survey: the latest version)
    qint64 milliseconds = 0;
    Error error; // set when outcome is Failed
};

struct FleetFailure {
    FleetSpace space;
    Error error;
};

// What a migration run did. Spaces are counted, not tenants: the shared space is one.
struct FleetReport {
    int latestVersion = 0;
    int total = 0;      // spaces the run was to visit
    int tenants = 0;    // non-purged tenants those spaces hold
    int migrated = 0;
    int upToDate = 0;
    int failed = 0;
    int notStarted = 0; // left untouched because the run was stopped
    QList<FleetFailure> failures; // the shared space first, then by slug
    bool interrupted = false;     // stopped with spaces not started
    qint64 wallMilliseconds = 0;

    // Every space is at the latest version.
    bool complete() const { return failed == 0 && notStarted == 0; }
};

// A space below the latest version, as a survey lists it.
struct BehindSpace {
    FleetSpace space;
    int version = 0;
};

// Where the fleet stands, read without changing anything.
struct FleetStatus {
    int latestVersion = 0;
    int total = 0;
    // strategy → version → number of spaces at that version
    QMap<QString, QMap<int, int>> versions;
    QList<BehindSpace> behind;     // the shared space first, then by slug
    QList<FleetFailure> failures;  // spaces whose version could not be read (or is newer than this build)
    int notChecked = 0;            // left unread because the survey was stopped
    bool interrupted = false;
    qint64 wallMilliseconds = 0;

    bool complete() const { return behind.isEmpty() && failures.isEmpty() && notChecked == 0; }
};

struct FleetOptions {
    // Spaces worked on at once, each on a worker thread of its own; 1..64.
    int concurrency = 4;
    // When it becomes true no further space is started; those already started finish and
    // the report says interrupted. Read from the workers; may be set from any thread or a
    // signal handler. Not owned; may be null.
    const std::atomic<bool> *stop = nullptr;
    // Called once per finished space, from the worker that finished it, one call at a time
    // (calls never overlap), in the order spaces finish. Keep it short: workers wait for it.
    std::function<void(const FleetProgress &)> progress;
    // Called on the worker thread just before it starts on a space; calls may overlap.
    std::function<void(const FleetSpace &)> started;
};

// Brings every tenant's data space to the data plane's latest version, several at once.
//
// Each space migrates in one transaction and records its own version, so an interrupted
// run leaves every space at its old version or its new one, and running again picks up
// where it stopped: spaces already at the latest version are only read. A space that fails
// is reported and the others carry on. The shared space is visited once, before the rest,
// for all shared-strategy tenants; purged tenants have no space and are skipped.
//
// Blocks the calling thread until the run ends. DataPlane::open() already brings the
// shared space and the templates up to date, so a run usually finds the shared space current.
// `plane` must outlive the migrator; one run at a time per migrator.
class FleetMigrator final
{
public:
    explicit FleetMigrator(DataPlane &plane);

    // Migrates the spaces of `tenants` (any order; purged ones are skipped). Errors:
    // "invalid-concurrency" when options.concurrency is outside 1..64. Failures of single
    // spaces are in the report, never an error of the call.
    Result<FleetReport> migrate(const QList<Tenant> &tenants, const FleetOptions &options = {});

    // Reads every space's version, on the same worker pool (progress reports UpToDate or
    // Behind per space, or Failed when the space cannot be read). Changes nothing.
    Result<FleetStatus> survey(const QList<Tenant> &tenants, const FleetOptions &options = {});

    static constexpr int kMaxConcurrency = 64;

private:
    DataPlane &m_plane;
};

} // namespace Tenantry::Storage
