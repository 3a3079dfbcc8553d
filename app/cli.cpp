#include "app/cli.h"

#include "app/billingcommands.h"
#include "app/clioutput.h"
#include "app/democommand.h"
#include "app/migratecommand.h"
#include "app/runtime.h"
#include "core/http/quotaroutes.h"
#include "core/quota/limitsjson.h"
#include "core/quota/quotagate.h"
#include "core/report/usagereportcsv.h"
#include "core/report/usagereportjson.h"
#include "core/tenancy/tenantjson.h"
#include "documents/usagereportpdf.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

struct Command {
    QString group;  // "tenants" or "keys"
    QString verb;   // "list", "create", ...
    QString usage;  // positional arguments
    QString summary;
};

const QList<Command> &commands()
{
    static const QList<Command> all = {
        {u"tenants"_s, u"list"_s, {}, u"List tenants (--search, --status, --plan, --limit)."_s},
        {u"tenants"_s, u"show"_s, u"SLUG"_s, u"Show one tenant."_s},
        {u"tenants"_s, u"create"_s, u"SLUG"_s,
         u"Register a tenant (--name, --plan, --isolation, --locale, --time-zone, --theme-color, --pending)."_s},
        {u"tenants"_s, u"activate"_s, u"SLUG"_s, u"Activate a pending or suspended tenant."_s},
        {u"tenants"_s, u"suspend"_s, u"SLUG"_s, u"Suspend an active tenant."_s},
        {u"tenants"_s, u"delete"_s, u"SLUG"_s, u"Delete a tenant (restorable until its retention ends)."_s},
        {u"tenants"_s, u"restore"_s, u"SLUG"_s, u"Restore a deleted tenant (it comes back suspended)."_s},
        {u"tenants"_s, u"purge"_s, u"SLUG"_s, u"Purge a deleted tenant and its data (--force before retention ends)."_s},
        {u"tenants"_s, u"clone"_s, u"SOURCE NEW-SLUG"_s, u"Create a tenant from another's configuration and plan (--name)."_s},
        {u"keys"_s, u"issue"_s, u"SLUG"_s, u"Issue an API key (--name); the key is printed once."_s},
        {u"keys"_s, u"list"_s, u"SLUG"_s, u"List a tenant's API keys, masked."_s},
        {u"keys"_s, u"revoke"_s, u"SLUG KEY-ID"_s, u"Revoke an API key."_s},
        {u"audit"_s, u"verify"_s, {}, u"Check the audit trail's hash chain; names the first altered, missing or reordered entry."_s},
        {u"audit"_s, u"list"_s, {}, u"Show audit entries (--tenant, --actor, --action, --since, --until, --limit)."_s},
        {u"audit"_s, u"export"_s, {}, u"Write audit entries as JSON lines or CSV (--format, --output, and the list filters)."_s},
        {u"quotas"_s, u"show"_s, u"SLUG"_s,
         u"Show a tenant's plan limits, overrides, the limits in force and its usage against each."_s},
        {u"quotas"_s, u"set"_s, u"SLUG JSON"_s,
         u"Replace a tenant's overrides, e.g. '{\"api_calls_per_day\": 5}' ('{}' removes them; null lifts a limit)."_s},
        {u"quotas"_s, u"list"_s, {}, u"Every tenant's usage against each of its limits, fullest first (--limit)."_s},
        {u"plans"_s, u"list"_s, {}, u"List the plans and their limits."_s},
        {u"plans"_s, u"show"_s, u"NAME"_s, u"Show one plan."_s},
        {u"plans"_s, u"set"_s, u"NAME JSON"_s, u"Create or replace a plan's limits (--name sets its display name)."_s},
        {u"plans"_s, u"pricing"_s, u"NAME"_s, u"Show what a plan costs and its default isolation."_s},
        {u"plans"_s, u"price"_s, u"NAME JSON"_s,
         u"Replace a plan's pricing, e.g. '{\"currency\": \"EUR\", \"monthly\": \"29.00\"}' (--isolation sets its strategy)."_s},
        {u"subscriptions"_s, u"list"_s, {}, u"List every tenant's subscription."_s},
        {u"subscriptions"_s, u"show"_s, u"SLUG"_s, u"Show a tenant's subscription and its history."_s},
        {u"subscriptions"_s, u"create"_s, u"SLUG"_s, u"Subscribe a tenant (--plan, --cycle monthly|yearly, --no-trial)."_s},
        {u"subscriptions"_s, u"preview"_s, u"SLUG"_s,
         u"Show what a plan change costs (--plan, --cycle, --timing immediate|period_end) and its at_ms."_s},
        {u"subscriptions"_s, u"change"_s, u"SLUG"_s,
         u"Change the plan (--plan, --cycle, --timing; --at with a preview's at_ms books exactly its amounts)."_s},
        {u"subscriptions"_s, u"cancel"_s, u"SLUG"_s, u"Cancel at the period's end (--now: at once)."_s},
        {u"invoices"_s, u"list"_s, {}, u"List invoices, newest first (--tenant, --status, --limit)."_s},
        {u"invoices"_s, u"show"_s, u"ID"_s, u"Show an invoice (id or number) as JSON."_s},
        {u"invoices"_s, u"pdf"_s, u"ID"_s, u"Write an invoice as PDF (--output FILE, else standard output)."_s},
        {u"invoices"_s, u"pay"_s, u"ID REFERENCE"_s, u"Record a payment received outside the gateway."_s},
        {u"invoices"_s, u"collect"_s, u"ID"_s, u"Charge an open invoice through the payment gateway now."_s},
        {u"invoices"_s, u"void"_s, u"ID"_s, u"Void an open invoice."_s},
        {u"invoices"_s, u"run"_s, {}, u"Run billing now: renew ended periods, issue and collect invoices, dunning."_s},
        {u"report"_s, u"usage"_s, {},
         u"Usage report for [--from, --to) (dates or whole UTC hours): every tenant, or one with --tenant; "
         "--format json (default), csv or pdf (pdf needs --output)."_s},
    };
    return all;
}

