#pragma once

#include "core/base/result.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

class QSettings;

namespace Tenantry::Widgets {

// What the console connects to, saved under a name: a catalog it opens itself (a data
// directory with its embedded SQLite catalog, or a PostgreSQL catalog, tenant data still under
// the data directory where the isolation strategy keeps files), or a remote `tenantry serve`
// whose admin API it uses. Secrets are never part of the profile: the database password
// lives in a SecretStore under secretKey(), the server's admin token under adminTokenKey().
struct ConnectionProfile {
    QString name;
    QString dataDir;     // empty: the platform's default data directory
    QString databaseUrl; // empty: SQLite in dataDir; else postgresql://user@host:port/db
    QString serverUrl;   // non-empty: a remote server, https://host[:port] (dataDir and databaseUrl unused)

    bool usesServer() const { return !serverUrl.isEmpty(); }
    bool usesPostgres() const { return !usesServer() && !databaseUrl.isEmpty(); }
    // Where the profile's database password is kept in a SecretStore.
    QString secretKey() const { return QStringLiteral("connection/%1/database-password").arg(name); }
    // Where the remote server's admin token is kept in a SecretStore.
    QString adminTokenKey() const { return QStringLiteral("connection/%1/admin-token").arg(name); }
};

// True when the admin token would cross a network in clear text: http:// to anything but
// this machine.
bool sendsTokenInClear(const QString &serverUrl);

// A database URL without its password, and the password ("" when it had none).
std::pair<QString, QString> splitPassword(const QString &url);
// `url` with `password` put in (none when empty).
QString withPassword(const QString &url, const QString &password);

// The saved profiles, in the console's QSettings under "connections/", and which one was
// used last. GUI thread only; `settings` must outlive it.
class ConnectionProfiles
{
public:
    explicit ConnectionProfiles(QSettings &settings) : m_settings(settings) {}

    QList<ConnectionProfile> all() const;
    std::optional<ConnectionProfile> find(const QString &name) const;
    // Adds or replaces the profile of that name. Errors: Invalid "invalid-profile" (no name,
    // a '/' in it, a database URL that is not postgresql:// or still holds a password, or a
    // server URL that is not http(s)://host with no user, password, query or fragment).
    Status save(const ConnectionProfile &profile);
    void remove(const QString &name);

    QString lastUsed() const;
    void setLastUsed(const QString &name);

private:
    QSettings &m_settings;
};

} // namespace Tenantry::Widgets
