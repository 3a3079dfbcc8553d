#include "app/serverhost.h"

#include "app/billingscheduler.h"
#include "app/usagemetering.h"
#include "core/http/adminroutes.h"
#include "core/http/apiserver.h"
#include "core/http/auditroutes.h"
#include "core/http/entityroutes.h"
#include "core/http/logroutes.h"
#include "core/http/metricsroutes.h"
#include "core/http/quotaalertroutes.h"
#include "core/http/quotaroutes.h"
#include "core/http/billingroutes.h"
#include "core/http/invoiceroutes.h"
#include "core/http/meterroutes.h"
#include "core/http/subscriptionroutes.h"
#include "documents/invoicepdf.h"
#include "core/http/tenantroutes.h"
#include "core/identify/headerstrategy.h"
#include "core/identify/jwtstrategy.h"
#include "core/identify/pathstrategy.h"
#include "core/identify/subdomainstrategy.h"
#include "core/notify/anomalyalerter.h"
#include "core/notify/webhookdispatcher.h"
#include "core/observe/anomalydetector.h"
#include "core/observe/auditqueue.h"
#include "core/observe/tenantlog.h"
#include "core/quota/quotaalertnotifier.h"
#include "core/quota/sharedquotastore.h"
#include "core/storage/quotaalertrepository.h"

#include <QLoggingCategory>
#include <QTcpServer>
#include <QTimer>

#include <optional>

Q_LOGGING_CATEGORY(lcServe, "tenantry.serve")

using namespace Qt::StringLiterals;

namespace Tenantry::App {
namespace {

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

std::unique_ptr<Identify::TenantResolver> makeResolver(const Http::ServeOptions &options,
                                                       const Identify::JwtVerifier &verifier, Runtime &rt)
{
    std::vector<std::unique_ptr<Identify::IdentificationStrategy>> strategies;
    for (const QString &name : options.strategies) {
        if (name == "subdomain"_L1)
            strategies.push_back(std::make_unique<Identify::SubdomainStrategy>(options.baseDomain));
        else if (name == "path"_L1)
            strategies.push_back(std::make_unique<Identify::PathStrategy>());
        else if (name == "header"_L1)
            strategies.push_back(std::make_unique<Identify::HeaderStrategy>());
        else if (name == "jwt"_L1)
            strategies.push_back(std::make_unique<Identify::JwtStrategy>(verifier, rt.clock()));
    }
    return std::make_unique<Identify::TenantResolver>(std::move(strategies), rt.directory());
}

} // namespace

// Declared in dependency order: members are destroyed in reverse, so the HTTP server goes
// first and the queues it feeds last.
struct ServerHost::Parts {
    Parts(Runtime &rt, const Http::ServeOptions &opts)
        : runtime(rt)
        , options(opts)
        , tenantLogs(opts.common.dataDir, rt.clock())
        , auditQueue(rt.catalog(), rt.audit())
        , anomalies(Observe::AnomalyPolicy{.warmup = opts.anomalyWarmup})
        , webhooks(rt.clock(), webhookTimers)
        , records(rt.dataPlane().router(), rt.clock())
    , quotaGate(rt.quotaPolicies())
    , quotaAlertLog(rt.catalog(), rt.clock())
    , quotaAlerter(quotaAlerts, quotaAlertLog, webhooks, rt.clock())
    {
        quotaGate.setAlertQueue(&quotaAlerts);
        if (opts.alertWebhook)
            alerter.emplace(webhooks, *opts.alertWebhook, opts.anomalyIntervalSeconds, rt.clock());
    }

