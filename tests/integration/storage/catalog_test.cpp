#include "core/storage/migrations.h"
#include "tests/integration/storage/catalogfixture.h"

#include <QSqlQuery>

using namespace Tenantry;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

class CatalogTest : public CatalogFixture {};

TEST_P(CatalogTest, MigratesToTheLatestSchemaAndReopensIdempotently)
{
    EXPECT_EQ(m_catalog->schemaVersion(), Catalog::latestSchemaVersion());
    EXPECT_GE(Catalog::latestSchemaVersion(), 1);
    mustCreate(u"acme"_s);
    m_service.reset();
    m_audit.reset();
    m_catalog.reset();
    auto again = Catalog::open(m_location);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    auto db = again.value()->connection();
    ASSERT_TRUE(db.ok());
    QSqlQuery q(db.value());
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM schema_migrations"_s) && q.next());
    // One row per shipped migration; versions may have gaps, so not the latest version.
    EXPECT_EQ(q.value(0).toInt(), loadMigrations(u":/sql/catalog"_s).size());
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM tenants"_s) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1); // data survived the reopen
}

TEST_P(CatalogTest, RefusesACatalogFromTheFuture)
{
    {
        auto db = m_catalog->connection();
        ASSERT_TRUE(db.ok());
        QSqlQuery q(db.value());
        ASSERT_TRUE(q.exec(u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)"_s));
    }
    m_service.reset();
    m_audit.reset();
    m_catalog.reset();
    auto again = Catalog::open(m_location);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, u"schema-too-new"_s);
    EXPECT_TRUE(again.error().message.contains(u"9999"_s));
}

TEST_P(CatalogTest, PingAndDescribeKeepSecretsOut)
{
    EXPECT_TRUE(m_catalog->ping().ok());
    EXPECT_FALSE(m_catalog->describe().contains(u"tenantry:tenantry@"_s));
    if (isPostgres()) {
        EXPECT_TRUE(m_catalog->describe().contains(u"***"_s)) << m_catalog->describe().toStdString();
    }
}

TEST(CatalogOpen, UnreachablePostgresIsAClearError)
{
    QTemporaryDir dir;
    CatalogLocation location{dir.path(), DatabaseUrl::parse(u"postgresql://u:p@127.0.0.1:1/none?connect_timeout=2"_s).value()};
    auto catalog = Catalog::open(location);
    ASSERT_FALSE(catalog.ok());
    EXPECT_EQ(catalog.error().kind, ErrorKind::Unavailable);
    EXPECT_FALSE(catalog.error().message.contains(u":p@"_s));
}

TEST(DatabaseUrl, ParsesAndRedacts)
{
    auto url = DatabaseUrl::parse(u"postgresql://app:s%40cret@db.internal:6543/catalog?sslmode=require"_s);
    ASSERT_TRUE(url.ok());
    EXPECT_EQ(url->user, u"app"_s);
    EXPECT_EQ(url->password, u"s@cret"_s);
    EXPECT_EQ(url->port, 6543);
    EXPECT_EQ(url->database, u"catalog"_s);
    EXPECT_EQ(url->connectOptions, u"sslmode=require"_s);
    EXPECT_EQ(url->redacted(), u"postgresql://app:***@db.internal:6543/catalog"_s);
    for (const QString &bad : {u"mysql://x/y"_s, u"postgresql://host"_s, u"postgresql://h/a/b"_s,
                               u"postgresql://h:0/db"_s, u"postgresql://h/db?evil=1"_s}) {
        auto r = DatabaseUrl::parse(bad);
        ASSERT_FALSE(r.ok()) << bad.toStdString();
        EXPECT_EQ(r.error().code, u"invalid-database-url"_s);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
