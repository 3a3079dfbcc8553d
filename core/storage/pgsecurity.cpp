#include "core/storage/pgsecurity.h"

#include "core/storage/catalog.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage::PgSecurity {
namespace {

Status exec(QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return sqlError(what, q.lastError());
    return {};
}

QString randomPassword()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

Result<QString> ensureAppRole(QSqlDatabase &catalog, const QString &role, const QString &catalogDatabase)
{
    QSqlQuery q(catalog);
    // Several servers may start at once: one provisions, the others wait and then agree.
    if (!q.exec(u"SELECT pg_advisory_lock(7316224602)"_s))
        return sqlError(u"Cannot lock the data plane for set-up"_s, q.lastError());
    const auto unlock = qScopeGuard([&] { QSqlQuery(catalog).exec(u"SELECT pg_advisory_unlock(7316224602)"_s); });

    q.prepare(u"SELECT value FROM data_plane_settings WHERE name = 'app_role_password'"_s);
    if (!q.exec())
        return sqlError(u"Cannot read the data plane settings"_s, q.lastError());
    QString password = q.next() ? q.value(0).toString() : QString();
    q.finish();
    if (password.isEmpty()) {
        password = randomPassword();
        q.prepare(u"INSERT INTO data_plane_settings (name, value) VALUES ('app_role_password', ?)"_s);
        q.addBindValue(password);
        if (!q.exec())
            return sqlError(u"Cannot store the data plane settings"_s, q.lastError());
    }
    q.prepare(u"SELECT 1 FROM pg_roles WHERE rolname = ?"_s);
    q.addBindValue(role);
    if (!q.exec())
        return sqlError(u"Cannot look up role %1"_s.arg(role), q.lastError());
    const bool exists = q.next();
    q.finish();
    // The password is ours (base64url), so it can be written inline; role names are [a-z0-9_].
    // Only CREATE may state the NO... attributes: changing them later needs a superuser, so
    // for an existing role they are checked instead.
    const QString sql = exists ? u"ALTER ROLE %1 LOGIN PASSWORD '%2'"_s.arg(role, password)
                               : u"CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION "
                                 "NOBYPASSRLS PASSWORD '%2'"_s.arg(role, password);
    QSqlQuery ddl(catalog);
    if (!ddl.exec(sql)) {
        return Error::unavailable(
            u"data-role-setup-failed"_s,
            u"Tenant data is accessed with the unprivileged role %1, which Tenantry creates and maintains, but "
            "the catalog's user may not %2 it (%3). Grant that user CREATEROLE "
            "(ALTER ROLE <user> CREATEROLE)."_s.arg(role, exists ? u"alter"_s : u"create"_s, ddl.lastError().text()));
    }
    q.prepare(u"SELECT rolsuper OR rolbypassrls OR rolcreatedb OR rolcreaterole OR rolreplication FROM pg_roles "
              "WHERE rolname = ?"_s);
    q.addBindValue(role);
    if (!q.exec() || !q.next())
        return sqlError(u"Cannot check role %1"_s.arg(role), q.lastError());
    if (q.value(0).toBool()) {
        return Error::unavailable(u"data-role-privileged"_s,
                                  u"The role %1 that tenant data is accessed with is privileged (superuser, BYPASSRLS, "
                                  "CREATEDB, CREATEROLE or REPLICATION), which would defeat row-level security. "
                                  "Remove those attributes or drop the role so Tenantry recreates it."_s.arg(role));
    }
    q.finish();
    // Membership lets the owner end the role's sessions, which DROP DATABASE ... WITH (FORCE)
    // needs when a tenant database is purged while servers still hold connections to it.
    q.prepare(u"SELECT pg_has_role(current_user, ?, 'MEMBER')"_s);
    q.addBindValue(role);
    if (!q.exec() || !q.next())
        return sqlError(u"Cannot check role %1"_s.arg(role), q.lastError());
    if (!q.value(0).toBool()) {
        q.finish();
        if (Status s = exec(catalog, u"GRANT %1 TO CURRENT_USER"_s.arg(role), u"Cannot manage role %1"_s.arg(role)); !s)
            return s.error();
    }
    q.finish();
    q.prepare(u"SELECT has_database_privilege(?, ?, 'CONNECT')"_s);
    q.addBindValue(role);
    q.addBindValue(catalogDatabase);
    if (!q.exec() || !q.next())
        return sqlError(u"Cannot check the data role's rights"_s, q.lastError());
    if (!q.value(0).toBool()) {
        if (Status s = exec(catalog, u"GRANT CONNECT ON DATABASE %1 TO %2"_s.arg(catalogDatabase, role),
                            u"Cannot let the data role connect"_s);
            !s) {
            return s.error();
        }
    }
    return password;
}

Status secureSchema(QSqlDatabase &owner, const QString &schema, const QString &appRole)
{
    QSqlQuery tables(owner);
    tables.prepare(u"SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid "
                   "AND a.attname = 'tenant_id' AND NOT a.attisdropped) "
                   "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY c.relname"_s);
    tables.addBindValue(schema);
    if (!tables.exec())
        return sqlError(u"Cannot list the tables of %1"_s.arg(schema), tables.lastError());
    QList<std::pair<QString, bool>> found;
    while (tables.next())
        found.append({tables.value(0).toString(), tables.value(1).toBool()});
    tables.finish();

    const QString check = u"tenant_id = current_setting('%1', true)"_s.arg(tenantSetting());
    for (const auto &[table, hasTenant] : found) {
        const QString name = schema + u'.' + table;
        QStringList statements{
            u"ALTER TABLE %1 ENABLE ROW LEVEL SECURITY"_s.arg(name),
            u"ALTER TABLE %1 FORCE ROW LEVEL SECURITY"_s.arg(name),
        };
        if (hasTenant) {
            statements << u"DROP POLICY IF EXISTS tenant_rows ON %1"_s.arg(name)
                       << u"CREATE POLICY tenant_rows ON %1 USING (%2) WITH CHECK (%2)"_s.arg(name, check)
                       << u"GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO %2"_s.arg(name, appRole);
        } else if (table == "data_migrations"_L1) {
            statements << u"DROP POLICY IF EXISTS owner_only ON %1"_s.arg(name)
                       << u"CREATE POLICY owner_only ON %1 TO CURRENT_USER USING (true) WITH CHECK (true)"_s.arg(name)
                       << u"REVOKE ALL ON %1 FROM %2"_s.arg(name, appRole);
        } else {
            return Error::internal(u"Table %1 has no tenant_id column, so it cannot be isolated."_s.arg(name));
        }
        for (const QString &sql : statements) {
            if (Status s = exec(owner, sql, u"Cannot secure %1"_s.arg(name)); !s)
                return s;
        }
    }
    return exec(owner, u"GRANT USAGE ON SCHEMA %1 TO %2"_s.arg(schema, appRole),
                u"Cannot let the data role use %1"_s.arg(schema));
}

} // namespace Tenantry::Storage::PgSecurity
