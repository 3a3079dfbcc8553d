#include "core/observe/usagerecorder.h"

#include "tests/integration/storage/catalogfixture.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace Tenantry;
using namespace Tenantry::Observe;
using namespace Tenantry::Testing;
using namespace Qt::StringLiterals;
using std::chrono::microseconds;

namespace {

// A usage_hourly row as read back; `found` false when there is none.
struct StoredRow {
    bool found = false;
    qint64 requests = 0, clientErrors = 0, serverErrors = 0, authFailures = 0, bytesIn = 0, bytesOut = 0,
           latencySumUs = 0;
    LatencyHistogram::Buckets latency{};
    QVariant storageBytes;
};

// The catalog on both backends with a recorder over a RequestMetrics, the way `serve` wires
// it; the clock starts at 2026-03-01 12:00 UTC.
class UsageRecorderTest : public CatalogBackendTest
{
protected:
    void SetUp() override
    {
        CatalogBackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_dataSpace = std::make_unique<Storage::DirectoryDataSpace>(m_dir.path());
        m_recorder = std::make_unique<UsageRecorder>(*m_catalog, m_metrics, m_directory, *m_dataSpace, m_clock);
    }

    void TearDown() override
    {
        m_recorder.reset();
        CatalogBackendTest::TearDown();
    }

    static QDateTime at(int hour, int minute = 0, int day = 1)
    {
        return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
    }

    // Serves `n` requests for `tenant` through `metrics` and mirrors them in `expected`.
    static void serve(RequestMetrics &metrics, StoredRow &expected, const QString &tenant, int n, int status,
                      microseconds latency, qint64 in, qint64 out)
    {
        LatencyHistogram mirror;
        for (int i = 0; i < n; ++i) {
            metrics.record(tenant, status, latency, in, out);
            mirror.record(latency);
        }
        expected.requests += n;
        expected.clientErrors += status >= 400 && status < 500 ? n : 0;
        expected.serverErrors += status >= 500 ? n : 0;
        expected.authFailures += status == 401 ? n : 0;
        expected.bytesIn += in * n;
        expected.bytesOut += out * n;
        expected.latencySumUs += latency.count() * n;
        const auto counts = mirror.counts();
        for (std::size_t i = 0; i < counts.size(); ++i)
            expected.latency[i] += counts[i];
    }

    void serve(StoredRow &expected, const QString &tenant, int n, int status = 200,
               microseconds latency = microseconds(900), qint64 in = 0, qint64 out = 120)
    {
        serve(m_metrics, expected, tenant, n, status, latency, in, out);
    }

    UsageFlush mustFlush(UsageRecorder &recorder)
    {
        auto flushed = recorder.flush();
        EXPECT_TRUE(flushed.ok()) << flushed.error().message.toStdString();
        return flushed.ok() ? flushed.value() : UsageFlush{};
    }
    UsageFlush mustFlush() { return mustFlush(*m_recorder); }

    StoredRow row(const QString &tenant, const QDateTime &hour)
    {
        QSqlDatabase db = m_catalog->connection().value();
        QSqlQuery q(db);
        QStringList columns{u"requests"_s, u"client_errors"_s, u"server_errors"_s, u"auth_failures"_s,
                            u"bytes_in"_s, u"bytes_out"_s, u"latency_sum_us"_s};
        for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i)
            columns.append(latencyBucketColumn(i));
        columns.append(u"storage_bytes"_s);
        EXPECT_TRUE(q.prepare(u"SELECT "_s + columns.join(u", "_s)
                              + u" FROM usage_hourly WHERE tenant_id = ? AND hour_start = ?"_s));
        q.addBindValue(tenant);
        q.addBindValue(hour.toMSecsSinceEpoch());
        EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
        StoredRow r;
        if (!q.next())
            return r;
        r.found = true;
        r.requests = q.value(0).toLongLong();
        r.clientErrors = q.value(1).toLongLong();
        r.serverErrors = q.value(2).toLongLong();
        r.authFailures = q.value(3).toLongLong();
        r.bytesIn = q.value(4).toLongLong();
        r.bytesOut = q.value(5).toLongLong();
        r.latencySumUs = q.value(6).toLongLong();
        for (std::size_t i = 0; i < r.latency.size(); ++i)
            r.latency[i] = q.value(7 + int(i)).toLongLong();
        r.storageBytes = q.value(7 + int(LatencyHistogram::kBucketCount));
        return r;
    }

