#include "core/storage/databaseurl.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const auto bad = [](const QString &why) {
        return Error::invalid(u"invalid-database-url"_s,
                              u"The database URL is not valid: %1. Expected "
                              "postgresql://user:password@host:5432/database."_s.arg(why));
    };
    if (!url.isValid())
        return bad(u"it cannot be parsed"_s);
    if (url.scheme() != "postgresql"_L1 && url.scheme() != "postgres"_L1)
        return bad(u"the scheme must be postgresql://"_s);
    DatabaseUrl out;
    out.user = url.userName(QUrl::FullyDecoded);
    out.password = url.password(QUrl::FullyDecoded);
    if (!url.host().isEmpty())
        out.host = url.host();
    out.port = url.port(5432);
    if (out.port <= 0 || out.port > 65535)
        return bad(u"the port is out of range"_s);
    out.database = url.path(QUrl::FullyDecoded).mid(1);
    if (out.database.isEmpty() || out.database.contains(u'/'))
        return bad(u"it must name exactly one database"_s);
    // Only libpq's connection keywords that make sense here; anything else is a typo.
    static const QStringList allowed = {u"sslmode"_s, u"sslrootcert"_s, u"sslcert"_s, u"sslkey"_s,
                                        u"connect_timeout"_s, u"application_name"_s};
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (!allowed.contains(key))
            return bad(u"unknown option '%1'"_s.arg(key));
        options.append(key + u'=' + value);
    }
    out.connectOptions = options.join(u';');
    return out;
}

void DatabaseUrl::configure(QSqlDatabase &db) const
{
    db.setHostName(host);
    db.setPort(port);
    db.setUserName(user);
    db.setPassword(password);
    db.setDatabaseName(database);
    QString options = connectOptions;
    if (!options.contains("connect_timeout"_L1))
        options += (options.isEmpty() ? u""_s : u";"_s) + u"connect_timeout=10"_s;
    db.setConnectOptions(options);
}

QString DatabaseUrl::redacted() const
{
    QString s = u"postgresql://"_s;
    if (!user.isEmpty())
        s += user + (password.isEmpty() ? u"@"_s : u":***@"_s);
    s += host + u':' + QString::number(port) + u'/' + database;
    return s;
}

} // namespace Tenantry::Storage
