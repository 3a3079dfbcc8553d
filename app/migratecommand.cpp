#include "app/migratecommand.h"

#include "app/interruptflag.h"
#include "app/runtime.h"
#include "core/storage/fleetmigrator.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

using Storage::FleetOutcome;

constexpr int kInterrupted = 130;

const char kHelp[] =
    "Usage: tenantry migrate --all [--concurrency N]\n"
    "       tenantry migrate --tenant SLUG\n"
    "       tenantry migrate --status [--concurrency N]\n"
    "Brings tenant data spaces to the latest schema version: every space (--all), one tenant's\n"
    "space (--tenant), or reports how many spaces are at each version (--status). Each space\n"
    "migrates in one transaction; a space that fails is reported and the others carry on; running\n"
    "again skips the spaces already done. Progress goes to stderr, the summary to stdout.\n"
    "Exit codes: 0 every space at the latest version, 1 some failed (or, with --status, are\n"
    "behind), 2 usage error, 130 stopped by SIGINT or SIGTERM (interrupt twice to quit at once).\n";

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void err(const QString &line)
{
    std::fputs(qPrintable(line), stderr);
    std::fflush(stderr);
}

int failed(const Error &error)
{
    err(u"error: %1 (%2)\n"_s.arg(error.message, error.code));
    return 1;
}

int usageError(const QString &message)
{
    err(u"tenantry: %1\nRun 'tenantry migrate --help' for usage.\n"_s.arg(message));
    return 2;
}

QString spaceLabel(const Storage::FleetSpace &space)
{
    return space.isShared() ? u"(shared space)"_s : space.slug;
}

// Database errors span lines (PostgreSQL adds the SQLSTATE on a line of its own); a report
// line stays one line.
QString oneLine(const QString &message)
{
    return message.simplified();
}

QString plural(int n, const QString &one, const QString &many)
{
    return u"%1 %2"_s.arg(n).arg(n == 1 ? one : many);
}

// "[  12/10000] acme             migrated 1 → 2   35 ms"
QString progressLine(const Storage::FleetProgress &p)
{
    const int width = int(QString::number(p.total).size());
    QString what;
    switch (p.outcome) {
    case FleetOutcome::Migrated:
        what = u"migrated %1 → %2"_s.arg(p.from).arg(p.to);
        break;
    case FleetOutcome::UpToDate:
        what = u"up to date at %1"_s.arg(p.to);
        break;
    case FleetOutcome::Behind:
        what = u"behind at %1 (latest %2)"_s.arg(p.from).arg(p.to);
        break;
    case FleetOutcome::Failed:
        what = u"FAILED: %1"_s.arg(oneLine(p.error.message));
        break;
    }
    // Concatenated, not arg()-chained: an error message may itself contain "%1".
    return u"[%1/%2] "_s.arg(p.done, width).arg(p.total) + u"%1 "_s.arg(spaceLabel(p.space), -16) + what + u"   "_s
        + QString::number(p.milliseconds) + u" ms\n"_s;
}

QString duration(qint64 milliseconds)
{
    if (milliseconds < 1000)
        return u"%1 ms"_s.arg(milliseconds);
    return QString::number(double(milliseconds) / 1000.0, 'f', 1) + u" s"_s;
}

int printReport(const Storage::FleetReport &r, bool interrupted)
{
    out() << u"%1 of %2 tenants: %3 migrated, %4 already up to date, %5 failed, %6 not started; "
             "latest version %7; %8.\n"_s.arg(plural(r.total, u"data space"_s, u"data spaces"_s))
                 .arg(r.tenants)
                 .arg(r.migrated)
                 .arg(r.upToDate)
                 .arg(r.failed)
                 .arg(r.notStarted)
                 .arg(r.latestVersion)
                 .arg(duration(r.wallMilliseconds));
    if (!r.failures.isEmpty()) {
        out() << u"Failed (each keeps the version it had):\n"_s;
        for (const Storage::FleetFailure &f : r.failures) {
            out() << u"  %1 %2 %3 (%4)\n"_s.arg(spaceLabel(f.space), -24)
                         .arg(f.space.strategy, -9)
                         .arg(oneLine(f.error.message), f.error.code);
        }
    }
    if (r.interrupted || interrupted) {
        out() << u"Interrupted: %1 not started. Run 'tenantry migrate --all' again to finish; "
                 "spaces already at version %2 are skipped.\n"_s.arg(plural(r.notStarted, u"space"_s, u"spaces"_s))
                     .arg(r.latestVersion);
    } else if (!r.failures.isEmpty()) {
        out() << u"Fix the cause and run 'tenantry migrate --all' again; spaces already at version %1 are skipped.\n"_s.arg(
            r.latestVersion);
    } else {
        out() << u"Every data space is at version %1.\n"_s.arg(r.latestVersion);
    }
    out().flush();
    if (interrupted && !r.complete())
        return kInterrupted;
    return r.complete() ? 0 : 1;
}

