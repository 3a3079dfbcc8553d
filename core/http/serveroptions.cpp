#include "core/http/serveroptions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <tuple>

using namespace Qt::StringLiterals;

namespace Tenantry::Http {
namespace {

const QStringList kStrategies = {u"subdomain"_s, u"path"_s, u"header"_s, u"jwt"_s};

QString describe(const OptionSpec &spec)
{
    QString text = spec.description + u" [env "_s + spec.env;
    if (!spec.defaultValue.isEmpty() && !spec.secret)
        text += u", default "_s + spec.defaultValue;
    return text + u']';
}

const OptionSpec *findSpec(const QString &flag)
{
    for (const auto *list : {&commonOptionSpecs(), &serveOptionSpecs()}) {
        for (const OptionSpec &s : *list) {
            if (s.flag == flag)
                return &s;
        }
    }
    return nullptr;
}

QString named(const QString &flag)
{
    const OptionSpec *spec = findSpec(flag);
    return spec ? u"--%1 (%2)"_s.arg(flag, spec->env) : u"--"_s + flag;
}

// A setting that is one of two words (on|off, open|closed): true for `yes`.
Result<bool> eitherOr(const OptionValues &values, const QString &flag, QLatin1StringView yes, QLatin1StringView no)
{
    const QString value = values.value(flag).trimmed().toLower();
    if (value != yes && value != no)
        return Error::invalid(u"invalid-option"_s, u"%1 must be %2 or %3."_s.arg(named(flag), yes, no));
    return value == yes;
}

Result<qint64> positiveInteger(const OptionValues &values, const QString &flag, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 n = values.value(flag).toLongLong(&ok);
    if (!ok || n < min || n > max) {
        return Error::invalid(u"invalid-option"_s,
                              u"%1 must be a whole number from %2 to %3."_s.arg(named(flag)).arg(min).arg(max));
    }
    return n;
}

Result<QByteArray> readSecretFile(const QString &path, const QString &flag)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::invalid(u"invalid-option"_s, u"%1: cannot read %2."_s.arg(named(flag), path));
    return f.readAll().trimmed();
}

// The alert webhook is all or nothing: a URL without a usable secret, or a secret without a
// URL (a misspelt URL variable), is refused rather than leaving alerts silently off.
Result<std::optional<Notify::WebhookTarget>> alertWebhookFrom(const OptionValues &values)
{
    const QString secretNames = u"%1 or %2"_s.arg(named(u"alert-webhook-secret"_s), named(u"alert-webhook-secret-file"_s));
    QByteArray secret = values.value(u"alert-webhook-secret"_s).trimmed().toUtf8();
    if (const QString file = values.value(u"alert-webhook-secret-file"_s); !file.isEmpty()) {
        auto fromFile = readSecretFile(file, u"alert-webhook-secret-file"_s);
        if (!fromFile)
            return fromFile.error();
        secret = fromFile.value();
    }
    const QString url = values.value(u"alert-webhook-url"_s).trimmed();
    if (url.isEmpty()) {
        if (!secret.isEmpty()) {
            return Error::invalid(u"invalid-option"_s, u"An alert webhook secret is set (%1) but %2 is not; set the URL "
                                                       "too, or remove the secret."_s.arg(secretNames, named(u"alert-webhook-url"_s)));
        }
        return std::optional<Notify::WebhookTarget>();
    }
    if (auto valid = Notify::WebhookTarget::validateUrl(url); !valid)
        return Error::invalid(u"invalid-option"_s, u"%1: %2"_s.arg(named(u"alert-webhook-url"_s), valid.error().message));
    if (secret.size() < Notify::WebhookTarget::minimumSecretBytes) {
        return Error::invalid(u"invalid-option"_s,
                              u"%1 needs a signing secret of at least %2 bytes in %3 (%4); generate one with "
                              "`openssl rand -hex 32`."_s.arg(named(u"alert-webhook-url"_s))
                                  .arg(Notify::WebhookTarget::minimumSecretBytes)
                                  .arg(secretNames, secret.isEmpty() ? u"none is set"_s : u"the one given is too short"_s));
    }
    auto target = Notify::WebhookTarget::create(url, secret);
    if (!target)
        return Error::invalid(u"invalid-option"_s, target.error().message);
    return std::optional<Notify::WebhookTarget>(target.value());
}

} // namespace

