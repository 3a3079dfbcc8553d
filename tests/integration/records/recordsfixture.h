#pragma once

#include "core/base/clock.h"
#include "core/records/recordservice.h"
#include "tests/support/pgtestdb.h"
#include "tests/support/singledbaccess.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace Tenantry::Testing {

// The record service over one real database — SQLite or a fresh PostgreSQL database —
// with two tenants sharing its tables, and a manual clock.
class RecordsFixture : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        QString error;
        if (GetParam() == "postgres") {
            m_pg = PgTestDatabase::create();
            TENANTRY_REQUIRE_PG(m_pg);
            m_access = SingleDbAccess::openPostgres(m_pg->url(), &error);
        } else {
            ASSERT_TRUE(m_dir.isValid());
            m_access = SingleDbAccess::openSqlite(m_dir.filePath(QStringLiteral("tenant.db")), &error);
            QSqlQuery(m_access ? m_access->database() : QSqlDatabase()).exec(QStringLiteral("PRAGMA synchronous=OFF"));
        }
        ASSERT_TRUE(m_access) << error.toStdString();
        m_service = std::make_unique<Records::RecordService>(*m_access, m_clock);
        m_a.id = QStringLiteral("0b7c1f2e-0000-4000-8000-00000000000a");
        m_a.slug = QStringLiteral("acme");
        m_b.id = QStringLiteral("0b7c1f2e-0000-4000-8000-00000000000b");
        m_b.slug = QStringLiteral("globex");
    }

    void TearDown() override
    {
        m_service.reset();
        m_access.reset();
    }

    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }

    static Records::RecordInput input(const QByteArray &body)
    {
        return Records::RecordInput::fromBody(body, QJsonDocument::fromJson(body).object());
    }

    Records::EntityRow mustCreateEntity(const Tenant &tenant, const char *definition)
    {
        auto e = m_service->createEntity(tenant, json(definition), QStringLiteral("api-key:k1"));
        EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().message.toStdString());
        return e.ok() ? e.value() : Records::EntityRow{};
    }

    Records::Record mustCreate(const Tenant &tenant, const QString &entity, const QByteArray &body)
    {
        m_clock.advanceSeconds(1);
        auto r = m_service->createRecord(tenant, entity, input(body));
        EXPECT_TRUE(r.ok()) << body.toStdString() << ": " << (r.ok() ? "" : r.error().message.toStdString());
        return r.ok() ? r.value() : Records::Record{};
    }

    // A single number from SQL run directly on the database (outside the service).
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(m_access->database());
        EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
        return q.value(0).toLongLong();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<PgTestDatabase> m_pg;
    std::unique_ptr<SingleDbAccess> m_access;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC)};
    std::unique_ptr<Records::RecordService> m_service;
    Tenant m_a;
    Tenant m_b;
};

inline std::string recordsBackend(const ::testing::TestParamInfo<std::string> &info)
{
    return info.param;
}

} // namespace Tenantry::Testing
