#pragma once

#include "core/storage/catalog.h"
#include "core/storage/tenantdataaccess.h"

#include <QSqlDatabase>

#include <memory>

namespace Tenantry::Testing {

// A TenantDataAccess over one connection to one database holding every tenant's rows (the
// shared-tables layout), for tests of code above storage/. The tenant data migrations are
// applied on open; each run() is one transaction, committed when the work succeeds.
class SingleDbAccess final : public Storage::TenantDataAccess
{
public:
    // A SQLite database in `file` (created if missing).
    static std::unique_ptr<SingleDbAccess> openSqlite(const QString &file, QString *error);
    // The PostgreSQL database at `url` (e.g. a PgTestDatabase's).
    static std::unique_ptr<SingleDbAccess> openPostgres(const QString &url, QString *error);
    ~SingleDbAccess() override;

    Status run(const Tenant &tenant, const std::function<Status(Storage::TenantSession &)> &work) override;

    Storage::Dialect dialect() const { return m_dialect; }
    QSqlDatabase database() const { return m_db; }
    int runs() const { return m_runs; }

private:
    SingleDbAccess(QSqlDatabase db, Storage::Dialect dialect, QString name);
    bool migrate(QString *error);

    QSqlDatabase m_db;
    Storage::Dialect m_dialect;
    QString m_name;
    int m_runs = 0;
};

} // namespace Tenantry::Testing