void printTenants(const QList<Tenant> &tenants)
{
    out() << u"%1 %2 %3 %4 %5\n"_s.arg(u"SLUG"_s, -24).arg(u"STATUS"_s, -10).arg(u"PLAN"_s, -12).arg(u"ISOLATION"_s, -10).arg(u"NAME"_s);
    for (const Tenant &t : tenants) {
        out() << u"%1 %2 %3 %4 %5\n"_s.arg(t.slug, -24).arg(statusName(t.status), -10).arg(t.plan, -12).arg(t.isolation, -10).arg(t.config.displayName);
    }
}

Result<Observe::AuditQuery> auditQuery(TenantService &tenants, const QCommandLineParser &parser)
{
    Observe::AuditQuery query;
    query.actor = parser.value(u"actor"_s);
    query.action = parser.value(u"action"_s);
    query.limit = parser.value(u"limit"_s).toInt();
    for (const auto &[flag, target] : {std::pair{u"since"_s, &query.from}, std::pair{u"until"_s, &query.to}}) {
        if (parser.isSet(flag)) {
            *target = QDateTime::fromString(parser.value(flag), Qt::ISODateWithMs);
            if (!target->isValid())
                return Error::invalid(u"invalid-query"_s, u"--%1 must be an ISO 8601 time."_s.arg(flag));
        }
    }
    if (parser.isSet(u"tenant"_s)) {
        auto tenant = tenants.get(parser.value(u"tenant"_s));
        if (!tenant)
            return tenant.error();
        query.tenantId = tenant->id;
    }
    return query;
}

