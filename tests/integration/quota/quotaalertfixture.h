#pragma once

#include "core/quota/quotaalert.h"
#include "core/storage/quotaalertrepository.h"
#include "tests/integration/storage/catalogfixture.h"

#include <QSqlQuery>

namespace Tenantry::Testing {

// The catalog on both backends with a quota alert repository, and helpers to make alerts.
// The clock starts at 2026-03-01 12:00 UTC, inside the day window kDayStart.
class QuotaAlertFixture : public CatalogBackendTest
{
protected:
    static constexpr qint64 kDayStart = 1'772'323'200'000; // 2026-03-01T00:00:00Z
    static constexpr qint64 kDayMs = 24 * 3600 * 1000;

    void SetUp() override
    {
        CatalogBackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_repository = std::make_unique<Storage::QuotaAlertRepository>(*m_catalog, m_clock);
    }

    void TearDown() override
    {
        m_repository.reset();
        CatalogBackendTest::TearDown();
    }

    // A day-window alert of `tenant`, crossed `minutes` after noon.
    static Quota::QuotaAlert alert(const QString &tenant, int threshold, int minutes = 0,
                                   const QString &dimension = QStringLiteral("api_calls_per_day"))
    {
        const qint64 at = kDayStart + 12 * 3600 * 1000 + qint64(minutes) * 60 * 1000;
        return {tenant, dimension, kDayStart, kDayStart + kDayMs, threshold, threshold * 10, 1000, at};
    }

    // Another server's view of the same catalog: its own Catalog and repository.
    struct OtherProcess {
        std::unique_ptr<Storage::Catalog> catalog;
        std::unique_ptr<Storage::QuotaAlertRepository> repository;
    };
    OtherProcess otherProcess()
    {
        auto catalog = Storage::Catalog::open(m_location);
        EXPECT_TRUE(catalog.ok()) << (catalog.ok() ? "" : catalog.error().message.toStdString());
        if (!catalog.ok())
            return {};
        OtherProcess p{std::move(catalog).value(), nullptr};
        p.repository = std::make_unique<Storage::QuotaAlertRepository>(*p.catalog, m_clock);
        return p;
    }

    qint64 scalar(const QString &sql)
    {
        QSqlDatabase db = m_catalog->connection().value();
        QSqlQuery q(db);
        EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
        return q.value(0).toLongLong();
    }

    std::unique_ptr<Storage::QuotaAlertRepository> m_repository;
};

} // namespace Tenantry::Testing