    int rowCount()
    {
        QSqlDatabase db = m_catalog->connection().value();
        QSqlQuery q(db);
        EXPECT_TRUE(q.exec(u"SELECT COUNT(*) FROM usage_hourly"_s) && q.next());
        return q.value(0).toInt();
    }

    void exec(const QString &sql)
    {
        QSqlDatabase db = m_catalog->connection().value();
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(sql)) << sql.toStdString() << ": " << q.lastError().text().toStdString();
    }

    static void expectSame(const StoredRow &stored, const StoredRow &expected)
    {
        ASSERT_TRUE(stored.found);
        EXPECT_EQ(stored.requests, expected.requests);
        EXPECT_EQ(stored.clientErrors, expected.clientErrors);
        EXPECT_EQ(stored.serverErrors, expected.serverErrors);
        EXPECT_EQ(stored.authFailures, expected.authFailures);
        EXPECT_EQ(stored.bytesIn, expected.bytesIn);
        EXPECT_EQ(stored.bytesOut, expected.bytesOut);
        EXPECT_EQ(stored.latencySumUs, expected.latencySumUs);
        EXPECT_EQ(stored.latency, expected.latency);
    }

    Tenant tenantWithSpace(const QString &id)
    {
        Tenant t;
        t.id = id;
        t.slug = id;
        EXPECT_TRUE(m_dataSpace->create(t).ok());
        m_directory.upsert(t);
        return t;
    }

    void writeFile(const Tenant &t, const QString &name, qint64 size)
    {
        QFile f(QDir(m_dataSpace->pathFor(t)).filePath(name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ASSERT_EQ(f.write(QByteArray(size, 'x')), size);
    }

    qint64 spaceSize(const Tenant &t) { return m_dataSpace->usedBytes(t).value(); }

    RequestMetrics m_metrics;
    TenantDirectory m_directory;
    std::unique_ptr<Storage::DirectoryDataSpace> m_dataSpace;
    std::unique_ptr<UsageRecorder> m_recorder;
};

TEST_P(UsageRecorderTest, DeltasOfSeveralFlushesAddUpToTheTotals)
{
    StoredRow a, b;
    serve(a, u"tenant-a"_s, 40);
    serve(a, u"tenant-a"_s, 3, 401, microseconds(40), 64, 90);
    serve(b, u"tenant-b"_s, 5, 503, microseconds(2'500'000), 1000, 40);
    UsageFlush first = mustFlush();
    EXPECT_EQ(first.tenantsCounted, 2);
    EXPECT_EQ(first.hourStart, at(12));

    m_clock.advanceSeconds(60);
    serve(a, u"tenant-a"_s, 7, 404, microseconds(12'000), 10, 300);
    serve(a, u"tenant-a"_s, 2, 200, std::chrono::minutes(2)); // beyond the last bound
    EXPECT_EQ(mustFlush().tenantsCounted, 1); // only a moved
    m_clock.advanceSeconds(60);
    EXPECT_EQ(mustFlush().tenantsCounted, 0);

    expectSame(row(u"tenant-a"_s, at(12)), a);
    expectSame(row(u"tenant-b"_s, at(12)), b);
    // Each tenant's row holds its own traffic and nothing of the other's.
    EXPECT_EQ(row(u"tenant-a"_s, at(12)).serverErrors, 0);
    EXPECT_EQ(row(u"tenant-b"_s, at(12)).requests, 5);
    EXPECT_EQ(row(u"tenant-a"_s, at(12)).latency.back(), 2);
    EXPECT_EQ(rowCount(), 2);
}

TEST_P(UsageRecorderTest, ManyTenantsGoInBatchesOfOneTransaction)
{
    UsageRecorderSettings settings;
    settings.rowsPerStatement = 3; // 7 tenants: two full batches and a shorter one
    UsageRecorder recorder(*m_catalog, m_metrics, m_directory, *m_dataSpace, m_clock, settings);
    QList<StoredRow> expected(7);
    for (int round = 0; round < 2; ++round) {
        for (int t = 0; t < 7; ++t)
            serve(expected[t], u"tenant-%1"_s.arg(t), t + 1, t % 2 ? 200 : 404, microseconds(100 * (t + 1)), t, 10);
        EXPECT_EQ(mustFlush(recorder).tenantsCounted, 7);
    }
    for (int t = 0; t < 7; ++t)
        expectSame(row(u"tenant-%1"_s.arg(t), at(12)), expected[t]);
    EXPECT_EQ(rowCount(), 7);
}

TEST_P(UsageRecorderTest, TrafficLandsInTheHourItIsFlushedIn)
{
    StoredRow noon, one;
    m_clock.set(at(12, 59));
    serve(noon, u"tenant-a"_s, 10);
    mustFlush();
    m_clock.set(at(13, 0));
    serve(one, u"tenant-a"_s, 4, 500);
    EXPECT_EQ(mustFlush().hourStart, at(13));
    m_clock.set(at(0, 30, 2)); // the next day
    StoredRow nextDay;
    serve(nextDay, u"tenant-a"_s, 1);
    mustFlush();

    expectSame(row(u"tenant-a"_s, at(12)), noon);
    expectSame(row(u"tenant-a"_s, at(13)), one);
    expectSame(row(u"tenant-a"_s, at(0, 0, 2)), nextDay);
    EXPECT_EQ(rowCount(), 3);
}

TEST_P(UsageRecorderTest, FlushesAreScheduledOntoHourBoundaries)
{
    m_clock.set(at(12, 0));
    EXPECT_EQ(m_recorder->nextFlushIn(std::chrono::seconds(60)), std::chrono::seconds(60));
    m_clock.set(at(12, 59).addSecs(30));
    EXPECT_EQ(m_recorder->nextFlushIn(std::chrono::seconds(60)), std::chrono::seconds(30));
    EXPECT_EQ(m_recorder->nextFlushIn(std::chrono::seconds(10)), std::chrono::seconds(10));
    m_clock.set(at(12, 0).addMSecs(-1));
    EXPECT_EQ(m_recorder->nextFlushIn(std::chrono::seconds(60)), std::chrono::milliseconds(1));
    EXPECT_EQ(UsageRecorder::hourStart(at(12, 59).addSecs(59)), at(12));
}

TEST_P(UsageRecorderTest, AFailedFlushLosesNothingAndCountsNothingTwice)
{
    StoredRow a;
    serve(a, u"tenant-a"_s, 6);
    mustFlush();
    serve(a, u"tenant-a"_s, 9, 500, microseconds(300), 5, 7);

    // The table is gone for a moment (a locked or broken catalog fails the same way).
    exec(u"ALTER TABLE usage_hourly RENAME TO usage_hourly_away"_s);
    auto failed = m_recorder->flush();
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, u"database-error"_s);
    exec(u"ALTER TABLE usage_hourly_away RENAME TO usage_hourly"_s);

    serve(a, u"tenant-a"_s, 2);
    mustFlush();
    mustFlush();
    expectSame(row(u"tenant-a"_s, at(12)), a);
}

TEST_P(UsageRecorderTest, OneFlushIsOneTransaction)
{
    // A row the catalog refuses makes the whole flush fail: no tenant's figures are written
    // and none are lost.
    if (isPostgres()) {
        exec(u"CREATE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN "
             "IF NEW.tenant_id = 'poison' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ "
             "LANGUAGE plpgsql"_s);
        exec(u"CREATE TRIGGER refuse_poison BEFORE INSERT ON usage_hourly FOR EACH ROW "
             "EXECUTE FUNCTION refuse_poison()"_s);
    } else {
        exec(u"CREATE TRIGGER refuse_poison BEFORE INSERT ON usage_hourly WHEN NEW.tenant_id = 'poison' "
             "BEGIN SELECT RAISE(ABORT, 'refused'); END"_s);
    }
    StoredRow a, poison;
    serve(a, u"tenant-a"_s, 3);
    serve(poison, u"poison"_s, 1);
    ASSERT_FALSE(m_recorder->flush().ok());
    EXPECT_EQ(rowCount(), 0);

    exec(u"DROP TRIGGER refuse_poison"_s + (isPostgres() ? u" ON usage_hourly"_s : QString()));
    mustFlush();
    expectSame(row(u"tenant-a"_s, at(12)), a);
    expectSame(row(u"poison"_s, at(12)), poison);
}

TEST_P(UsageRecorderTest, ServersSharingACatalogAddUp)
{
    // A second server: its own process, metrics and recorder, on the same catalog.
    auto other = Storage::Catalog::open(m_location);
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    RequestMetrics otherMetrics;
    UsageRecorder otherRecorder(*other.value(), otherMetrics, m_directory, *m_dataSpace, m_clock);

    StoredRow a, b;
    serve(a, u"tenant-a"_s, 10);
    serve(otherMetrics, a, u"tenant-a"_s, 15, 404, microseconds(70), 1, 2);
    serve(otherMetrics, b, u"tenant-b"_s, 2, 200, microseconds(5), 0, 0);
    mustFlush();
    mustFlush(otherRecorder);
    serve(a, u"tenant-a"_s, 1);
    serve(otherMetrics, a, u"tenant-a"_s, 1, 200, microseconds(9), 0, 0);
    mustFlush(otherRecorder);
    mustFlush();

    expectSame(row(u"tenant-a"_s, at(12)), a);
    expectSame(row(u"tenant-b"_s, at(12)), b);
}

TEST_P(UsageRecorderTest, ConcurrentFlushesOfTwoServersLoseNothing)
{
    auto other = Storage::Catalog::open(m_location);
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    RequestMetrics otherMetrics;
    UsageRecorder otherRecorder(*other.value(), otherMetrics, m_directory, *m_dataSpace, m_clock);
    constexpr int kRounds = 25;
    std::atomic<int> failures{0};
    // Both write the same two rows at the same time, so they contend for the same locks.
    const auto run = [&](RequestMetrics &metrics, UsageRecorder &recorder, const QString &first,
                         const QString &second) {
        for (int i = 0; i < kRounds; ++i) {
            metrics.record(first, 200, microseconds(100), 1, 10);
            metrics.record(second, 500, microseconds(100), 1, 10);
            if (!recorder.flush().ok())
                ++failures;
        }
        if (!recorder.flush().ok()) // whatever a failed round left behind
            ++failures;
    };
    std::thread one([&] { run(m_metrics, *m_recorder, u"tenant-a"_s, u"tenant-b"_s); });
    std::thread two([&] { run(otherMetrics, otherRecorder, u"tenant-b"_s, u"tenant-a"_s); });
    one.join();
    two.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(row(u"tenant-a"_s, at(12)).requests, 2 * kRounds);
    EXPECT_EQ(row(u"tenant-b"_s, at(12)).requests, 2 * kRounds);
    EXPECT_EQ(row(u"tenant-a"_s, at(12)).serverErrors, kRounds);
    EXPECT_EQ(row(u"tenant-a"_s, at(12)).bytesOut, 20 * kRounds);
}

TEST_P(UsageRecorderTest, StorageIsSampledSlowlyAndKeptAsTheHourlyMaximum)
{
    const Tenant a = tenantWithSpace(u"tenant-a"_s);
    const Tenant b = tenantWithSpace(u"tenant-b"_s);
    writeFile(a, u"data.bin"_s, 5000);
    ASSERT_TRUE(QDir(m_dataSpace->pathFor(b)).mkpath(u"logs"_s));
    writeFile(b, u"logs/2026-03-01.jsonl"_s, 700);
    m_clock.set(at(12, 1));

    UsageFlush first = mustFlush(); // the first flush samples
    EXPECT_EQ(first.storageSamples, 2);
    EXPECT_EQ(first.tenantsCounted, 0);
    EXPECT_EQ(row(u"tenant-a"_s, at(12)).storageBytes.toLongLong(), spaceSize(a));
    EXPECT_GT(spaceSize(a), 5000);
    EXPECT_EQ(row(u"tenant-b"_s, at(12)).storageBytes.toLongLong(), spaceSize(b)); // subdirectories count
    EXPECT_EQ(row(u"tenant-a"_s, at(12)).requests, 0);

    writeFile(a, u"data.bin"_s, 9000);
    m_clock.set(at(12, 5));
    EXPECT_EQ(mustFlush().storageSamples, 0); // not due yet
    EXPECT_LT(row(u"tenant-a"_s, at(12)).storageBytes.toLongLong(), spaceSize(a));

    m_clock.set(at(12, 11));
    EXPECT_EQ(mustFlush().storageSamples, 2);
    const qint64 peak = spaceSize(a);
    EXPECT_EQ(row(u"tenant-a"_s, at(12)).storageBytes.toLongLong(), peak);

    writeFile(a, u"data.bin"_s, 10);
    m_clock.set(at(12, 22));
    mustFlush();
    EXPECT_EQ(row(u"tenant-a"_s, at(12)).storageBytes.toLongLong(), peak); // the hour keeps its maximum

    m_clock.set(at(13, 0)); // a new hour samples at once, even within the interval
    EXPECT_EQ(mustFlush().storageSamples, 2);
    EXPECT_EQ(row(u"tenant-a"_s, at(13)).storageBytes.toLongLong(), spaceSize(a));

    // Traffic and storage of one hour share the row.
    StoredRow traffic;
    serve(traffic, u"tenant-a"_s, 4);
    mustFlush();
    EXPECT_EQ(row(u"tenant-a"_s, at(13)).requests, 4);
    EXPECT_EQ(row(u"tenant-a"_s, at(13)).storageBytes.toLongLong(), spaceSize(a));
    // A tenant never sampled has no storage figure.
    serve(traffic, u"tenant-c"_s, 1);
    mustFlush();
    EXPECT_TRUE(row(u"tenant-c"_s, at(13)).storageBytes.isNull());
}

TEST_P(UsageRecorderTest, TheRollupHasAColumnForEveryLatencyBucket)
{
    QSqlDatabase db = m_catalog->connection().value();
    QSqlQuery q(db);
    ASSERT_TRUE(q.exec(u"SELECT * FROM usage_hourly WHERE 1 = 0"_s));
    const QSqlRecord columns = q.record();
    int latencyColumns = 0;
    for (int i = 0; i < columns.count(); ++i) {
        if (columns.fieldName(i).startsWith(u"latency_le_"_s))
            ++latencyColumns;
    }
    EXPECT_EQ(latencyColumns, int(LatencyHistogram::kBucketCount));
    for (std::size_t i = 0; i < LatencyHistogram::kBucketCount; ++i)
        EXPECT_GE(columns.indexOf(latencyBucketColumn(i)), 0) << latencyBucketColumn(i).toStdString();
}

INSTANTIATE_TEST_SUITE_P(Backends, UsageRecorderTest, ::testing::Values("sqlite", "postgres"), backendName);

} // namespace

TEST(DirectoryDataSpace, MeasuresOnlyTheTenantsOwnFiles)
{
    QTemporaryDir dir;
    Storage::DirectoryDataSpace space(dir.path());
    Tenant t;
    t.id = u"t1"_s;
    t.slug = u"t1"_s;
    EXPECT_EQ(space.usedBytes(t).value(), 0); // no space yet
    ASSERT_TRUE(space.create(t).ok());
    const qint64 manifest = space.usedBytes(t).value();
    EXPECT_GT(manifest, 0);
    QFile outside(dir.filePath(u"outside.bin"_s));
    ASSERT_TRUE(outside.open(QIODevice::WriteOnly));
    outside.write(QByteArray(4096, 'x'));
    outside.close();
    // A link to a file elsewhere does not make the tenant pay for it.
    ASSERT_TRUE(QFile::link(outside.fileName(), QDir(space.pathFor(t)).filePath(u"link.bin"_s)));
    EXPECT_EQ(space.usedBytes(t).value(), manifest);
    Tenant escaping = t;
    escaping.id = u"../t1"_s;
    EXPECT_FALSE(space.usedBytes(escaping).ok());
}
