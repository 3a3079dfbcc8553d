#include "core/storage/spaceaddress.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {
namespace {

// PostgreSQL truncates identifiers to 63 bytes; a tenant database name is the prefix, '_'
// and 32 hex digits, so the prefix gets what is left.
constexpr int kMaxIdentifier = 63;
constexpr int kHexIdLength = 32;

QString hexId(const QString &tenantId)
{
    return QString(tenantId).remove(u'-');
}

} // namespace

SpaceNames::SpaceNames(Dialect dialect, QString dataDir, QString catalogDatabase)
    : m_dialect(dialect)
    , m_dataDir(std::move(dataDir))
    , m_catalogDatabase(std::move(catalogDatabase))
{
}

bool SpaceNames::isTenantId(const QString &id)
{
    if (id.size() != 36)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != u'-' : !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString SpaceNames::databasePrefix() const
{
    // Lower-case and [a-z0-9_] only, so the name needs no quoting anywhere.
    QString prefix;
    for (QChar c : m_catalogDatabase.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_')
            prefix += c;
    }
    if (prefix.isEmpty() || prefix.front().isDigit())
        prefix.prepend(u"t"_s);
    return prefix.left(kMaxIdentifier - kHexIdLength - 1);
}

QString SpaceNames::sharedSqliteFile() const
{
    return QDir(m_dataDir).filePath(u"data/shared.db"_s);
}

QString SpaceNames::templateSqliteFile() const
{
    return QDir(m_dataDir).filePath(u"data/template.db"_s);
}

QString SpaceNames::postgresTemplateDatabase() const
{
    return databasePrefix() + u"_template"_s;
}

QString SpaceNames::postgresAppRole() const
{
    return databasePrefix() + u"_app"_s;
}

Result<SpaceAddress> SpaceNames::locate(const Tenant &tenant) const
{
    if (!isTenantId(tenant.id))
        return Error::internal(u"Refusing a data space for a malformed tenant id."_s);
    SpaceAddress a;
    if (tenant.isolation == "shared"_L1) {
        if (m_dialect == Dialect::Sqlite) {
            a.kind = SpaceAddress::Kind::SqliteShared;
            a.database = sharedSqliteFile();
            a.connectionKey = u"sqlite:shared"_s;
        } else {
            a.kind = SpaceAddress::Kind::PostgresShared;
            a.database = m_catalogDatabase;
            a.schema = sharedSchema();
            a.connectionKey = u"pg:"_s + m_catalogDatabase;
        }
        return a;
    }
    a.perTenant = true;
    if (tenant.isolation == "database"_L1) {
        if (m_dialect == Dialect::Sqlite) {
            a.kind = SpaceAddress::Kind::SqliteFile;
            a.database = QDir(m_dataDir).filePath(u"tenants/%1/data.db"_s.arg(tenant.id));
            a.connectionKey = u"sqlite:"_s + tenant.id;
        } else {
            a.kind = SpaceAddress::Kind::PostgresDatabase;
            a.database = databasePrefix() + u'_' + hexId(tenant.id);
            a.schema = databaseSchema();
            a.connectionKey = u"pg:"_s + a.database;
        }
        return a;
    }
    if (tenant.isolation == "schema"_L1 && m_dialect == Dialect::Postgres) {
        a.kind = SpaceAddress::Kind::PostgresSchema;
        a.database = m_catalogDatabase;
        a.schema = u"t_"_s + hexId(tenant.id);
        a.connectionKey = u"pg:"_s + m_catalogDatabase; // one pool for the catalog database
        return a;
    }
    if (tenant.isolation == "schema"_L1) {
        return Error::invalid(u"isolation-unsupported"_s,
                              u"Schema-per-tenant isolation needs PostgreSQL; the embedded SQLite catalog "
                              "offers shared or database isolation."_s);
    }
    return Error::invalid(u"invalid-isolation"_s, u"Isolation must be shared, schema or database."_s);
}

} // namespace Tenantry::Storage
