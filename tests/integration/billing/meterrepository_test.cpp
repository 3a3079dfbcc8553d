#include "core/storage/meterrepository.h"

#include "tests/integration/storage/catalogfixture.h"

#include <QSqlQuery>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Tenantry::Storage;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kMarch = 1'772'323'200'000; // 2026-03-01T00:00:00Z

class MeterRepositoryTest : public CatalogBackendTest
{
protected:
    void SetUp() override
    {
        CatalogBackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_meter = std::make_unique<MeterRepository>(*m_catalog);
    }
    void TearDown() override
    {
        m_meter.reset();
        CatalogBackendTest::TearDown();
    }

    // A usage_hourly row as the usage recorder writes it; storage < 0 leaves it unsampled.
    void hour(const QString &tenant, qint64 hourStart, qint64 requests, qint64 bytesIn, qint64 bytesOut,
              qint64 storage = -1)
    {
        QSqlDatabase db = m_catalog->connection().value();
        QSqlQuery q(db);
        ASSERT_TRUE(q.prepare(u"INSERT INTO usage_hourly (tenant_id, hour_start, requests, bytes_in, bytes_out, "
                              "storage_bytes) VALUES (?, ?, ?, ?, ?, ?)"_s));
        q.addBindValue(tenant);
        q.addBindValue(hourStart);
        q.addBindValue(requests);
        q.addBindValue(bytesIn);
        q.addBindValue(bytesOut);
        q.addBindValue(storage < 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(storage));
        ASSERT_TRUE(q.exec());
    }

    PeriodUsage mustUsage(const QString &tenant, qint64 start, qint64 end)
    {
        auto u = m_meter->usage(tenant, start, end);
        EXPECT_TRUE(u.ok()) << (u.ok() ? "" : u.error().message.toStdString());
        return u.ok() ? u.value() : PeriodUsage{};
    }

    std::unique_ptr<MeterRepository> m_meter;
};

TEST_P(MeterRepositoryTest, AnEventIdIsCountedOnceHoweverOftenItIsSent)
{
    const QList<MeterEvent> batch{{u"evt-1"_s, u"t-a"_s, u"sms_sent"_s, 3, kMarch + kHour},
                                  {u"evt-2"_s, u"t-a"_s, u"sms_sent"_s, 4, kMarch + 2 * kHour}};
    auto first = m_meter->ingest(batch, kMarch + 3 * kHour);
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_EQ(first->accepted, 2);
    EXPECT_EQ(first->duplicates, 0);
    // The same batch again (a client retrying after a timeout), and one new event.
    auto again = m_meter->ingest(batch + QList<MeterEvent>{{u"evt-3"_s, u"t-a"_s, u"sms_sent"_s, 5, kMarch + kHour}},
                                 kMarch + 4 * kHour);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->accepted, 1);
    EXPECT_EQ(again->duplicates, 2);
    EXPECT_EQ(mustUsage(u"t-a"_s, kMarch, kMarch + 24 * kHour).events.value(u"sms_sent"_s), 12);
}

TEST_P(MeterRepositoryTest, AnotherTenantsUsageAndEventsNeverCount)
{
    hour(u"t-a"_s, kMarch, 10, 100, 200, 1000);
    hour(u"t-b"_s, kMarch, 99, 9999, 9999, 999999);
    ASSERT_TRUE(m_meter->ingest({{u"b-1"_s, u"t-b"_s, u"api_calls"_s, 50, kMarch}}, kMarch).ok());
    // t-b reusing t-a's event id does not add to t-a either: ids are global.
    ASSERT_TRUE(m_meter->ingest({{u"a-1"_s, u"t-a"_s, u"api_calls"_s, 1, kMarch}}, kMarch).ok());
    auto clash = m_meter->ingest({{u"a-1"_s, u"t-b"_s, u"api_calls"_s, 1000, kMarch}}, kMarch);
    ASSERT_TRUE(clash.ok());
    EXPECT_EQ(clash->duplicates, 1);
    const PeriodUsage a = mustUsage(u"t-a"_s, kMarch, kMarch + kHour);
    EXPECT_EQ(a.apiCalls, 11);
    EXPECT_EQ(a.bandwidthBytes, 300);
    EXPECT_EQ(a.storageByteHours, 1000);
    const PeriodUsage b = mustUsage(u"t-b"_s, kMarch, kMarch + kHour);
    EXPECT_EQ(b.apiCalls, 149);
}