int runAudit(Observe::AuditLog &audit, TenantService &tenants, const QString &verb, const QCommandLineParser &parser,
             bool json)
{
    if (verb == "verify"_L1) {
        auto report = audit.verify();
        if (!report)
            return failed(report.error());
        if (report->intact) {
            out() << u"Audit trail intact: %1 entries checked.\n"_s.arg(report->checked);
            return 0;
        }
        std::fprintf(stderr, "Audit trail BROKEN at entry %lld (%s): %s\n", report->firstBadSeq,
                     qPrintable(report->problem), qPrintable(report->message));
        return 1;
    }
    auto query = auditQuery(tenants, parser);
    if (!query)
        return failed(query.error());
    if (verb == "list"_L1) {
        auto page = audit.query(query.value());
        if (!page)
            return failed(page.error());
        if (json) {
            QJsonArray items;
            for (const Observe::AuditEntry &e : page->items)
                items.append(Observe::toJson(e));
            printJson(items);
            return 0;
        }
        for (const Observe::AuditEntry &e : page->items) {
            out() << u"%1  %2  %3 %4 %5\n"_s.arg(e.seq, 6)
                         .arg(e.at.toString(Qt::ISODate))
                         .arg(e.action, -22)
                         .arg(e.target, -30)
                         .arg(e.actor);
        }
        return 0;
    }
    // export: every matching entry, streamed page by page.
    const QString format = parser.isSet(u"format"_s) ? parser.value(u"format"_s) : u"jsonl"_s;
    if (format != "jsonl"_L1 && format != "csv"_L1)
        return usageError(u"--format must be jsonl or csv"_s);
    query->limit = 1000;
    QFile file;
    if (parser.isSet(u"output"_s)) {
        file.setFileName(parser.value(u"output"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return failed(Error::invalid(u"invalid-output"_s, u"Cannot write %1."_s.arg(file.fileName())));
    } else if (!file.open(stdout, QIODevice::WriteOnly)) {
        return failed(Error::internal(u"Cannot write to standard output."_s));
    }
    const Status written = format == "csv"_L1 ? audit.exportCsv(query.value(), file) : audit.exportJsonLines(query.value(), file);
    return written ? 0 : failed(written.error());
}

int runUsageReport(Runtime &runtime, const QCommandLineParser &parser)
{
    const QString format = parser.isSet(u"format"_s) ? parser.value(u"format"_s) : u"json"_s;
    if (format != "json"_L1 && format != "csv"_L1 && format != "pdf"_L1)
        return usageError(u"--format must be json, csv or pdf"_s);
    if (format == "pdf"_L1 && !parser.isSet(u"output"_s))
        return usageError(u"--format pdf needs --output FILE"_s);
    auto period = Report::parseUsagePeriod(parser.value(u"from"_s), parser.value(u"to"_s));
    if (!period)
        return failed(period.error());

    Report::UsageReporter reporter(runtime.catalog(), runtime.clock());
    const auto build = [&]() -> Result<Report::UsageReport> {
        if (!parser.isSet(u"tenant"_s))
            return reporter.allTenantsReport(period.value());
        auto tenant = runtime.tenants().get(parser.value(u"tenant"_s));
        if (!tenant)
            return tenant.error();
        return reporter.tenantReport(tenant->id, period.value());
    };
    const auto report = build();
    if (!report)
        return failed(report.error());

    QByteArray bytes;
    if (format == "pdf"_L1) {
        auto pdf = Documents::renderUsageReportPdf(report.value());
        if (!pdf)
            return failed(pdf.error());
        bytes = pdf.value();
    } else if (format == "csv"_L1) {
        bytes = Report::usageReportToCsv(report.value());
    } else {
        bytes = QJsonDocument(Report::usageReportToJson(report.value())).toJson(QJsonDocument::Indented);
    }
    return writeOutput(bytes, parser.value(u"output"_s));
}

QString percentOf(const Quota::DimensionUsage &u)
{
    return u.limit > 0 ? QString::number(100.0 * double(u.used) / double(u.limit), 'f', 1) + u'%' : u"-"_s;
}

int runQuotas(Runtime &rt, const QString &group, const QString &verb, const QStringList &positional,
              const QCommandLineParser &parser, bool json)
{
    const Actor actor = cliActor();
    if (group == "plans"_L1) {
        if (verb == "list"_L1) {
            auto plans = rt.quotas().plans();
            if (!plans)
                return failed(plans.error());
            QJsonArray items;
            for (const Quota::Plan &p : plans.value())
                items.append(Http::planJson(p));
            if (json) {
                printJson(items);
                return 0;
            }
            out() << u"%1 %2 %3 %4 %5 %6\n"_s.arg(u"PLAN"_s, -12).arg(u"PER DAY"_s, -12).arg(u"PER MONTH"_s, -12)
                         .arg(u"RATE/S"_s, -8).arg(u"STORAGE"_s, -14).arg(u"NAME"_s);
            const auto n = [](qint64 v) { return v > 0 ? QString::number(v) : u"-"_s; };
            for (const Quota::Plan &p : plans.value()) {
                out() << u"%1 %2 %3 %4 %5 %6\n"_s.arg(p.name, -12).arg(n(p.limits.apiCallsPerDay), -12)
                             .arg(n(p.limits.apiCallsPerMonth), -12)
                             .arg(p.limits.ratePerSecond > 0 ? QString::number(p.limits.ratePerSecond) : u"-"_s, -8)
                             .arg(n(p.limits.storageBytes), -14)
                             .arg(p.displayName);
            }
            return 0;
        }
        auto plan = verb == "show"_L1 ? rt.quotas().plan(positional.at(0)) : [&]() -> Result<Quota::Plan> {
            auto limits = jsonArgument(positional.at(1));
            if (!limits)
                return limits.error();
            QString name = parser.value(u"name"_s);
            if (name.isEmpty()) {
                auto existing = rt.quotas().plan(positional.at(0));
                name = existing ? existing->displayName : positional.at(0);
            }
            return rt.quotas().putPlan(actor, positional.at(0), name, limits.value());
        }();
        if (!plan)
            return failed(plan.error());
        printJson(Http::planJson(plan.value()));
        return 0;
    }

    // The usage a separate process can see: what servers saved every quota flush
    // (--quota-flush-interval), replayed into a gate of our own.
    const auto usage = std::make_unique<Quota::QuotaGate>(rt.quotaPolicies());
    if (Status loaded = rt.quotas().restoreInto(*usage, rt.directory()); !loaded)
        return failed(loaded.error());
    const qint64 nowMs = rt.clock().now().toMSecsSinceEpoch();
    if (verb == "list"_L1) {
        struct Row {
            QString slug;
            Quota::DimensionUsage usage;
        };
        QList<Row> rows;
        for (const auto &tenant : rt.directory().snapshot()->byId) {
            for (const Quota::DimensionUsage &u : usage->usage(*tenant, nowMs))
                rows.append({tenant->slug, u});
        }
        // Fullest first: the tenants an operator should look at.
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            const double fa = double(a.usage.used) / double(std::max<qint64>(1, a.usage.limit));
            const double fb = double(b.usage.used) / double(std::max<qint64>(1, b.usage.limit));
            return fa != fb ? fa > fb : a.slug < b.slug;
        });
        rows = rows.mid(0, std::clamp(parser.value(u"limit"_s).toInt(), 1, 100000));
        if (json) {
            QJsonArray items;
            for (const Row &r : rows) {
                items.append(QJsonObject{{u"tenant"_s, r.slug}, {u"name"_s, r.usage.name},
                                         {u"used"_s, double(r.usage.used)}, {u"limit"_s, double(r.usage.limit)}});
            }
            printJson(items);
            return 0;
        }
        out() << u"%1 %2 %3 %4 %5\n"_s.arg(u"TENANT"_s, -24).arg(u"LIMIT"_s, -22).arg(u"USED"_s, 14).arg(u"OF"_s, 14).arg(u"USE"_s, 7);
        for (const Row &r : rows) {
            out() << u"%1 %2 %3 %4 %5\n"_s.arg(r.slug, -24).arg(r.usage.name, -22).arg(r.usage.used, 14)
                         .arg(r.usage.limit, 14)
                         .arg(percentOf(r.usage), 7);
        }
        return 0;
    }
    auto tenant = rt.tenants().get(positional.at(0));
    if (!tenant)
        return failed(tenant.error());
    if (verb == "set"_L1) {
        auto overrides = jsonArgument(positional.at(1));
        if (!overrides)
            return failed(overrides.error());
        if (auto changed = rt.quotas().setOverrides(actor, tenant.value(), overrides.value()); !changed)
            return failed(changed.error());
    }
    auto settings = rt.quotas().settings(tenant.value());
    if (!settings)
        return failed(settings.error());
    const QList<Quota::DimensionUsage> used = usage->usage(tenant.value(), nowMs);
    if (json) {
        printJson(Http::quotaSettingsJson(settings.value(), used));
        return 0;
    }
    out() << u"Tenant %1, plan %2%3\n"_s.arg(tenant->slug, settings->plan,
                                               settings->planKnown ? QString() : u" (no such plan: no plan limits)"_s);
    out() << u"Overrides: %1\n"_s.arg(settings->overrides.isEmpty()
                                           ? u"none"_s
                                           : QString::fromUtf8(QJsonDocument(settings->overrides).toJson(QJsonDocument::Compact)));
    out() << u"%1 %2 %3 %4 %5\n"_s.arg(u"LIMIT"_s, -22).arg(u"USED"_s, 14).arg(u"OF"_s, 14).arg(u"USE"_s, 7).arg(u"RESETS IN"_s);
    for (const Quota::DimensionUsage &u : used) {
        out() << u"%1 %2 %3 %4 %5\n"_s.arg(u.name, -22).arg(u.used, 14).arg(u.limit, 14).arg(percentOf(u), 7)
                     .arg(u.resetSeconds >= 0 ? u"%1 s"_s.arg(u.resetSeconds) : u"-"_s);
    }
    if (settings->effective.ratePerSecond > 0) {
        out() << u"rate_per_second        %1, burst %2\n"_s.arg(settings->effective.ratePerSecond)
                     .arg(settings->effective.effectiveBurst());
    }
    return 0;
}

} // namespace

