#pragma once

#include "core/base/result.h"

#include <QString>

namespace Tenantry::Storage {

// A parsed "redis://[[user]:password@]host[:port][/db]" URL. The user and password are
// percent-decoded (write an '@' or ':' in a password as %40 or %3A); a user needs a
// password (Redis 6 ACL "AUTH user password"), a password alone means the default user.
// TLS (rediss://), Unix sockets and query options are not supported: the hiredis we link
// has no TLS, and an option we would silently ignore is worse than an error. Plain data.
struct RedisUrl {
    QString host;
    quint16 port = 6379;
    int db = 0;
    QString password;
    QString username;

    // The URL's parts, or Invalid "invalid-redis-url" naming what is wrong: not redis://,
    // no host, a port outside 1..65535, a database that is not a number >= 0, a user
    // without a password, a query or fragment. The message never repeats the password.
    static Result<RedisUrl> parse(const QString &url);

    // The URL with the password replaced by "***", for logs and the console.
    QString redacted() const;

    // "host:port/db" (IPv6 hosts in brackets), for error messages; never the credentials.
    QString location() const;
};

} // namespace Tenantry::Storage
