#pragma once

#include "core/base/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Tenantry::Storage {

// A parsed "postgresql://user:password@host:port/database?sslmode=require" URL
// ("postgres://" is accepted too). The password is kept apart so that describing the
// location for logs never includes it.
struct DatabaseUrl {
    QString user;
    QString password;
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database;
    QString connectOptions; // libpq keywords from the query string, "key=value;key=value"

    static Result<DatabaseUrl> parse(const QString &url);
    // The URL with the password replaced by "***", for logs and the console.
    QString redacted() const;
    // Sets host, port, credentials, database and options (with a 10 s connect timeout unless
    // the URL names one) on a QPSQL connection; callers may then override what differs.
    void configure(QSqlDatabase &db) const;
};

} // namespace Tenantry::Storage
