#include "app/serve.h"

#include "app/runtime.h"
#include "app/shutdownsignals.h"
#include "app/usagemetering.h"
#include "core/http/adminroutes.h"
#include "core/http/apiserver.h"
#include "core/http/auditroutes.h"
#include "core/http/logroutes.h"
#include "core/http/metricsroutes.h"
#include "core/http/tenantroutes.h"
#include "core/identify/headerstrategy.h"
#include "core/identify/jwtstrategy.h"
#include "core/identify/pathstrategy.h"
#include "core/identify/subdomainstrategy.h"
#include "core/observe/anomalydetector.h"
#include "core/observe/auditqueue.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTimer>

#include <cstdio>

Q_LOGGING_CATEGORY(lcServe, "tenantry.serve")

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

int fail(const Error &error)
{
    std::fprintf(stderr, "tenantry serve: %s\n", qPrintable(error.message));
    return 1;
}

Result<Identify::JwtVerifier> makeVerifier(const Http::ServeOptions &options)
{
    if (options.jwtKeysFile.isEmpty())
        return Identify::JwtVerifier();
    auto keys = Identify::JwtVerifier::loadKeysFile(options.jwtKeysFile);
    if (!keys)
        return keys.error();
    Identify::JwtPolicy policy;
    policy.issuer = options.jwtIssuer;
    policy.audience = options.jwtAudience;
    policy.leewaySeconds = options.jwtLeewaySeconds;
    policy.tenantClaim = options.jwtTenantClaim;
    return Identify::JwtVerifier::create(keys.value(), policy);
}

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Runs the Tenantry HTTP server (admin API and tenant API)."_s);
    parser.addHelpOption();
    QList<Http::OptionSpec> specs = Http::commonOptionSpecs();
    specs.append(Http::serveOptionSpecs());
    Http::addOptions(parser, specs);
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty())
        return fail(Error::invalid(u"usage"_s, u"unexpected argument '%1'"_s.arg(parser.positionalArguments().first())));

    auto values = Http::OptionValues::resolve(parser, specs);
    if (!values)
        return fail(values.error());
    auto options = Http::ServeOptions::from(values.value());
    if (!options)
        return fail(options.error());
    auto verifier = makeVerifier(options.value());
    if (!verifier)
        return fail(verifier.error());

    Storage::TenantPolicy policy{options->defaultIsolation, options->retentionDays};
    auto runtime = Runtime::open(options->common, policy);
    if (!runtime)
        return fail(runtime.error());
    Runtime &rt = *runtime.value();

    std::vector<std::unique_ptr<Identify::IdentificationStrategy>> strategies;
    for (const QString &name : options->strategies) {
        if (name == "subdomain"_L1)
            strategies.push_back(std::make_unique<Identify::SubdomainStrategy>(options->baseDomain));
        else if (name == "path"_L1)
            strategies.push_back(std::make_unique<Identify::PathStrategy>());
        else if (name == "header"_L1)
            strategies.push_back(std::make_unique<Identify::HeaderStrategy>());
        else if (name == "jwt"_L1)
            strategies.push_back(std::make_unique<Identify::JwtStrategy>(verifier.value(), rt.clock()));
    }
    const Identify::TenantResolver resolver(std::move(strategies), rt.directory());

    Http::Router router;
    Http::registerHealthRoutes(router, [&rt] { return rt.catalog().ping(); });
    Http::registerAdminRoutes(router, rt.tenants());
    Http::registerTenantRoutes(router);
    Http::registerAuditRoutes(router, rt.audit(), rt.tenants());
    Observe::RequestMetrics metrics;
    Http::registerMetricsRoutes(router, metrics, rt.directory(), options->metricsTopTenants);
    UsageMetering usage(rt, metrics, router, std::chrono::seconds(options->usageFlushIntervalSeconds));
    Observe::TenantLog tenantLogs(options->common.dataDir, rt.clock());
    Http::registerLogRoutes(router, tenantLogs, rt.directory());

    // Events from the request path and from timers reach the audit trail in batches.
    Observe::AuditQueue auditQueue(rt.catalog(), rt.audit());
    Http::ApiServerSettings settings{options->adminToken, options->limits, options->strategies.contains(u"path"_s),
                                     [&auditQueue](const Actor &actor, const AuditEvent &event) {
                                         auditQueue.enqueue(actor, event);
                                     },
                                     &metrics, &tenantLogs};
    Http::ApiServer server(router, resolver, rt.directory(), verifier.value(), rt.clock(), settings);
    auto port = server.listenOn(options->host, options->port);
    if (!port)
        return fail(port.error());

    const QString hostText = options->host.protocol() == QAbstractSocket::IPv6Protocol
        ? u"[%1]"_s.arg(options->host.toString())
        : options->host.toString();
    // Tests and scripts read this line to learn the port when --listen asked for port 0.
    std::fprintf(stderr, "tenantry: listening on http://%s:%u\n", qPrintable(hostText), unsigned(port.value()));
    qCInfo(lcServe).noquote() << "catalog:" << rt.catalog().describe() << "| identification:"
                              << options->strategies.join(u',') << "| admin API:"
                              << (options->adminToken.isEmpty() ? "disabled" : "enabled");

    // Changes made by other processes (the CLI, the console, other servers) reach this
    // server's in-memory directory within this interval.
    QTimer refresh;
    QObject::connect(&refresh, &QTimer::timeout, [&rt] {
        if (auto changed = rt.tenants().refreshIfChanged(); !changed)
            qCWarning(lcServe).noquote() << "directory refresh failed:" << changed.error().message;
    });
    refresh.start(2000);

    QTimer purge;
    QObject::connect(&purge, &QTimer::timeout, [&rt, &tenantLogs, days = options->logRetentionDays] {
        if (auto removed = tenantLogs.removeExpired(days); removed && removed.value() > 0)
            qCInfo(lcServe) << "removed" << removed.value() << "tenant log files past" << days << "days";
        if (auto purged = rt.tenants().purgeExpired(); !purged)
            qCWarning(lcServe).noquote() << "purging expired tenants failed:" << purged.error().message;
        else if (purged.value() > 0)
            qCInfo(lcServe) << "purged" << purged.value() << "tenants past their retention period";
    });
    purge.start(std::chrono::hours(1));

    QTimer auditFlush;
    qint64 reportedDrops = 0;
    const auto flushAudit = [&auditQueue, &tenantLogs, &reportedDrops] {
        if (Status s = auditQueue.flush(); !s)
            qCWarning(lcServe).noquote() << "writing queued audit events failed:" << s.error().message;
        if (Status s = tenantLogs.flush(); !s)
            qCWarning(lcServe).noquote() << "writing tenant logs failed:" << s.error().message;
        if (const qint64 dropped = auditQueue.dropped(); dropped > reportedDrops) {
            qCWarning(lcServe) << dropped - reportedDrops << "audit events dropped because the queue was full";
            reportedDrops = dropped;
        }
    };
    QObject::connect(&auditFlush, &QTimer::timeout, flushAudit);
    auditFlush.start(1000);

    // Each tenant's request rate, error rate and failed authentications are sampled once per
    // interval; a sudden rise becomes an audit event and a warning.
    Observe::AnomalyMonitor anomalies;
    QTimer anomalyCheck;
    QObject::connect(&anomalyCheck, &QTimer::timeout, [&] {
        const auto snapshot = rt.directory().snapshot();
        for (const Observe::Anomaly &a : anomalies.sample(metrics)) {
            const auto tenant = snapshot->findId(a.tenantId);
            const QString slug = tenant ? tenant->slug : a.tenantId;
            qCWarning(lcServe).noquote() << "anomaly:" << a.signal << "of tenant" << slug << "is" << a.value
                                         << "per interval, expected about" << qRound(a.expected);
            tenantLogs.append(a.tenantId, u"event"_s,
                              {{u"level"_s, u"warning"_s}, {u"event"_s, u"anomaly.detected"_s}, {u"signal"_s, a.signal},
                               {u"value"_s, a.value}, {u"expected"_s, a.expected}});
            auditQueue.enqueue(Actor::system(),
                               {a.tenantId, u"anomaly.detected"_s, u"tenant:"_s + slug, QJsonValue::Null,
                                QJsonObject{{u"signal"_s, a.signal}, {u"value"_s, a.value},
                                            {u"expected"_s, a.expected}, {u"score"_s, a.score},
                                            {u"interval_seconds"_s, options->anomalyIntervalSeconds}}});
        }
    });
    anomalyCheck.start(std::chrono::seconds(options->anomalyIntervalSeconds));
    usage.start();

    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::shutdownRequested, [&server](int number) {
        qCInfo(lcServe) << "signal" << number << "received: no longer accepting connections, shutting down";
        for (QTcpServer *listener : server.servers())
            listener->close();
        // Requests are answered synchronously, so what remains is flushing written
        // responses; give the event loop a moment for that.
        QTimer::singleShot(250, qApp, &QCoreApplication::quit);
    });

    const int code = QCoreApplication::exec();
    flushAudit();
    usage.stop();
    qCInfo(lcServe) << "stopped";
    return code;
}

} // namespace Tenantry::App
