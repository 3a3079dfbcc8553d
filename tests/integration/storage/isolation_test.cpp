// Tries to break tenant isolation through the core API — RecordService over the real
// ConnectionRouter — for every isolation strategy on SQLite and PostgreSQL: many tenants,
// random writes, then every tenant attacks every other one by id, guessed id, filters and
// cursors. Any leak fails. (The same attacks through HTTP: isolation_e2e_test.cpp.)
#include "core/records/recordservice.h"
#include "tests/integration/storage/dataplanefixture.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <random>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {
namespace {

struct Owned {
    Tenant tenant;
    QHash<QString, QJsonObject> records;
};

Records::RecordInput input(const QJsonObject &values)
{
    Records::RecordInput in;
    in.values = values;
    return in;
}

class IsolationTest : public DataPlaneFixture
{
protected:
    void SetUp() override
    {
        DataPlaneFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_records = std::make_unique<Records::RecordService>(m_plane->router(), m_clock);
        const QJsonObject entity{
            {u"name"_s, u"orders"_s},
            {u"fields"_s, QJsonArray{
                QJsonObject{{u"name"_s, u"code"_s}, {u"type"_s, u"string"_s}, {u"required"_s, true}, {u"unique"_s, true}},
                QJsonObject{{u"name"_s, u"amount"_s}, {u"type"_s, u"decimal"_s}, {u"indexed"_s, true}},
                QJsonObject{{u"name"_s, u"note"_s}, {u"type"_s, u"string"_s}},
            }}};
        int n = 0;
        for (const QString &strategy : strategies()) {
            for (int i = 0; i < 3; ++i) {
                Owned o{mustCreate(u"%1-%2"_s.arg(strategy).arg(n++), strategy), {}};
                auto made = m_records->createEntity(o.tenant, entity, u"test"_s);
                ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
                m_owned.append(o);
            }
        }
    }

    void TearDown() override
    {
        m_records.reset();
        DataPlaneFixture::TearDown();
    }

    QHash<QString, QJsonObject> everything(const Tenant &t)
    {
        QHash<QString, QJsonObject> out;
        QUrlQuery params;
        params.addQueryItem(u"limit"_s, u"5"_s);
        for (int page = 0; page < 100; ++page) {
            auto listed = m_records->listRecords(t, u"orders"_s, params);
            EXPECT_TRUE(listed.ok()) << listed.error().message.toStdString();
            if (!listed)
                break;
            for (const Records::Record &r : listed->items)
                out.insert(r.id, r.data);
            if (listed->nextCursor.isEmpty())
                break;
            params = QUrlQuery();
            params.addQueryItem(u"limit"_s, u"5"_s);
            params.addQueryItem(u"cursor"_s, listed->nextCursor);
        }
        return out;
    }