TEST_P(MeterRepositoryTest, HoursBelongToThePeriodTheirStartFallsIn)
{
    hour(u"t-a"_s, kMarch, 1, 0, 0);
    hour(u"t-a"_s, kMarch + kHour, 10, 0, 0);
    hour(u"t-a"_s, kMarch + 2 * kHour, 100, 0, 0);
    // A period from 00:30 to 02:00 holds the 01:00 hour only; the next one from 02:00.
    EXPECT_EQ(mustUsage(u"t-a"_s, kMarch + kHour / 2, kMarch + 2 * kHour).apiCalls, 10);
    EXPECT_EQ(mustUsage(u"t-a"_s, kMarch + 2 * kHour, kMarch + 3 * kHour).apiCalls, 100);
    EXPECT_EQ(mustUsage(u"t-a"_s, kMarch - kHour, kMarch + kHour / 2).apiCalls, 1);
}

TEST_P(MeterRepositoryTest, StorageCarriesTheLatestSampleForwardHourByHour)
{
    hour(u"t-a"_s, kMarch - 5 * kHour, 0, 0, 0, 700); // before the period: in force at its start
    hour(u"t-a"_s, kMarch + 2 * kHour, 5, 0, 0);      // no sample this hour
    hour(u"t-a"_s, kMarch + 4 * kHour, 0, 0, 0, 100);
    // 00:00-04:00 at 700 bytes, 04:00-10:00 at 100 bytes.
    EXPECT_EQ(mustUsage(u"t-a"_s, kMarch, kMarch + 10 * kHour).storageByteHours, 4 * 700 + 6 * 100);
    EXPECT_EQ(mustUsage(u"t-b"_s, kMarch, kMarch + 10 * kHour).storageByteHours, 0);
}

TEST_P(MeterRepositoryTest, APurgeRemovesTheTenantsEventsOnly)
{
    ASSERT_TRUE(m_meter->ingest({{u"a"_s, u"t-a"_s, u"x"_s, 1, kMarch}, {u"b"_s, u"t-b"_s, u"x"_s, 2, kMarch}}, kMarch).ok());
    ASSERT_TRUE(m_catalog->transaction([](QSqlDatabase &tx) { return MeterRepository::purgeTenant(tx, u"t-a"_s); }).ok());
    EXPECT_TRUE(mustUsage(u"t-a"_s, kMarch, kMarch + kHour).events.isEmpty());
    EXPECT_EQ(mustUsage(u"t-b"_s, kMarch, kMarch + kHour).events.value(u"x"_s), 2);
}

TEST(MeterEventTest, BadEventsAreRefusedNamingTheField)
{
    const MeterEvent good{u"evt-1"_s, u"t"_s, u"api_calls"_s, 1, kMarch};
    EXPECT_TRUE(validateMeterEvent(good).ok());
    struct Case {
        MeterEvent event;
        QString field;
    };
    const Case cases[] = {
        {{u""_s, u"t"_s, u"api_calls"_s, 1, kMarch}, u"/events/0/id"_s},
        {{u"has space"_s, u"t"_s, u"api_calls"_s, 1, kMarch}, u"/events/0/id"_s},
        {{QString(129, u'x'), u"t"_s, u"api_calls"_s, 1, kMarch}, u"/events/0/id"_s},
        {{u"e"_s, u"t"_s, u"API"_s, 1, kMarch}, u"/events/0/dimension"_s},
        {{u"e"_s, u"t"_s, u"1calls"_s, 1, kMarch}, u"/events/0/dimension"_s},
        {{u"e"_s, u"t"_s, u"api_calls"_s, 0, kMarch}, u"/events/0/quantity"_s},
        {{u"e"_s, u"t"_s, u"api_calls"_s, -5, kMarch}, u"/events/0/quantity"_s},
        {{u"e"_s, u"t"_s, u"api_calls"_s, 1'000'000'000'001, kMarch}, u"/events/0/quantity"_s},
        {{u"e"_s, u"t"_s, u"api_calls"_s, 1, 0}, u"/events/0/occurred_at"_s},
    };
    for (const Case &c : cases) {
        const Status v = validateMeterEvent(c.event, u"/events/0"_s);
        ASSERT_FALSE(v.ok()) << c.field.toStdString();
        EXPECT_EQ(v.error().code, u"invalid-meter-event"_s);
        EXPECT_EQ(v.error().fields.first().field, c.field);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, MeterRepositoryTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace
