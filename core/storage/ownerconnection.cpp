#include "core/storage/ownerconnection.h"

#include "core/storage/catalog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

QString uniqueName()
{
    return u"tenantry-owner-"_s + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

Status openSqlite(QSqlDatabase &db)
{
    if (!db.open()) {
        return Error::unavailable(u"database-error"_s,
                                  u"Cannot open %1: %2"_s.arg(db.databaseName(), db.lastError().text()));
    }
    QSqlQuery q(db);
    q.exec(u"PRAGMA foreign_keys=ON"_s);
    q.exec(u"PRAGMA synchronous=NORMAL"_s);
    return {};
}

OwnerConnection::OwnerConnection(QString name) : m_name(std::move(name)) {}

OwnerConnection::OwnerConnection(OwnerConnection &&other) noexcept
    : m_name(std::exchange(other.m_name, {}))
    , m_db(std::exchange(other.m_db, {}))
{
}

OwnerConnection::~OwnerConnection()
{
    if (m_name.isEmpty())
        return;
    if (m_db.isOpen())
        m_db.close();
    m_db = {};
    QSqlDatabase::removeDatabase(m_name);
}

Result<OwnerConnection> OwnerConnection::sqlite(const QString &file, bool create, bool wal)
{
    OwnerConnection c(uniqueName());
    c.m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, c.m_name);
    if (create) {
        c.m_db.setDatabaseName(file);
        c.m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    } else {
        // mode=rw: a missing file is an error rather than a new empty database.
        c.m_db.setDatabaseName(u"file:"_s + QUrl::fromLocalFile(file).path(QUrl::FullyEncoded) + u"?mode=rw"_s);
        c.m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_URI"_s);
    }
    if (Status opened = openSqlite(c.m_db); !opened)
        return opened.error();
    if (wal)
        QSqlQuery(c.m_db).exec(u"PRAGMA journal_mode=WAL"_s);
    return c;
}

Result<OwnerConnection> OwnerConnection::postgres(const DatabaseUrl &owner, const QString &database)
{
    OwnerConnection c(uniqueName());
    c.m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, c.m_name);
    owner.configure(c.m_db);
    c.m_db.setDatabaseName(database);
    if (!c.m_db.open()) {
        return Error::unavailable(u"database-error"_s,
                                  u"Cannot connect to database %1: %2"_s.arg(database, c.m_db.lastError().text()));
    }
    // Idempotent DDL ("IF NOT EXISTS") answers with NOTICEs that would only clutter the log.
    QSqlQuery(c.m_db).exec(u"SET client_min_messages = warning"_s);
    return c;
}

Status OwnerConnection::exec(const QString &sql, const QString &what)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return sqlError(what, q.lastError());
    return {};
}

} // namespace Tenantry::Storage
