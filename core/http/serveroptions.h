#pragma once

#include "core/base/result.h"
#include "core/http/requestguard.h"
#include "core/notify/webhooktarget.h"
#include "core/storage/connectionrouter.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QStringList>

#include <optional>

namespace Tenantry::Http {

// One configurable setting: a command-line flag, its TENANTRY_* environment variable and
// its key in the optional config file (INI, the flag name without dashes).
// Precedence: flag, then environment, then config file, then default.
struct OptionSpec {
    QString flag;        // "listen" for --listen
    QString env;         // "TENANTRY_LISTEN"
    QString valueName;   // shown in --help
    QString description;
    QString defaultValue;
    bool secret = false; // never printed, logged or echoed in errors
};

// Settings every command takes (serve, the CLI and the console).
const QList<OptionSpec> &commonOptionSpecs();
// Settings only `serve` takes.
const QList<OptionSpec> &serveOptionSpecs();

// Adds `specs` to a parser so --help lists flag, variable and default for each.
void addOptions(QCommandLineParser &parser, const QList<OptionSpec> &specs);

// Resolves each spec's value by precedence. Fails when --config names an unreadable file.
class OptionValues
{
public:
    static Result<OptionValues> resolve(const QCommandLineParser &parser, const QList<OptionSpec> &specs);
    QString value(const QString &flag) const { return m_values.value(flag); }
    // Where a value came from ("--listen", "TENANTRY_LISTEN", "config file", "default").
    QString origin(const QString &flag) const { return m_origins.value(flag); }

private:
    QHash<QString, QString> m_values;
    QHash<QString, QString> m_origins;
};

struct CommonOptions {
    QString dataDir;     // resolved; defaults to the platform's app data location
    QString databaseUrl; // empty: embedded SQLite in dataDir
    static Result<CommonOptions> from(const OptionValues &values);
};

struct ServeOptions {
    CommonOptions common;
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8080;
    QByteArray adminToken;
    QString baseDomain;
    QStringList strategies; // in evaluation order
    QString jwtKeysFile;
    QString jwtIssuer;
    QString jwtAudience;
    QString jwtTenantClaim = QStringLiteral("tenant");
    int jwtLeewaySeconds = 30;
    RequestLimits limits;
    QString defaultIsolation = QStringLiteral("shared");
    QHash<QString, QString> planIsolation; // plan → strategy for new tenants
    Storage::RouterLimits dataPool;
    int retentionDays = 30;
    int metricsTopTenants = 20;
    int anomalyIntervalSeconds = 60;
    int anomalyWarmup = 30; // samples before a tenant can be flagged (Observe::AnomalyPolicy::warmup)
    // Where anomalies are sent as signed webhooks; unset when no alert URL is configured.
    std::optional<Notify::WebhookTarget> alertWebhook;
    int logRetentionDays = 14;
    bool requestMetering = true; // off: no per-request metrics, usage or tenant request logs
    int usageFlushIntervalSeconds = 60; // 1..3600
    int billingIntervalSeconds = 60;    // 0 (off)..86400
    bool quotas = true;                 // off: no quota check on the request path
    int quotaFlushIntervalSeconds = 1;  // 1..60
    int storageSampleIntervalSeconds = 60;
    QString redisUrl;                   // empty: counters in this process only
    bool quotaRedisFailOpen = true;     // Redis unreachable: admit on local counters (true) or refuse (false)

    // Validates and converts everything; each problem names its flag and variable.
    static Result<ServeOptions> from(const OptionValues &values);
};

} // namespace Tenantry::Http
