#include "tests/support/pgtestdb.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {
namespace {

// Runs `sql` on the server's base database; with `rows`, collects the first column.
bool runOnServer(const QString &baseUrl, const QString &sql, QStringList *rows)
{
    const QUrl url(baseUrl);
    const QString name = u"pgtestdb-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            while (ok && rows && q.next())
                rows->append(q.value(0).toString());
            if (!ok)
                std::fprintf(stderr, "pgtestdb: %s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
        } else {
            std::fprintf(stderr, "pgtestdb: cannot connect: %s\n", qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool execOnServer(const QString &baseUrl, const QString &sql)
{
    return runOnServer(baseUrl, sql, nullptr);
}

QStringList queryOnServer(const QString &baseUrl, const QString &sql)
{
    QStringList rows;
    runOnServer(baseUrl, sql, &rows);
    return rows;
}

} // namespace

bool servicesRequired()
{
    return qEnvironmentVariable("TENANTRY_TEST_REQUIRE_SERVICES") == "1"_L1;
}

std::unique_ptr<PgTestDatabase> PgTestDatabase::create()
{
    const QString base = qEnvironmentVariable("TENANTRY_TEST_PG_URL");
    if (base.isEmpty())
        return nullptr;
    const QString name = u"t_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (!execOnServer(base, u"CREATE DATABASE "_s + name))
        return nullptr;
    auto db = std::unique_ptr<PgTestDatabase>(new PgTestDatabase);
    db->m_baseUrl = base;
    db->m_name = name;
    QUrl url(base);
    url.setPath(u"/"_s + name);
    db->m_url = url.toString();
    return db;
}

PgTestDatabase::~PgTestDatabase()
{
    // The tenant data plane adds databases named "<catalog>_<...>" (per-tenant databases and
    // their template) and the role "<catalog>_app"; they go with the catalog.
    for (const QString &database : queryOnServer(m_baseUrl, u"SELECT datname FROM pg_database WHERE datname LIKE '"_s
                                                                 + m_name + u"\\_%'"_s))
        execOnServer(m_baseUrl, u"DROP DATABASE IF EXISTS "_s + database + u" WITH (FORCE)"_s);
    execOnServer(m_baseUrl, u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s);
    execOnServer(m_baseUrl, u"DROP ROLE IF EXISTS "_s + m_name + u"_app"_s);
}

} // namespace Tenantry::Testing
