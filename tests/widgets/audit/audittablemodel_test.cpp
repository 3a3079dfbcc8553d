#include "support/auditcatalogtest.h"
#include "widgets/audit/audittablemodel.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using Tenantry::Error;
using Tenantry::LifecycleAction;
using Tenantry::Tenant;
using Tenantry::Observe::AuditQuery;
using Tenantry::Testing::AuditCatalogTest;
using Tenantry::Widgets::AuditTableModel;

namespace {

class AuditTableModelTest : public AuditCatalogTest
{
protected:
    void SetUp() override
    {
        AuditCatalogTest::SetUp();
        if (HasFatalFailure())
            return;
        model = std::make_unique<AuditTableModel>(m_audit.get(), m_tenants.get());
        acme = create(u"acme"_s);
        globex = create(u"globex"_s);
    }

    void TearDown() override
    {
        model.reset();
        AuditCatalogTest::TearDown();
    }

    QString cell(int row, int column, int role = Qt::DisplayRole) const
    {
        return model->index(row, column).data(role).toString();
    }

    QList<qint64> seqs() const
    {
        QList<qint64> out;
        for (int row = 0; row < model->rowCount(); ++row)
            out.append(model->entryAt(row).seq);
        return out;
    }

    Tenant acme, globex;
    std::unique_ptr<AuditTableModel> model;
};

TEST_F(AuditTableModelTest, LoadsNewestFirstAPageAtATime)
{
    for (int i = 0; i < 12; ++i)
        recordAuthFailure(i % 2 ? acme : globex);
    const qint64 newest = newestSeq();
    ASSERT_EQ(newest, 14);

    model->setPageSize(5);
    ASSERT_TRUE(model->reload({}).ok());
    EXPECT_EQ(seqs(), (QList<qint64>{14, 13, 12, 11, 10}));
    EXPECT_TRUE(model->canFetchMore({}));

    model->fetchMore({});
    EXPECT_EQ(model->rowCount(), 10);
    model->fetchMore({});
    EXPECT_EQ(model->rowCount(), 14);
    EXPECT_FALSE(model->canFetchMore({}));
    model->fetchMore({}); // nothing more: a no-op
    EXPECT_EQ(model->rowCount(), 14);

    QList<qint64> all;
    for (qint64 seq = newest; seq >= 1; --seq)
        all.append(seq);
    EXPECT_EQ(seqs(), all);
    EXPECT_EQ(model->rowOfSeq(7), 7);
    EXPECT_EQ(model->rowOfSeq(99), -1);
}

TEST_F(AuditTableModelTest, ShowsTenantsBySlugAndIdsOnceTheyArePurged)
{
    apply(u"globex"_s, LifecycleAction::Suspend);
    recordAuthFailure(acme);
    // An entry about a tenant this catalog never had.
    record(Tenantry::Actor::system(), {u"0b7c1c7e-0000-4000-8000-000000000000"_s, u"anomaly.detected"_s,
                                       u"tenant:ghost"_s, QJsonValue::Null, QJsonObject{}});
    ASSERT_TRUE(model->reload({}).ok());
    ASSERT_EQ(model->rowCount(), 5);

    // Newest first: unknown tenant, auth failure (acme), suspend (globex), 2 creations.
    EXPECT_EQ(cell(0, AuditTableModel::TenantColumn), u"0b7c1c7e-0000-4000-8000-000000000000"_s);
    EXPECT_EQ(cell(1, AuditTableModel::TenantColumn), u"acme"_s);
    EXPECT_EQ(cell(1, AuditTableModel::ActionColumn), u"auth.failure"_s);
    EXPECT_EQ(cell(1, AuditTableModel::ActorColumn), u"unauthenticated"_s);
    EXPECT_EQ(cell(1, AuditTableModel::SourceColumn), u"203.0.113.7"_s);
    EXPECT_EQ(cell(1, AuditTableModel::TargetColumn), u"GET /api/v1/me"_s);
    EXPECT_EQ(cell(2, AuditTableModel::TenantColumn), u"globex"_s);
    EXPECT_EQ(cell(2, AuditTableModel::ActionColumn), u"tenant.suspend"_s);
    EXPECT_EQ(cell(2, AuditTableModel::ActorColumn), u"console:alice"_s);
    EXPECT_EQ(cell(2, AuditTableModel::TenantColumn, Qt::ToolTipRole), u"Tenant ID "_s + globex.id);
    EXPECT_EQ(cell(2, AuditTableModel::ActionColumn, Qt::ToolTipRole), u"Tenant suspended"_s);
    EXPECT_TRUE(model->index(1, AuditTableModel::ActionColumn).data(Qt::ForegroundRole).isValid());
    EXPECT_FALSE(model->index(2, AuditTableModel::ActionColumn).data(Qt::ForegroundRole).isValid());
    EXPECT_EQ(model->tenantSlugs(), (QStringList{u"acme"_s, u"globex"_s}));

    // Purged while shown: the row falls back to the id without a reload.
    int changes = 0;
    QObject::connect(model.get(), &QAbstractItemModel::dataChanged, [&changes] { ++changes; });
    ASSERT_TRUE(m_tenants->apply(m_operator, u"globex"_s, LifecycleAction::Delete).ok());
    ASSERT_TRUE(m_tenants->apply(m_operator, u"globex"_s, LifecycleAction::Purge, true).ok());
    EXPECT_GT(changes, 0);
    EXPECT_EQ(cell(2, AuditTableModel::TenantColumn), globex.id);
    EXPECT_EQ(model->tenantSlugs(), QStringList{u"acme"_s});
    EXPECT_FALSE(model->idOfSlug(u"globex"_s).has_value());
    EXPECT_EQ(model->idOfSlug(u"ACME"_s), acme.id);
}

TEST_F(AuditTableModelTest, TimeIsLocalWithUtcInTheTooltip)
{
    recordAuthFailure(acme);
    ASSERT_TRUE(model->reload({}).ok());
    const Tenantry::Observe::AuditEntry &e = model->entryAt(0);
    EXPECT_EQ(cell(0, AuditTableModel::TimeColumn), AuditTableModel::localTimeText(e.at));
    EXPECT_TRUE(cell(0, AuditTableModel::TimeColumn).endsWith(e.at.toLocalTime().time().toString(u"HH:mm:ss"_s)));
    EXPECT_EQ(cell(0, AuditTableModel::TimeColumn, Qt::ToolTipRole), u"2026-03-01 12:00:03.000 UTC"_s);
}

TEST_F(AuditTableModelTest, FiltersKeepOtherTenantsEntriesOut)
{
    for (int i = 0; i < 6; ++i)
        recordAuthFailure(i % 3 ? acme : globex);
    AuditQuery query;
    query.tenantId = acme.id;
    model->setPageSize(2);
    ASSERT_TRUE(model->reload(query).ok());
    while (model->canFetchMore({}))
        model->fetchMore({});
    ASSERT_EQ(model->rowCount(), 5); // tenant.create + 4 failures
    for (int row = 0; row < model->rowCount(); ++row)
        EXPECT_EQ(model->entryAt(row).tenantId, acme.id) << row;
    EXPECT_TRUE(model->query().newestFirst);
    EXPECT_EQ(model->query().tenantId, acme.id);
}

TEST_F(AuditTableModelTest, ARefusedQueryKeepsTheRows)
{
    ASSERT_TRUE(model->reload({}).ok());
    ASSERT_EQ(model->rowCount(), 2);
    AuditQuery bad;
    bad.action = u"Tenant Create"_s;
    const auto status = model->reload(bad);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, u"invalid-action-filter"_s);
    EXPECT_EQ(model->rowCount(), 2);
}

TEST_F(AuditTableModelTest, AFailedPageStopsFetchingUntilTheNextReload)
{
    for (int i = 0; i < 5; ++i)
        recordAuthFailure(acme);
    model->setPageSize(3);
    ASSERT_TRUE(model->reload({}).ok());
    ASSERT_TRUE(model->canFetchMore({}));

    QList<Error> failures;
    QObject::connect(model.get(), &AuditTableModel::fetchFailed, [&failures](const Error &e) { failures.append(e); });
    exec(u"ALTER TABLE audit_log RENAME TO audit_log_away"_s); // the next read fails
    model->fetchMore({});
    ASSERT_EQ(failures.size(), 1);
    EXPECT_EQ(model->rowCount(), 3);
    EXPECT_FALSE(model->canFetchMore({}));

    exec(u"ALTER TABLE audit_log_away RENAME TO audit_log"_s);
    ASSERT_TRUE(model->reload({}).ok());
    EXPECT_TRUE(model->canFetchMore({}));
}

} // namespace