int printStatus(const Storage::FleetStatus &s, int sharedTenants, bool interrupted)
{
    out() << u"Latest data space version: %1\n"_s.arg(s.latestVersion);
    out() << u"%1 %2  %3\n"_s.arg(u"STRATEGY"_s, -10).arg(u"SPACES"_s, 6).arg(u"AT VERSION (spaces)"_s);
    QStringList strategies{u"shared"_s, u"schema"_s, u"database"_s};
    for (const QString &other : s.versions.keys()) {
        if (!strategies.contains(other))
            strategies.append(other);
    }
    for (const QString &strategy : std::as_const(strategies)) {
        if (!s.versions.contains(strategy))
            continue;
        const QMap<int, int> &versions = s.versions[strategy];
        int spaces = 0;
        QStringList at;
        for (auto v = versions.cbegin(); v != versions.cend(); ++v) {
            spaces += v.value();
            at.append(u"%1: %2"_s.arg(v.key()).arg(v.value()));
        }
        QString line = u"%1 %2  %3"_s.arg(strategy, -10).arg(spaces, 6).arg(at.join(u", "_s));
        if (strategy == "shared"_L1)
            line += u"   (holds %1)"_s.arg(plural(sharedTenants, u"tenant"_s, u"tenants"_s));
        out() << line << u'\n';
    }
    if (!s.behind.isEmpty()) {
        out() << u"Behind (%1):\n"_s.arg(s.behind.size());
        for (const Storage::BehindSpace &b : s.behind)
            out() << u"  %1 %2 version %3\n"_s.arg(spaceLabel(b.space), -24).arg(b.space.strategy, -9).arg(b.version);
    }
    if (!s.failures.isEmpty()) {
        out() << u"Unreadable (%1):\n"_s.arg(s.failures.size());
        for (const Storage::FleetFailure &f : s.failures) {
            out() << u"  %1 %2 %3 (%4)\n"_s.arg(spaceLabel(f.space), -24)
                         .arg(f.space.strategy, -9)
                         .arg(oneLine(f.error.message), f.error.code);
        }
    }
    if (s.interrupted)
        out() << u"Interrupted: %1 not checked.\n"_s.arg(plural(s.notChecked, u"space"_s, u"spaces"_s));
    else if (s.complete())
        out() << u"Every data space is at version %1 (%2 checked in %3).\n"_s.arg(s.latestVersion).arg(s.total).arg(duration(s.wallMilliseconds));
    else
        out() << u"Run 'tenantry migrate --all' to bring the rest to version %1.\n"_s.arg(s.latestVersion);
    out().flush();
    if (interrupted && !s.complete())
        return kInterrupted;
    return s.complete() ? 0 : 1;
}

} // namespace

int runMigrate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    Http::addOptions(parser, Http::commonOptionSpecs());
    parser.addOptions({
        {u"all"_s, u"Migrate every tenant's data space."_s},
        {u"tenant"_s, u"Migrate this tenant's data space only (slug)."_s, u"slug"_s},
        {u"status"_s, u"Report how many spaces are at each version and which are behind."_s},
        {u"concurrency"_s, u"Spaces worked on at once (1-64)."_s, u"n"_s, u"4"_s},
    });
    QStringList rest = arguments;
    rest.removeAt(1);
    if (!parser.parse(rest))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        out() << QString::fromUtf8(kHelp) << u'\n' << parser.helpText().section(u'\n', 1);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"'migrate' takes no arguments; use --all, --tenant SLUG or --status"_s);
    const int modes = int(parser.isSet(u"all"_s)) + int(parser.isSet(u"tenant"_s)) + int(parser.isSet(u"status"_s));
    if (modes != 1)
        return usageError(u"'migrate' needs exactly one of --all, --tenant SLUG or --status"_s);
    bool numeric = false;
    Storage::FleetOptions options;
    options.concurrency = parser.value(u"concurrency"_s).toInt(&numeric);
    if (!numeric || options.concurrency < 1 || options.concurrency > Storage::FleetMigrator::kMaxConcurrency)
        return usageError(u"--concurrency must be a whole number from 1 to %1"_s.arg(Storage::FleetMigrator::kMaxConcurrency));

    auto values = Http::OptionValues::resolve(parser, Http::commonOptionSpecs());
    if (!values)
        return failed(values.error());
    auto common = Http::CommonOptions::from(values.value());
    if (!common)
        return failed(common.error());
    // Opening the data plane brings the shared space and the templates to the latest version.
    auto runtime = Runtime::open(common.value());
    if (!runtime)
        return failed(runtime.error());

    QList<Tenant> tenants;
    if (parser.isSet(u"tenant"_s)) {
        auto tenant = runtime.value()->tenants().get(parser.value(u"tenant"_s));
        if (!tenant)
            return failed(tenant.error());
        tenants.append(tenant.value());
        options.concurrency = 1;
    } else {
        for (const auto &tenant : std::as_const(runtime.value()->directory().snapshot()->byId))
            tenants.append(*tenant);
    }

    const InterruptFlag interrupt;
    options.stop = &interrupt.flag();
    options.progress = [](const Storage::FleetProgress &progress) { err(progressLine(progress)); };
    Storage::FleetMigrator migrator(runtime.value()->dataPlane());
    if (parser.isSet(u"status"_s)) {
        auto status = migrator.survey(tenants, options);
        if (!status)
            return failed(status.error());
        const auto shared = std::count_if(tenants.cbegin(), tenants.cend(), [](const Tenant &t) {
            return t.isolation == "shared"_L1 && t.status != TenantStatus::Purged;
        });
        return printStatus(status.value(), int(shared), interrupt.raised());
    }
    auto report = migrator.migrate(tenants, options);
    if (!report)
        return failed(report.error());
    return printReport(report.value(), interrupt.raised());
}

} // namespace Tenantry::App