const QList<OptionSpec> &commonOptionSpecs()
{
    static const QList<OptionSpec> specs = {
        {u"data-dir"_s, u"TENANTRY_DATA_DIR"_s, u"dir"_s,
         u"Data directory (embedded catalog and local tenant files)."_s,
         QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)},
        {u"database"_s, u"TENANTRY_DATABASE_URL"_s, u"url"_s,
         u"PostgreSQL catalog, postgresql://user:password@host:5432/db; embedded SQLite when unset."_s,
         {}, true},
        {u"config"_s, u"TENANTRY_CONFIG"_s, u"file"_s,
         u"INI file with any of these settings, keyed by flag name (e.g. listen=0.0.0.0:8080)."_s, {}},
    };
    return specs;
}

const QList<OptionSpec> &serveOptionSpecs()
{
    static const QList<OptionSpec> specs = {
        {u"listen"_s, u"TENANTRY_LISTEN"_s, u"host:port"_s, u"Address to listen on; port 0 picks a free one."_s,
         u"127.0.0.1:8080"_s},
        {u"admin-token"_s, u"TENANTRY_ADMIN_TOKEN"_s, u"token"_s,
         u"Bearer token for the admin API (prefer the variable or --admin-token-file: flags show in ps)."_s,
         {}, true},
        {u"admin-token-file"_s, u"TENANTRY_ADMIN_TOKEN_FILE"_s, u"file"_s, u"File holding the admin token."_s, {}},
        {u"base-domain"_s, u"TENANTRY_BASE_DOMAIN"_s, u"domain"_s,
         u"Base domain for subdomain identification: acme.<domain> names tenant acme."_s, {}},
        {u"identify"_s, u"TENANTRY_IDENTIFY"_s, u"list"_s,
         u"Identification strategies in order, from subdomain,path,header,jwt. Subdomain needs "
         "--base-domain and jwt needs --jwt-keys; by default those are used when configured."_s,
         u"subdomain,path,header,jwt"_s},
        {u"jwt-keys"_s, u"TENANTRY_JWT_KEYS"_s, u"file"_s, u"JSON file of JWT verification keys (HS256/RS256)."_s, {}},
        {u"jwt-issuer"_s, u"TENANTRY_JWT_ISSUER"_s, u"iss"_s, u"Required JWT issuer (iss)."_s, {}},
        {u"jwt-audience"_s, u"TENANTRY_JWT_AUDIENCE"_s, u"aud"_s, u"Required JWT audience (aud)."_s, {}},
        {u"jwt-tenant-claim"_s, u"TENANTRY_JWT_TENANT_CLAIM"_s, u"claim"_s, u"JWT claim naming the tenant."_s,
         u"tenant"_s},
        {u"jwt-leeway"_s, u"TENANTRY_JWT_LEEWAY"_s, u"seconds"_s, u"Clock leeway for exp and nbf."_s, u"30"_s},
        {u"max-body-bytes"_s, u"TENANTRY_MAX_BODY_BYTES"_s, u"bytes"_s, u"Largest request body accepted (413 above)."_s,
         u"1048576"_s},
        {u"max-header-bytes"_s, u"TENANTRY_MAX_HEADER_BYTES"_s, u"bytes"_s,
         u"Largest request line plus headers accepted (431 above)."_s, u"16384"_s},
        {u"default-isolation"_s, u"TENANTRY_DEFAULT_ISOLATION"_s, u"strategy"_s,
         u"Isolation for new tenants when not given: shared, schema or database."_s, u"shared"_s},
        {u"plan-isolation"_s, u"TENANTRY_PLAN_ISOLATION"_s, u"plan=strategy,..."_s,
         u"Isolation for new tenants of a plan, e.g. \"pro=schema,enterprise=database\"; other plans get "
         "--default-isolation. A tenant's own \"isolation\" at registration wins."_s, {}},
        {u"data-pool-size"_s, u"TENANTRY_DATA_POOL_SIZE"_s, u"n"_s,
         u"Tenant data connections open at most, all tenants together (a database or file per tenant "
         "needs its own; shared tables and schemas share them)."_s, u"32"_s},
        {u"data-pool-per-tenant"_s, u"TENANTRY_DATA_POOL_PER_TENANT"_s, u"n"_s,
         u"Tenant data transactions one tenant may hold open at once (429 above)."_s, u"4"_s},
        {u"data-pool-idle-timeout"_s, u"TENANTRY_DATA_POOL_IDLE_TIMEOUT"_s, u"seconds"_s,
         u"An unused tenant data connection is closed after this long."_s, u"60"_s},
        {u"retention-days"_s, u"TENANTRY_RETENTION_DAYS"_s, u"days"_s,
         u"Days a deleted tenant can be restored before it is purged."_s, u"30"_s},
        {u"metrics-top-tenants"_s, u"TENANTRY_METRICS_TOP_TENANTS"_s, u"n"_s,
         u"Tenants named in /metrics (the busiest); the rest are summed, so series stay bounded."_s, u"20"_s},
        {u"anomaly-interval"_s, u"TENANTRY_ANOMALY_INTERVAL"_s, u"seconds"_s,
         u"How often each tenant's traffic is checked for anomalies (one sample per interval)."_s, u"60"_s},
        {u"anomaly-warmup"_s, u"TENANTRY_ANOMALY_WARMUP"_s, u"n"_s,
         u"Samples of a tenant's traffic seen before a rise in it can be called an anomaly."_s, u"30"_s},
        {u"alert-webhook-url"_s, u"TENANTRY_ALERT_WEBHOOK_URL"_s, u"url"_s,
         u"Operator alert endpoint (http or https): every anomaly is POSTed there as a signed "
         "anomaly.detected webhook. Needs a signing secret."_s, {}},
        {u"alert-webhook-secret"_s, u"TENANTRY_ALERT_WEBHOOK_SECRET"_s, u"secret"_s,
         u"Secret (at least 16 bytes) that signs alert webhooks (prefer the variable or "
         "--alert-webhook-secret-file: flags show in ps)."_s, {}, true},
        {u"alert-webhook-secret-file"_s, u"TENANTRY_ALERT_WEBHOOK_SECRET_FILE"_s, u"file"_s,
         u"File holding the alert webhook signing secret."_s, {}},
        {u"log-retention-days"_s, u"TENANTRY_LOG_RETENTION_DAYS"_s, u"days"_s,
         u"Days each tenant's request and event logs are kept."_s, u"14"_s},
        {u"request-metering"_s, u"TENANTRY_REQUEST_METERING"_s, u"on|off"_s,
         u"Count, time and log every request per tenant (metrics, usage, tenant logs, anomaly "
         "detection). Turn off only to measure what the stage costs."_s,
         u"on"_s},
        {u"billing-interval"_s, u"TENANTRY_BILLING_INTERVAL"_s, u"seconds"_s,
         u"How often the billing run closes ended periods, issues and collects invoices and takes due dunning "
         "steps (0: never; run it with POST /admin/v1/billing/run or `tenantry invoices run`)."_s,
         u"60"_s},
        {u"usage-flush-interval"_s, u"TENANTRY_USAGE_FLUSH_INTERVAL"_s, u"seconds"_s,
         u"How often per-tenant usage is added to the catalog's hourly rollup (at most this much is lost in a crash)."_s,
         u"60"_s},
        {u"quotas"_s, u"TENANTRY_QUOTAS"_s, u"on|off"_s,
         u"Enforce each tenant's plan limits and overrides on every tenant request (429 with Retry-After and "
         "RateLimit-* headers). Turn off only to measure what the check costs."_s,
         u"on"_s},
        {u"quota-flush-interval"_s, u"TENANTRY_QUOTA_FLUSH_INTERVAL"_s, u"seconds"_s,
         u"How often the in-process quota counters are saved to the catalog (at most this much counting is lost "
         "in a crash)."_s,
         u"1"_s},
        {u"storage-sample-interval"_s, u"TENANTRY_STORAGE_SAMPLE_INTERVAL"_s, u"seconds"_s,
         u"How often the storage of tenants whose data changed is measured, for storage quotas and usage."_s,
         u"60"_s},
        {u"redis"_s, u"TENANTRY_REDIS"_s, u"url"_s,
         u"Keep quota counters in Redis (redis://[:password@]host[:port][/db]) so several servers share exact "
         "limits."_s,
         QString(), true},
        {u"quota-redis-failure"_s, u"TENANTRY_QUOTA_REDIS_FAILURE"_s, u"open|closed"_s,
         u"When Redis cannot be reached: open admits requests under this server's own counters, closed refuses "
         "them with 503. Either way it is logged."_s,
         u"open"_s},
    };
    return specs;
}

