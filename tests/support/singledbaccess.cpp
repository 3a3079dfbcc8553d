#include "tests/support/singledbaccess.h"

#include "core/storage/databaseurl.h"
#include "core/storage/migrations.h"

#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {
namespace {

QString connectionName()
{
    return u"singledb-"_s + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

SingleDbAccess::SingleDbAccess(QSqlDatabase db, Storage::Dialect dialect, QString name)
    : m_db(std::move(db))
    , m_dialect(dialect)
    , m_name(std::move(name))
{
}

SingleDbAccess::~SingleDbAccess()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::unique_ptr<SingleDbAccess> SingleDbAccess::openSqlite(const QString &file, QString *error)
{
    const QString name = connectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(file);
    std::unique_ptr<SingleDbAccess> access(new SingleDbAccess(db, Storage::Dialect::Sqlite, name));
    if (!access->m_db.open()) {
        *error = access->m_db.lastError().text();
        return nullptr;
    }
    if (!access->migrate(error))
        return nullptr;
    return access;
}

std::unique_ptr<SingleDbAccess> SingleDbAccess::openPostgres(const QString &url, QString *error)
{
    auto parsed = Storage::DatabaseUrl::parse(url);
    if (!parsed) {
        *error = parsed.error().message;
        return nullptr;
    }
    const QString name = connectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    db.setHostName(parsed->host);
    db.setPort(parsed->port);
    db.setUserName(parsed->user);
    db.setPassword(parsed->password);
    db.setDatabaseName(parsed->database);
    std::unique_ptr<SingleDbAccess> access(new SingleDbAccess(db, Storage::Dialect::Postgres, name));
    if (!access->m_db.open()) {
        *error = access->m_db.lastError().text();
        return nullptr;
    }
    if (!access->migrate(error))
        return nullptr;
    return access;
}

bool SingleDbAccess::migrate(QString *error)
{
    const QString dir = m_dialect == Storage::Dialect::Postgres ? u":/sql/tenant/postgres"_s : u":/sql/tenant/sqlite"_s;
    const QList<Storage::Migration> migrations = Storage::loadMigrations(dir);
    if (migrations.isEmpty()) {
        *error = u"no tenant migrations under "_s + dir;
        return false;
    }
    if (Status ok = Storage::ensureVersionTable(m_db, u"tenant_schema_migrations"_s); !ok) {
        *error = ok.error().message;
        return false;
    }
    for (const Storage::Migration &m : migrations) {
        m_db.transaction();
        if (Status ok = Storage::applyMigration(m_db, m, u"tenant_schema_migrations"_s); !ok) {
            m_db.rollback();
            *error = ok.error().message;
            return false;
        }
        m_db.commit();
    }
    return true;
}

Status SingleDbAccess::run(const Tenant &tenant, const std::function<Status(Storage::TenantSession &)> &work)
{
    ++m_runs;
    if (!m_db.transaction())
        return Error::unavailable(u"tenant-data-unavailable"_s, m_db.lastError().text());
    Storage::TenantSession session(m_db, m_dialect, tenant.id);
    Status result = work(session);
    if (!result) {
        m_db.rollback();
        return result;
    }
    if (!m_db.commit()) {
        const QString why = m_db.lastError().text();
        m_db.rollback();
        return Error::unavailable(u"tenant-data-unavailable"_s, why);
    }
    return {};
}

} // namespace Tenantry::Testing