    std::unique_ptr<Records::RecordService> m_records;
    QList<Owned> m_owned;
};

TEST_P(IsolationTest, NoTenantReachesAnotherTenantsRecordsThroughTheCoreApi)
{
    std::mt19937 random(4242);
    const auto pick = [&](int n) { return int(random() % unsigned(n)); };
    for (int op = 0; op < 120; ++op) {
        Owned &o = m_owned[pick(int(m_owned.size()))];
        if (o.records.isEmpty() || pick(4) > 0) {
            // The same codes in every tenant: uniqueness is per tenant.
            const QJsonObject values{{u"code"_s, u"ORD-%1"_s.arg(op % 31)},
                                     {u"amount"_s, u"%1.%2"_s.arg(pick(500)).arg(pick(100), 2, 10, QChar(u'0'))},
                                     {u"note"_s, u"%1 private note %2"_s.arg(o.tenant.slug).arg(op)}};
            auto made = m_records->createRecord(o.tenant, u"orders"_s, input(values));
            if (!made) {
                EXPECT_EQ(made.error().code, u"unique-violation"_s);
                continue;
            }
            o.records.insert(made->id, made->data);
        } else {
            const QString id = o.records.keys().at(pick(int(o.records.size())));
            auto changed = m_records->writeRecord(o.tenant, u"orders"_s, id, input({{u"note"_s, u"changed %1"_s.arg(op)}}),
                                                  Records::WriteMode::Patch, std::nullopt);
            ASSERT_TRUE(changed.ok()) << changed.error().message.toStdString();
            o.records[id] = changed->data;
        }
    }

    for (const Owned &attacker : std::as_const(m_owned)) {
        for (const Owned &victim : std::as_const(m_owned)) {
            if (&attacker == &victim || victim.records.isEmpty())
                continue;
            SCOPED_TRACE(QString(attacker.tenant.slug + u" attacks "_s + victim.tenant.slug).toStdString());
            for (auto it = victim.records.cbegin(); it != victim.records.cend(); ++it) {
                const QString &id = it.key();
                EXPECT_EQ(m_records->record(attacker.tenant, u"orders"_s, id).error().code, u"record-not-found"_s);
                auto write = m_records->writeRecord(attacker.tenant, u"orders"_s, id, input({{u"note"_s, u"pwned"_s}}),
                                                    Records::WriteMode::Patch, std::nullopt);
                ASSERT_FALSE(write.ok());
                EXPECT_EQ(write.error().code, u"record-not-found"_s);
                Status removed = m_records->deleteRecord(attacker.tenant, u"orders"_s, id, std::nullopt);
                ASSERT_FALSE(removed.ok());
                EXPECT_EQ(removed.error().code, u"record-not-found"_s);
            }
            // Filters on the victim's values find nothing of the victim's.
            QUrlQuery filter;
            filter.addQueryItem(u"filter[note][prefix]"_s, victim.tenant.slug + u" private"_s);
            auto listed = m_records->listRecords(attacker.tenant, u"orders"_s, filter);
            ASSERT_TRUE(listed.ok()) << listed.error().message.toStdString();
            for (const Records::Record &r : listed->items)
                EXPECT_FALSE(victim.records.contains(r.id));
            // A cursor of the victim's means nothing to the attacker.
            QUrlQuery first;
            first.addQueryItem(u"limit"_s, u"1"_s);
            auto victimPage = m_records->listRecords(victim.tenant, u"orders"_s, first);
            ASSERT_TRUE(victimPage.ok());
            if (!victimPage->nextCursor.isEmpty()) {
                QUrlQuery stolen;
                stolen.addQueryItem(u"cursor"_s, victimPage->nextCursor);
                auto page = m_records->listRecords(attacker.tenant, u"orders"_s, stolen);
                ASSERT_FALSE(page.ok());
                EXPECT_EQ(page.error().code, u"invalid-cursor"_s);
            }
        }
    }
    for (const Owned &o : std::as_const(m_owned)) {
        SCOPED_TRACE(o.tenant.slug.toStdString());
        EXPECT_EQ(everything(o.tenant), o.records);
    }
}

TEST_P(IsolationTest, PurgingOneTenantLeavesEveryOtherTenantsRecords)
{
    for (Owned &o : m_owned) {
        auto made = m_records->createRecord(o.tenant, u"orders"_s, input({{u"code"_s, u"KEEP"_s}}));
        ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
        o.records.insert(made->id, made->data);
    }
    for (int i = 0; i < m_owned.size(); i += 2) { // one of each strategy's three and more
        ASSERT_TRUE(m_service->apply(m_actor, m_owned[i].tenant.slug, LifecycleAction::Delete).ok());
    }
    m_clock.advanceSeconds(31 * 86400);
    auto purged = m_service->purgeExpired();
    ASSERT_TRUE(purged.ok()) << purged.error().message.toStdString();
    for (int i = 1; i < m_owned.size(); i += 2)
        EXPECT_EQ(everything(m_owned[i].tenant), m_owned[i].records) << m_owned[i].tenant.slug.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Backends, IsolationTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
} // namespace Tenantry::Testing