void addOptions(QCommandLineParser &parser, const QList<OptionSpec> &specs)
{
    for (const OptionSpec &spec : specs)
        parser.addOption(QCommandLineOption(spec.flag, describe(spec), spec.valueName));
}

Result<OptionValues> OptionValues::resolve(const QCommandLineParser &parser, const QList<OptionSpec> &specs)
{
    OptionValues out;
    QString configPath = parser.isSet(u"config"_s) ? parser.value(u"config"_s) : qEnvironmentVariable("TENANTRY_CONFIG");
    std::unique_ptr<QSettings> file;
    if (!configPath.isEmpty()) {
        if (!QFileInfo(configPath).isReadable())
            return Error::invalid(u"invalid-option"_s, u"The config file %1 cannot be read."_s.arg(configPath));
        file = std::make_unique<QSettings>(configPath, QSettings::IniFormat);
    }
    for (const OptionSpec &spec : specs) {
        if (parser.isSet(spec.flag)) {
            out.m_values.insert(spec.flag, parser.value(spec.flag));
            out.m_origins.insert(spec.flag, u"--"_s + spec.flag);
        } else if (qEnvironmentVariableIsSet(spec.env.toLatin1().constData())) {
            out.m_values.insert(spec.flag, qEnvironmentVariable(spec.env.toLatin1().constData()));
            out.m_origins.insert(spec.flag, spec.env);
        } else if (file && file->contains(spec.flag)) {
            out.m_values.insert(spec.flag, file->value(spec.flag).toString());
            out.m_origins.insert(spec.flag, u"config file"_s);
        } else {
            out.m_values.insert(spec.flag, spec.defaultValue);
            out.m_origins.insert(spec.flag, u"default"_s);
        }
    }
    return out;
}

