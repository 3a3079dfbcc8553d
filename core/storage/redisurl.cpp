#include "core/storage/redisurl.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {

namespace {

Error badUrl(const QString &why)
{
    return Error::invalid(u"invalid-redis-url"_s,
                          u"The Redis URL is not valid: %1. Expected "
                          "redis://[[user]:password@]host[:port][/db], e.g. "
                          "redis://127.0.0.1:6379/0."_s.arg(why));
}

QString hostForUrl(const QString &host)
{
    return host.contains(u':') ? u'[' + host + u']' : host;
}

} // namespace

Result<RedisUrl> RedisUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return badUrl(u"it is empty"_s);
    const QUrl url(trimmed, QUrl::StrictMode);
    if (url.scheme() == "rediss"_L1)
        return badUrl(u"TLS (rediss://) is not supported"_s);
    if (!url.isValid()) {
        // QUrl's error string may quote the input, password included: say less.
        return badUrl(url.errorString().contains("port"_L1, Qt::CaseInsensitive)
                          ? u"the port must be a number from 1 to 65535"_s
                          : u"it cannot be parsed"_s);
    }
    if (url.scheme() != "redis"_L1)
        return badUrl(u"the scheme must be redis://"_s);
    if (url.host().isEmpty())
        return badUrl(u"it names no host"_s);
    if (url.hasQuery() || url.hasFragment())
        return badUrl(u"query options and fragments are not supported"_s);

    RedisUrl out;
    out.host = url.host(QUrl::FullyDecoded);
    const int port = url.port(6379);
    if (port < 1 || port > 65535)
        return badUrl(u"the port must be a number from 1 to 65535"_s);
    out.port = quint16(port);

    out.username = url.userName(QUrl::FullyDecoded);
    out.password = url.password(QUrl::FullyDecoded);
    if (!out.username.isEmpty() && out.password.isEmpty())
        return badUrl(u"a user needs a password (redis://user:password@host)"_s);

    const QString path = url.path(QUrl::FullyDecoded);
    if (!path.isEmpty() && path != "/"_L1) {
        const QString digits = path.mid(1);
        bool isNumber = !digits.isEmpty();
        for (const QChar c : digits)
            isNumber = isNumber && c >= u'0' && c <= u'9';
        const int db = isNumber ? digits.toInt(&isNumber) : -1;
        if (!isNumber || db < 0)
            return badUrl(u"the database must be a number from 0 up, as in /0"_s);
        out.db = db;
    }
    return out;
}

QString RedisUrl::redacted() const
{
    QString s = u"redis://"_s;
    if (!password.isEmpty())
        s += username + u":***@"_s;
    return s + location();
}

QString RedisUrl::location() const
{
    return hostForUrl(host) + u':' + QString::number(port) + u'/' + QString::number(db);
}

} // namespace Tenantry::Storage
