#pragma once

#include "core/base/clock.h"
#include "core/observe/auditlog.h"
#include "core/storage/catalog.h"
#include "core/storage/catalogtenantservice.h"
#include "core/storage/dataspace.h"
#include "core/tenancy/tenantdirectory.h"
#include "support/waituntil.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace Tenantry::Testing {

// A real embedded (SQLite) catalog in a temporary directory with the tenant service and the
// audit log wired as the console has them, for widget tests of the audit trail. The clock is
// manual; every recorded entry is one second after the previous one.
class AuditCatalogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto catalog = Storage::Catalog::open({m_dir.path(), std::nullopt});
        ASSERT_TRUE(catalog.ok()) << catalog.error().message.toStdString();
        m_catalog = std::move(catalog).value();
        m_dataSpace = std::make_unique<Storage::DirectoryDataSpace>(m_dir.path());
        m_audit = std::make_unique<Observe::AuditLog>(*m_catalog, m_clock);
        m_tenants = std::make_unique<Storage::CatalogTenantService>(*m_catalog, m_directory, *m_dataSpace,
                                                                    *m_audit, m_clock);
        ASSERT_TRUE(m_tenants->loadDirectory().ok());
    }

    void TearDown() override
    {
        m_tenants.reset();
        m_audit.reset();
        m_catalog.reset();
    }

    // Registers an active tenant (two entries: tenant.create; its first key is part of it).
    Tenant create(const QString &slug)
    {
        m_clock.advanceSeconds(1);
        NewTenant request;
        request.slug = slug;
        request.config.displayName = slug + QStringLiteral(" Inc.");
        auto created = m_tenants->create(m_operator, request);
        EXPECT_TRUE(created.ok()) << created.error().message.toStdString();
        return created.ok() ? created->tenant : Tenant{};
    }

    void apply(const QString &slug, LifecycleAction action)
    {
        m_clock.advanceSeconds(1);
        auto changed = m_tenants->apply(m_operator, slug, action);
        ASSERT_TRUE(changed.ok()) << changed.error().message.toStdString();
    }

    // An entry written as a server writes it (anomaly.detected, auth.failure, ...).
    void record(const Actor &actor, const AuditEvent &event)
    {
        m_clock.advanceSeconds(1);
        const Status s = m_audit->recordNow(actor, event);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    }

    void recordAnomaly(const Tenant &tenant, const QString &signal = QStringLiteral("request_rate"),
                       double value = 480, double expected = 20)
    {
        record(Actor::system(), {tenant.id, QStringLiteral("anomaly.detected"), QStringLiteral("tenant:") + tenant.slug,
                                 QJsonValue::Null,
                                 QJsonObject{{QStringLiteral("signal"), signal}, {QStringLiteral("value"), value},
                                             {QStringLiteral("expected"), expected}, {QStringLiteral("score"), 23.5},
                                             {QStringLiteral("interval_seconds"), 60}}});
    }

    void recordAuthFailure(const Tenant &tenant)
    {
        record({QStringLiteral("unauthenticated"), QStringLiteral("req-9"), QStringLiteral("203.0.113.7")},
               {tenant.id, QStringLiteral("auth.failure"), QStringLiteral("GET /api/v1/me"), QJsonValue::Null,
                QJsonObject{{QStringLiteral("reason"), QStringLiteral("invalid-api-key")}}});
    }

    // Runs SQL on the catalog behind the audit log's back (to tamper with it).
    void exec(const QString &sql)
    {
        QSqlDatabase db = m_catalog->connection().value();
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(sql)) << sql.toStdString() << ": " << q.lastError().text().toStdString();
    }

    qint64 newestSeq()
    {
        Observe::AuditQuery query;
        query.newestFirst = true;
        query.limit = 1;
        auto page = m_audit->query(query);
        return page.ok() && !page->items.isEmpty() ? page->items.first().seq : 0;
    }

    static bool waitUntil(const std::function<bool()> &done, int timeoutMs = 20000)
    {
        return Testing::waitUntil(done, timeoutMs);
    }

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC)};
    std::unique_ptr<Storage::Catalog> m_catalog;
    TenantDirectory m_directory;
    std::unique_ptr<Storage::DirectoryDataSpace> m_dataSpace;
    std::unique_ptr<Observe::AuditLog> m_audit;
    std::unique_ptr<Storage::CatalogTenantService> m_tenants;
    Actor m_operator{QStringLiteral("console:alice"), {}, {}};
};

} // namespace Tenantry::Testing
