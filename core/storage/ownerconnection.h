#pragma once

#include "core/base/result.h"
#include "core/storage/databaseurl.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Tenantry::Storage {

// A short-lived connection with the owner's rights, for provisioning and migrating data
// spaces (never for serving tenant data): a SQLite file, or a PostgreSQL database reached
// with the catalog's credentials. Closed and removed when it goes out of scope; used only
// on the thread that opened it.
class OwnerConnection final
{
public:
    // `create`: SQLite may create the file; otherwise it must exist. `wal` puts the file in
    // write-ahead-log mode (which persists); otherwise its mode is left as it is (a new file
    // keeps a rollback journal).
    static Result<OwnerConnection> sqlite(const QString &file, bool create, bool wal = false);
    static Result<OwnerConnection> postgres(const DatabaseUrl &owner, const QString &database);

    OwnerConnection(OwnerConnection &&other) noexcept;
    OwnerConnection &operator=(OwnerConnection &&) = delete;
    ~OwnerConnection();

    QSqlDatabase &db() { return m_db; }
    // Runs one statement without parameters; the error names `what`.
    Status exec(const QString &sql, const QString &what);

private:
    explicit OwnerConnection(QString name);
    QString m_name;
    QSqlDatabase m_db;
};

// Opens `db` (already configured) and sets the per-connection SQLite settings every Tenantry
// SQLite connection uses.
Status openSqlite(QSqlDatabase &db);

} // namespace Tenantry::Storage