bool isCliCommand(const QString &command)
{
    return command == "tenants"_L1 || command == "keys"_L1 || command == "audit"_L1 || command == "report"_L1
        || command == "migrate"_L1 || command == "quotas"_L1 || command == "plans"_L1 || command == "subscriptions"_L1
        || command == "invoices"_L1 || command == "demo-data"_L1;
}

int runCli(const QStringList &arguments)
{
    // arguments: program, group, verb, ...
    const QString group = arguments.value(1);
    if (group == "migrate"_L1)
        return runMigrate(arguments);
    if (group == "demo-data"_L1)
        return runDemoData(arguments);
    const QString verb = arguments.value(2);
    const Command *command = nullptr;
    for (const Command &c : commands()) {
        if (c.group == group && c.verb == verb)
            command = &c;
    }
    QCommandLineParser parser;
    parser.addHelpOption();
    Http::addOptions(parser, Http::commonOptionSpecs());
    parser.addOptions({
        {u"json"_s, u"Print JSON instead of a table."_s},
        {u"name"_s, u"Display name (tenants) or key name (keys)."_s, u"text"_s},
        {u"plan"_s, u"Plan, or a plan to filter by."_s, u"plan"_s},
        {u"isolation"_s, u"shared, schema or database."_s, u"strategy"_s},
        {u"locale"_s, u"Locale such as en_US."_s, u"locale"_s},
        {u"time-zone"_s, u"IANA time zone."_s, u"zone"_s},
        {u"theme-color"_s, u"Theme colour #rrggbb."_s, u"color"_s},
        {u"pending"_s, u"Register without activating."_s},
        {u"force"_s, u"Purge even before the retention period ends."_s},
        {u"search"_s, u"Text to look for in slug or name."_s, u"text"_s},
        {u"status"_s, u"Comma-separated statuses to list."_s, u"list"_s},
        {u"limit"_s, u"Most tenants or audit entries to list (1-1000)."_s, u"n"_s, u"1000"_s},
        {u"tenant"_s, u"Audit entries or usage report of this tenant (slug)."_s, u"slug"_s},
        {u"actor"_s, u"Audit entries by this actor."_s, u"actor"_s},
        {u"action"_s, u"Audit action, exact or a prefix ending in .* (tenant.*)."_s, u"action"_s},
        {u"since"_s, u"Audit entries at or after this ISO 8601 time."_s, u"time"_s},
        {u"until"_s, u"Audit entries before this ISO 8601 time."_s, u"time"_s},
        {u"format"_s, u"Audit export: jsonl (default) or csv. Usage report: json (default), csv or pdf."_s, u"format"_s},
        {u"output"_s, u"Export to this file instead of standard output."_s, u"file"_s},
        {u"from"_s, u"Usage report start (included): YYYY-MM-DD or a whole-hour ISO 8601 UTC time."_s, u"date"_s},
        {u"to"_s, u"Usage report end (excluded): YYYY-MM-DD or a whole-hour ISO 8601 UTC time."_s, u"date"_s},
        {u"cycle"_s, u"Billing cycle: monthly or yearly."_s, u"cycle"_s},
        {u"timing"_s, u"When a plan change takes effect: immediate or period_end."_s, u"timing"_s},
        {u"at"_s, u"A preview's at_ms, to book exactly its amounts."_s, u"ms"_s},
        {u"no-trial"_s, u"Subscribe without the plan's trial."_s},
        {u"now"_s, u"Cancel at once instead of at the period's end."_s},
    });
    if (!command) {
        QString list;
        for (const Command &c : commands())
            list += u"  tenantry %1 %2 %3\n      %4\n"_s.arg(c.group, c.verb, c.usage, c.summary);
        std::fprintf(stderr, "Commands:\n%s", qPrintable(list));
        return verb.isEmpty() || verb == "--help"_L1 ? 0 : usageError(u"unknown command '%1 %2'"_s.arg(group, verb));
    }
    QStringList rest = arguments;
    rest.remove(1, 2);
    if (!parser.parse(rest))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        out() << u"Usage: tenantry %1 %2 %3 [options]\n%4\n\n"_s.arg(group, verb, command->usage, command->summary)
              << parser.helpText().section(u'\n', 1);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const qsizetype wanted = command->usage.isEmpty() ? 0 : command->usage.split(u' ').size();
    if (positional.size() != wanted)
        return usageError(u"'%1 %2' takes %3"_s.arg(group, verb, command->usage.isEmpty() ? u"no arguments"_s : command->usage));

    auto values = Http::OptionValues::resolve(parser, Http::commonOptionSpecs());
    if (!values)
        return failed(values.error());
    auto common = Http::CommonOptions::from(values.value());
    if (!common)
        return failed(common.error());
    auto runtime = Runtime::open(common.value());
    if (!runtime)
        return failed(runtime.error());
    TenantService &tenants = runtime.value()->tenants();
    const bool json = parser.isSet(u"json"_s);
    const Actor actor = cliActor();

    const auto showTenant = [&](const Result<Tenant> &t) {
        if (!t)
            return failed(t.error());
        if (json)
            printJson(tenantToJson(t.value()));
        else
            printTenants({t.value()});
        return 0;
    };
    const auto showCreated = [&](const Result<CreatedTenant> &c) {
        if (!c)
            return failed(c.error());
        QJsonObject o = tenantToJson(c->tenant);
        o.insert(u"api_key"_s, c->firstKey.secret);
        if (json) {
            printJson(o);
        } else {
            printTenants({c->tenant});
            out() << u"\nAPI key (shown only once): %1\n"_s.arg(c->firstKey.secret);
        }
        return 0;
    };

    if (group == "tenants"_L1) {
        if (verb == "list"_L1) {
            TenantQuery query;
            query.search = parser.value(u"search"_s);
            query.plan = parser.value(u"plan"_s);
            query.limit = parser.value(u"limit"_s).toInt();
            for (const QString &s : parser.value(u"status"_s).split(u',', Qt::SkipEmptyParts)) {
                TenantStatus status;
                if (!parseStatus(s.trimmed(), &status))
                    return usageError(u"unknown status '%1'"_s.arg(s));
                query.statuses.append(status);
            }
            auto page = tenants.list(query);
            if (!page)
                return failed(page.error());
            if (json) {
                QJsonArray items;
                for (const Tenant &t : page->items)
                    items.append(tenantToJson(t));
                printJson(items);
            } else {
                printTenants(page->items);
                if (page->total > page->items.size())
                    out() << u"(%1 of %2 shown)\n"_s.arg(page->items.size()).arg(page->total);
            }
            return 0;
        }
        if (verb == "show"_L1)
            return showTenant(tenants.get(positional.at(0)));
        if (verb == "create"_L1) {
            NewTenant request;
            request.slug = positional.at(0);
            request.config.displayName = parser.value(u"name"_s);
            if (parser.isSet(u"plan"_s))
                request.plan = parser.value(u"plan"_s);
            request.isolation = parser.value(u"isolation"_s);
            if (parser.isSet(u"locale"_s))
                request.config.locale = parser.value(u"locale"_s);
            if (parser.isSet(u"time-zone"_s))
                request.config.timeZone = parser.value(u"time-zone"_s);
            if (parser.isSet(u"theme-color"_s))
                request.config.themeColor = parser.value(u"theme-color"_s);
            request.activate = !parser.isSet(u"pending"_s);
            return showCreated(tenants.create(actor, request));
        }
        if (verb == "clone"_L1) {
            QJsonObject overrides;
            if (parser.isSet(u"name"_s))
                overrides.insert(u"display_name"_s, parser.value(u"name"_s));
            return showCreated(tenants.clone(actor, positional.at(0), positional.at(1), overrides));
        }
        LifecycleAction action;
        if (parseAction(verb, &action))
            return showTenant(tenants.apply(actor, positional.at(0), action, parser.isSet(u"force"_s)));
    }
    if (group == "keys"_L1) {
        if (verb == "issue"_L1) {
            auto issued = tenants.issueKey(actor, positional.at(0), parser.value(u"name"_s).isEmpty() ? u"cli"_s : parser.value(u"name"_s));
            if (!issued)
                return failed(issued.error());
            QJsonObject o = apiKeyToJson(issued->info);
            o.insert(u"api_key"_s, issued->secret);
            if (json)
                printJson(o);
            else
                out() << u"Key %1 issued. API key (shown only once): %2\n"_s.arg(issued->info.id, issued->secret);
            return 0;
        }
        if (verb == "list"_L1) {
            auto keys = tenants.listKeys(positional.at(0));
            if (!keys)
                return failed(keys.error());
            QJsonArray items;
            for (const ApiKeyInfo &k : keys.value())
                items.append(apiKeyToJson(k));
            if (json) {
                printJson(items);
            } else {
                for (const ApiKeyInfo &k : keys.value()) {
                    out() << u"%1  %2  %3  %4\n"_s.arg(k.id, k.masked, k.revokedAt.isValid() ? u"revoked"_s : u"valid  "_s, k.name);
                }
            }
            return 0;
        }
        if (verb == "revoke"_L1) {
            if (Status s = tenants.revokeKey(actor, positional.at(0), positional.at(1)); !s)
                return failed(s.error());
            out() << u"Key %1 revoked.\n"_s.arg(positional.at(1));
            return 0;
        }
    }
    if (group == "subscriptions"_L1 || group == "invoices"_L1 || (group == "plans"_L1 && (verb == "pricing"_L1 || verb == "price"_L1)))
        return runBillingCommand(*runtime.value(), group, verb, positional, parser, json);
    if (group == "quotas"_L1 || group == "plans"_L1)
        return runQuotas(*runtime.value(), group, verb, positional, parser, json);
    if (group == "audit"_L1)
        return runAudit(runtime.value()->audit(), tenants, verb, parser, json);
    if (group == "report"_L1)
        return runUsageReport(*runtime.value(), parser);
    return usageError(u"unknown command"_s);
}

} // namespace Tenantry::App
