#include "widgets/connection/connectionprofile.h"

#include <QHostAddress>
#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

constexpr auto kGroup = "connections"_L1;
constexpr auto kLastUsed = "connection/last-used"_L1;

} // namespace

std::pair<QString, QString> splitPassword(const QString &url)
{
    QUrl parsed(url);
    if (!parsed.isValid() || parsed.password().isEmpty())
        return {url, QString()};
    const QString password = parsed.password(QUrl::FullyDecoded);
    parsed.setPassword(QString());
    return {parsed.toString(), password};
}

QString withPassword(const QString &url, const QString &password)
{
    if (password.isEmpty())
        return url;
    QUrl parsed(url);
    parsed.setPassword(password, QUrl::DecodedMode);
    return parsed.toString();
}

bool sendsTokenInClear(const QString &serverUrl)
{
    const QUrl url(serverUrl);
    if (url.scheme() != "http"_L1)
        return false;
    const QHostAddress address(url.host());
    return url.host() != "localhost"_L1 && !address.isLoopback();
}

QList<ConnectionProfile> ConnectionProfiles::all() const
{
    QList<ConnectionProfile> out;
    m_settings.beginGroup(kGroup);
    const QStringList names = m_settings.childGroups();
    for (const QString &name : names) {
        out.append({name, m_settings.value(name + u"/data-dir"_s).toString(),
                    m_settings.value(name + u"/database"_s).toString(),
                    m_settings.value(name + u"/server"_s).toString()});
    }
    m_settings.endGroup();
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return out;
}

std::optional<ConnectionProfile> ConnectionProfiles::find(const QString &name) const
{
    for (const ConnectionProfile &p : all()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

Status ConnectionProfiles::save(const ConnectionProfile &profile)
{
    QList<FieldError> errors;
    if (profile.name.trimmed().isEmpty() || profile.name.contains(u'/') || profile.name.contains(u'\\'))
        errors.append({u"name"_s, u"Give the profile a name without slashes."_s});
    if (profile.usesServer()) {
        const QUrl url(profile.serverUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1) || url.host().isEmpty()
            || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
            errors.append({u"server"_s, u"A server is an https://host:port address (http:// on this machine)."_s});
    } else if (profile.usesPostgres()) {
        const QUrl url(profile.databaseUrl);
        if (!url.isValid() || (url.scheme() != "postgresql"_L1 && url.scheme() != "postgres"_L1))
            errors.append({u"database"_s, u"A PostgreSQL catalog is a postgresql://user@host:port/database URL."_s});
        else if (!url.password().isEmpty())
            errors.append({u"database"_s, u"The password goes to the keychain, not into the profile."_s});
    }
    if (!errors.isEmpty())
        return Error::invalid(u"invalid-profile"_s, errors.first().message, errors);
    m_settings.beginGroup(kGroup);
    m_settings.remove(profile.name);
    m_settings.setValue(profile.name + u"/data-dir"_s, profile.dataDir);
    m_settings.setValue(profile.name + u"/database"_s, profile.usesServer() ? QString() : profile.databaseUrl);
    if (profile.usesServer())
        m_settings.setValue(profile.name + u"/server"_s, profile.serverUrl);
    m_settings.endGroup();
    m_settings.sync();
    return {};
}

void ConnectionProfiles::remove(const QString &name)
{
    m_settings.beginGroup(kGroup);
    m_settings.remove(name);
    m_settings.endGroup();
    if (lastUsed() == name)
        m_settings.remove(kLastUsed);
    m_settings.sync();
}

QString ConnectionProfiles::lastUsed() const
{
    return m_settings.value(kLastUsed).toString();
}

void ConnectionProfiles::setLastUsed(const QString &name)
{
    m_settings.setValue(kLastUsed, name);
    m_settings.sync();
}

} // namespace Tenantry::Widgets
