#pragma once

#include "core/base/result.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

class QSettings;

namespace Tenantry::Widgets {

// A catalog the console opens itself, saved under a name: a data directory with its
// embedded SQLite catalog, or a PostgreSQL catalog (tenant data still under the data
// directory where the isolation strategy keeps files). The database password is never part
// of the profile: it lives in a SecretStore under secretKey().
struct ConnectionProfile {
    QString name;
    QString dataDir;     // empty: the platform's default data directory
    QString databaseUrl; // empty: SQLite in dataDir; else postgresql://user@host:port/db

    bool usesPostgres() const { return !databaseUrl.isEmpty(); }
    // Where the profile's database password is kept in a SecretStore.
    QString secretKey() const { return QStringLiteral("connection/%1/database-password").arg(name); }
};

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
    // a '/' in it, or a database URL that is not postgresql:// or still holds a password).
    Status save(const ConnectionProfile &profile);
    void remove(const QString &name);

    QString lastUsed() const;
    void setLastUsed(const QString &name);

private:
    QSettings &m_settings;
};

} // namespace Tenantry::Widgets