Result<CommonOptions> CommonOptions::from(const OptionValues &values)
{
    CommonOptions out;
    out.dataDir = values.value(u"data-dir"_s);
    if (out.dataDir.isEmpty())
        return Error::invalid(u"invalid-option"_s, u"%1 must name a directory."_s.arg(named(u"data-dir"_s)));
    out.dataDir = QDir(out.dataDir).absolutePath();
    out.databaseUrl = values.value(u"database"_s);
    return out;
}

Result<ServeOptions> ServeOptions::from(const OptionValues &values)
{
    ServeOptions out;
    auto common = CommonOptions::from(values);
    if (!common)
        return common.error();
    out.common = common.value();

    const QString listen = values.value(u"listen"_s);
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (!portOk || port < 0 || port > 65535 || out.host.setAddress(host) == false) {
        return Error::invalid(u"invalid-option"_s,
                              u"%1 must be an IP address and port, such as 127.0.0.1:8080 or [::]:8080."_s.arg(
                                  named(u"listen"_s)));
    }
    out.port = quint16(port);

    out.adminToken = values.value(u"admin-token"_s).toUtf8();
    if (const QString file = values.value(u"admin-token-file"_s); !file.isEmpty()) {
        auto token = readSecretFile(file, u"admin-token-file"_s);
        if (!token)
            return token.error();
        out.adminToken = token.value();
    }
    if (!out.adminToken.isEmpty() && out.adminToken.size() < 16) {
        return Error::invalid(u"invalid-option"_s,
                              u"The admin token must be at least 16 characters (--admin-token, "
                              "TENANTRY_ADMIN_TOKEN or --admin-token-file)."_s);
    }

    out.baseDomain = values.value(u"base-domain"_s).trimmed().toLower();
    out.jwtKeysFile = values.value(u"jwt-keys"_s);
    const bool strategiesDefaulted = values.origin(u"identify"_s) == "default"_L1;
    for (const QString &raw : values.value(u"identify"_s).split(u',', Qt::SkipEmptyParts)) {
        const QString name = raw.trimmed().toLower();
        if (!kStrategies.contains(name)) {
            return Error::invalid(u"invalid-option"_s, u"%1: unknown strategy '%2'; use %3."_s.arg(
                                                          named(u"identify"_s), name, kStrategies.join(u", "_s)));
        }
        if (out.strategies.contains(name))
            return Error::invalid(u"invalid-option"_s, u"%1 lists '%2' twice."_s.arg(named(u"identify"_s), name));
        const bool unconfigured = (name == "subdomain"_L1 && out.baseDomain.isEmpty())
            || (name == "jwt"_L1 && out.jwtKeysFile.isEmpty());
        if (unconfigured && strategiesDefaulted)
            continue; // the defaults only switch on what is configured
        if (unconfigured) {
            return Error::invalid(u"invalid-option"_s,
                                  u"%1 asks for '%2', which needs %3."_s.arg(
                                      named(u"identify"_s), name,
                                      name == "jwt"_L1 ? named(u"jwt-keys"_s) : named(u"base-domain"_s)));
        }
        out.strategies.append(name);
    }
    if (out.strategies.isEmpty())
        return Error::invalid(u"invalid-option"_s, u"%1 must enable at least one strategy."_s.arg(named(u"identify"_s)));

    out.jwtIssuer = values.value(u"jwt-issuer"_s);
    out.jwtAudience = values.value(u"jwt-audience"_s);
    out.jwtTenantClaim = values.value(u"jwt-tenant-claim"_s);
    if (out.jwtTenantClaim.isEmpty())
        return Error::invalid(u"invalid-option"_s, u"%1 must not be empty."_s.arg(named(u"jwt-tenant-claim"_s)));

    auto leeway = positiveInteger(values, u"jwt-leeway"_s, 0, 300);
    auto body = positiveInteger(values, u"max-body-bytes"_s, 1024, qint64(1) << 32);
    auto header = positiveInteger(values, u"max-header-bytes"_s, 1024, 1024 * 1024);
    auto retention = positiveInteger(values, u"retention-days"_s, 0, 3650);
    auto topTenants = positiveInteger(values, u"metrics-top-tenants"_s, 0, 500);
    auto anomalyInterval = positiveInteger(values, u"anomaly-interval"_s, 1, 3600);
    auto anomalyWarmup = positiveInteger(values, u"anomaly-warmup"_s, 1, 100000);
    auto logRetention = positiveInteger(values, u"log-retention-days"_s, 1, 3650);
    auto usageFlush = positiveInteger(values, u"usage-flush-interval"_s, 1, 3600);
    auto quotaFlush = positiveInteger(values, u"quota-flush-interval"_s, 1, 60);
    auto storageSample = positiveInteger(values, u"storage-sample-interval"_s, 1, 86400);
    auto poolSize = positiveInteger(values, u"data-pool-size"_s, 1, 10000);
    auto poolPerTenant = positiveInteger(values, u"data-pool-per-tenant"_s, 1, 1000);
    auto poolIdle = positiveInteger(values, u"data-pool-idle-timeout"_s, 1, 86400);
    auto billingInterval = positiveInteger(values, u"billing-interval"_s, 0, 86400);
    for (const auto *r : {&billingInterval, &leeway, &body, &header, &retention, &topTenants, &anomalyInterval, &anomalyWarmup,
                          &logRetention, &usageFlush, &quotaFlush, &storageSample, &poolSize, &poolPerTenant,
                          &poolIdle}) {
        if (!*r)
            return r->error();
    }
    out.jwtLeewaySeconds = int(leeway.value());
    out.limits.maxBodyBytes = body.value();
    out.limits.maxHeaderBytes = header.value();
    out.retentionDays = int(retention.value());
    out.metricsTopTenants = int(topTenants.value());
    out.anomalyIntervalSeconds = int(anomalyInterval.value());
    out.anomalyWarmup = int(anomalyWarmup.value());
    out.logRetentionDays = int(logRetention.value());
    out.usageFlushIntervalSeconds = int(usageFlush.value());
    out.billingIntervalSeconds = int(billingInterval.value());
    out.quotaFlushIntervalSeconds = int(quotaFlush.value());
    out.storageSampleIntervalSeconds = int(storageSample.value());
    out.dataPool.maxConnections = int(poolSize.value());
    out.dataPool.maxPerTenant = int(poolPerTenant.value());
    out.dataPool.idleTimeout = std::chrono::seconds(poolIdle.value());

    for (const auto &[flag, yes, no, target] :
         {std::tuple{u"request-metering"_s, "on"_L1, "off"_L1, &out.requestMetering},
          std::tuple{u"quotas"_s, "on"_L1, "off"_L1, &out.quotas},
          std::tuple{u"quota-redis-failure"_s, "open"_L1, "closed"_L1, &out.quotaRedisFailOpen}}) {
        auto chosen = eitherOr(values, flag, yes, no);
        if (!chosen)
            return chosen.error();
        *target = chosen.value();
    }
    out.redisUrl = values.value(u"redis"_s).trimmed();

    out.defaultIsolation = values.value(u"default-isolation"_s);
    if (!QStringList{u"shared"_s, u"schema"_s, u"database"_s}.contains(out.defaultIsolation)) {
        return Error::invalid(u"invalid-option"_s,
                              u"%1 must be shared, schema or database."_s.arg(named(u"default-isolation"_s)));
    }

    const QStringList strategies{u"shared"_s, u"schema"_s, u"database"_s};
    for (const QString &pair : values.value(u"plan-isolation"_s).split(u',', Qt::SkipEmptyParts)) {
        const QString plan = pair.section(u'=', 0, 0).trimmed();
        const QString strategy = pair.section(u'=', 1).trimmed();
        if (plan.isEmpty() || !strategies.contains(strategy)) {
            return Error::invalid(u"invalid-option"_s,
                                  u"%1 must list plan=strategy pairs (strategy shared, schema or database), "
                                  "e.g. \"pro=schema,enterprise=database\"; \"%2\" is not one."_s
                                      .arg(named(u"plan-isolation"_s), pair.trimmed()));
        }
        out.planIsolation.insert(plan, strategy);
    }

    auto alertWebhook = alertWebhookFrom(values);
    if (!alertWebhook)
        return alertWebhook.error();
    out.alertWebhook = alertWebhook.value();
    return out;
}

} // namespace Tenantry::Http