    Runtime &runtime;
    Http::ServeOptions options;
    Observe::RequestMetrics metrics;
    Observe::TenantLog tenantLogs;
    Observe::AuditQueue auditQueue;
    Observe::AnomalyMonitor anomalies;
    QtTimers webhookTimers;
    Notify::WebhookDispatcher webhooks;
    std::optional<Notify::AnomalyAlerter> alerter; // set when an alert webhook is configured
    qint64 reportedDrops = 0;
    std::unique_ptr<Identify::TenantResolver> resolver;
    Records::RecordService records;
    std::unique_ptr<Quota::SharedQuotaStore> sharedQuotas; // with --redis
    Quota::QuotaGate quotaGate;
    Quota::QuotaAlertQueue quotaAlerts;
    Storage::QuotaAlertRepository quotaAlertLog;
    std::optional<BillingScheduler> billingRuns;
    Quota::QuotaAlertNotifier quotaAlerter; // records queued alerts, sends tenants' webhooks
    Http::Router router;
    std::optional<UsageMetering> usage; // needs the router; built on the host's thread
    std::unique_ptr<Http::ApiServer> server;
    quint16 port = 0;
    QTimer refresh, purge, flush, anomalyCheck, quotaFlush;
};

Result<std::unique_ptr<ServerHost>> ServerHost::start(Runtime &rt, const Http::ServeOptions &options)
{
    auto verifier = makeVerifier(options);
    if (!verifier)
        return verifier.error();
    auto parts = std::make_unique<Parts>(rt, options);
    Parts &p = *parts;
    p.resolver = makeResolver(options, verifier.value(), rt);

    Http::registerHealthRoutes(p.router, [&rt] { return rt.catalog().ping(); });
    Http::registerAdminRoutes(p.router, rt.tenants());
    Http::registerTenantRoutes(p.router);
    Http::registerEntityRoutes(p.router, p.records, rt.directory());
    Http::registerAuditRoutes(p.router, rt.audit(), rt.tenants());
    Http::registerMetricsRoutes(p.router, p.metrics, rt.directory(), options.metricsTopTenants);
    Http::registerLogRoutes(p.router, p.tenantLogs, rt.directory());
    if (!options.redisUrl.isEmpty()) {
        auto url = Storage::RedisUrl::parse(options.redisUrl);
        if (!url)
            return url.error();
        // Refused at start when unreachable: a server that never had the shared counts would
        // otherwise count alone without anyone noticing.
        auto store = Quota::SharedQuotaStore::connect(url.value());
        if (!store)
            return store.error();
        p.sharedQuotas = std::move(store).value();
        p.quotaGate.setSharedStore(p.sharedQuotas.get(), options.quotaRedisFailOpen);
    }
    Http::registerQuotaRoutes(p.router, rt.quotas(), p.quotaGate, rt.directory(), rt.clock());
    Http::registerQuotaAlertRoutes(p.router, p.quotaAlertLog, rt.directory());
    BillingStack &billing = rt.billing();
    Http::registerMeterRoutes(p.router, billing.meter(), rt.directory(), rt.clock());
    Http::registerBillingRoutes(p.router, billing.settings(), billing.plans(), rt.clock());
    Http::registerSubscriptionRoutes(p.router, billing.subscriptions(), rt.directory());
    p.billingRuns.emplace(billing.invoices(), std::chrono::seconds(options.billingIntervalSeconds));
    Http::registerInvoiceRoutes(
        p.router, billing.invoices(), rt.directory(),
        [](const Billing::Invoice &invoice) { return Documents::renderInvoicePdf(invoice); },
        [&p] { p.billingRuns->trigger(); });
    if (options.quotas) {
        Quota::QuotaPolicies &policies = rt.quotaPolicies();
        rt.dataPlane().router().setTenantShare(
            [&policies](const Tenant &tenant) { return policies.limitsFor(tenant)->dbConnections; });
        p.records.setRecordLimit(
            [&p](const Tenant &tenant, const QString &entity) { return p.quotaGate.recordLimit(tenant, entity); });
    }
    Observe::UsageRecorderSettings usageSettings;
    usageSettings.storageSampleInterval = std::chrono::seconds(options.storageSampleIntervalSeconds);
    usageSettings.storageMeasured = [&p, &rt](const QString &tenantId, qint64 bytes) {
        if (const auto tenant = rt.directory().snapshot()->findId(tenantId))
            p.quotaGate.setStorageUsed(*tenant, bytes, rt.clock().now().toMSecsSinceEpoch());
    };
    p.usage.emplace(rt, p.metrics, p.router, std::chrono::seconds(options.usageFlushIntervalSeconds), usageSettings);
    // Counts of the current windows that this or an earlier server saved, and the latest
    // storage figures: a restart neither forgets what was used nor lets storage quotas lapse.
    if (Status restored = rt.quotas().restoreInto(p.quotaGate, rt.directory()); !restored)
        return restored.error();

    // Events from the request path reach the audit trail in batches.
    Http::ApiServerSettings settings{options.adminToken, options.limits, options.strategies.contains(u"path"_s),
                                     [&p](const Actor &actor, const AuditEvent &event) {
                                         p.auditQueue.enqueue(actor, event);
                                     },
                                     options.requestMetering ? &p.metrics : nullptr,
                                     options.requestMetering ? &p.tenantLogs : nullptr,
                                     options.quotas ? &p.quotaGate : nullptr};
    p.server = std::make_unique<Http::ApiServer>(p.router, *p.resolver, rt.directory(), verifier.value(), rt.clock(),
                                                 settings);
    auto port = p.server->listenOn(options.host, options.port);
    if (!port)
        return port.error();
    p.port = port.value();

    std::unique_ptr<ServerHost> host(new ServerHost(std::move(parts)));
    host->startTimers();
    qCInfo(lcServe).noquote() << "catalog:" << rt.catalog().describe() << "| identification:"
                              << options.strategies.join(u',') << "| admin API:"
                              << (options.adminToken.isEmpty() ? "disabled" : "enabled")
                              << "| request metering:" << (options.requestMetering ? "on" : "off")
                              << "| quotas:" << (options.quotas ? "on" : "off")
                              << "| quota counters:"
                              << (p.sharedQuotas ? p.sharedQuotas->describe() + (options.quotaRedisFailOpen
                                                                                     ? u" (fail open)"_s
                                                                                     : u" (fail closed)"_s)
                                                 : u"this process"_s);
    if (options.alertWebhook) {
        qCInfo(lcServe).noquote() << "anomaly alerts go to the webhook at"
                                  << Notify::WebhookTarget::destination(options.alertWebhook->url);
    }
    return host;
}

ServerHost::ServerHost(std::unique_ptr<Parts> parts)
    : m_parts(std::move(parts))
{
}

ServerHost::~ServerHost()
{
    stopListening();
    flush();
    saveQuotaCounters();
    m_parts->usage->stop(); // adds what was served since the last usage flush
}

quint16 ServerHost::port() const
{
    return m_parts->port;
}

QString ServerHost::url() const
{
    const QHostAddress &host = m_parts->options.host;
    const QString hostText = host.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(host.toString())
                                                                                : host.toString();
    return u"http://%1:%2"_s.arg(hostText).arg(m_parts->port);
}

const Observe::RequestMetrics &ServerHost::metrics() const
{
    return m_parts->metrics;
}

const Quota::QuotaGate &ServerHost::quotaGate() const
{
    return m_parts->quotaGate;
}

void ServerHost::stopListening()
{
    for (QTcpServer *listener : m_parts->server->servers())
        listener->close();
}

void ServerHost::flush()
{
    Parts &p = *m_parts;
    if (Status s = p.auditQueue.flush(); !s)
        qCWarning(lcServe).noquote() << "writing queued audit events failed:" << s.error().message;
    if (Status s = p.tenantLogs.flush(); !s)
        qCWarning(lcServe).noquote() << "writing tenant logs failed:" << s.error().message;
    if (const qint64 dropped = p.auditQueue.dropped(); dropped > p.reportedDrops) {
        qCWarning(lcServe) << dropped - p.reportedDrops << "audit events dropped because the queue was full";
        p.reportedDrops = dropped;
    }
}

void ServerHost::startTimers()
{
    Parts &p = *m_parts;
    Runtime &rt = p.runtime;

    // Changes made by other processes (the CLI, the console, other servers) reach this
    // server's in-memory directory within this interval.
    connect(&p.refresh, &QTimer::timeout, this, [&rt] {
        if (auto changed = rt.tenants().refreshIfChanged(); !changed)
            qCWarning(lcServe).noquote() << "directory refresh failed:" << changed.error().message;
        if (auto changed = rt.quotas().refreshIfChanged(); !changed)
            qCWarning(lcServe).noquote() << "quota settings refresh failed:" << changed.error().message;
        rt.dataPlane().router().closeIdle(); // this thread's tenant data connections idle too long
    });
    p.refresh.start(2000);

    connect(&p.purge, &QTimer::timeout, this, [&p, &rt] {
        const int days = p.options.logRetentionDays;
        if (auto removed = p.tenantLogs.removeExpired(days); removed && removed.value() > 0)
            qCInfo(lcServe) << "removed" << removed.value() << "tenant log files past" << days << "days";
        if (auto purged = rt.tenants().purgeExpired(); !purged)
            qCWarning(lcServe).noquote() << "purging expired tenants failed:" << purged.error().message;
        else if (purged.value() > 0)
            qCInfo(lcServe) << "purged" << purged.value() << "tenants past their retention period";
    });
    p.purge.start(std::chrono::hours(1));

    connect(&p.flush, &QTimer::timeout, this, &ServerHost::flush);
    p.flush.start(1000);

    // Quota counters reach the catalog in batches: a crash loses at most one interval's counts.
    connect(&p.quotaFlush, &QTimer::timeout, this, &ServerHost::saveQuotaCounters);
    p.quotaFlush.start(std::chrono::seconds(p.options.quotaFlushIntervalSeconds));

    // Per-tenant usage goes into the catalog's hourly rollup, for reports and billing.
    p.usage->start();

    // Each tenant's request rate, error rate and failed authentications are sampled once per
    // interval; a sudden rise becomes an audit event and a warning, and a signed webhook to
    // the operator's alert endpoint when one is configured.
    connect(&p.anomalyCheck, &QTimer::timeout, this, &ServerHost::checkAnomalies);
    p.anomalyCheck.start(std::chrono::seconds(p.options.anomalyIntervalSeconds));
}

void ServerHost::saveQuotaCounters()
{
    Parts &p = *m_parts;
    Runtime &rt = p.runtime;
    const auto snapshot = rt.directory().snapshot();
    const auto rows = p.quotaGate.counters(rt.clock().now().toMSecsSinceEpoch(),
                                           [&snapshot](const QString &id) { return snapshot->findId(id); });
    if (Status saved = rt.quotas().saveCounters(rows); !saved)
        qCWarning(lcServe).noquote() << "saving quota counters failed (the next save retries):" << saved.error().message;
    if (Status sent = p.quotaAlerter.flush(); !sent)
        qCWarning(lcServe).noquote() << "recording quota alerts failed (kept for the next try):" << sent.error().message;
}

void ServerHost::checkAnomalies()
{
    Parts &p = *m_parts;
    const auto snapshot = p.runtime.directory().snapshot();
    for (const Observe::Anomaly &a : p.anomalies.sample(p.metrics)) {
        const auto tenant = snapshot->findId(a.tenantId);
        const QString slug = tenant ? tenant->slug : a.tenantId;
        qCWarning(lcServe).noquote() << "anomaly:" << a.signal << "of tenant" << slug << "is" << a.value
                                     << "per interval, expected about" << qRound(a.expected);
        p.tenantLogs.append(a.tenantId, u"event"_s,
                            {{u"level"_s, u"warning"_s}, {u"event"_s, u"anomaly.detected"_s}, {u"signal"_s, a.signal},
                             {u"value"_s, a.value}, {u"expected"_s, a.expected}});
        p.auditQueue.enqueue(Actor::system(),
                             {a.tenantId, u"anomaly.detected"_s, u"tenant:"_s + slug, QJsonValue::Null,
                              QJsonObject{{u"signal"_s, a.signal}, {u"value"_s, a.value},
                                          {u"expected"_s, a.expected}, {u"score"_s, a.score},
                                          {u"interval_seconds"_s, p.options.anomalyIntervalSeconds}}});
        if (p.alerter) {
            if (auto queued = p.alerter->alert(a, slug); !queued)
                qCWarning(lcServe).noquote() << "anomaly webhook not queued:" << queued.error().message;
        }
    }
}

} // namespace Tenantry::App
