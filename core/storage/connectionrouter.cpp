#include "core/storage/connectionrouter.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

Q_LOGGING_CATEGORY(lcRouter, "tenantry.router")

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {

struct ConnectionRouter::Shared {
    const quint64 id;
    const RouterLimits limits;
    mutable std::mutex mutex;
    std::condition_variable freed;
    int open = 0;
    int waiters = 0;
    QHash<QString, int> tenantsInUse;      // tenant id → open transactions
    QHash<QString, quint64> generation;    // connection key → bumped by retire()
    QSet<QString> touched;

    Shared(quint64 id, RouterLimits limits) : id(id), limits(limits) {}

    quint64 generationOf(const QString &key) const { return generation.value(key, 0); }
    void released() // with mutex held
    {
        --open;
        freed.notify_one();
    }
};

namespace {

std::atomic<quint64> g_nextRouterId{1};

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

void closeConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

struct Pooled {
    QString name;
    QString key;
    quint64 generation = 0;
    qint64 lastUsedMs = 0;
    bool inUse = false;
};

// One thread's connections for one router.
struct ThreadPool {
    std::shared_ptr<ConnectionRouter::Shared> shared;
    std::vector<Pooled> connections;

    void close(size_t index)
    {
        closeConnection(connections[index].name);
        connections.erase(connections.begin() + qsizetype(index));
        std::lock_guard lock(shared->mutex);
        shared->released();
    }
    void closeAll()
    {
        while (!connections.empty())
            close(connections.size() - 1);
    }
    // Closes idle connections unused for longer than the idle timeout, or that are stale.
    void sweep()
    {
        const qint64 cutoff = nowMs() - qint64(std::chrono::milliseconds(shared->limits.idleTimeout).count());
        for (size_t i = connections.size(); i-- > 0;) {
            const Pooled &p = connections[i];
            if (p.inUse)
                continue;
            bool stale;
            {
                std::lock_guard lock(shared->mutex);
                stale = shared->generationOf(p.key) != p.generation;
            }
            if (stale || p.lastUsedMs < cutoff)
                close(i);
        }
    }
    // The least recently used idle connection, or -1.
    qsizetype lruIdle() const
    {
        qsizetype best = -1;
        for (size_t i = 0; i < connections.size(); ++i) {
            if (!connections[i].inUse && (best < 0 || connections[i].lastUsedMs < connections[size_t(best)].lastUsedMs))
                best = qsizetype(i);
        }
        return best;
    }
};

// This thread's pools, by router id; closed as the thread finishes (see Catalog for why
// thread-local and why on QThread::finished).
struct ThreadPools {
    QHash<quint64, ThreadPool> byRouter;
    bool watchingFinish = false;
    int depth = 0; // transactions open on this thread

    void closeAll()
    {
        for (ThreadPool &pool : byRouter)
            pool.closeAll();
        byRouter.clear();
    }
    ~ThreadPools() { closeAll(); }
};
thread_local ThreadPools t_pools;

ThreadPool &poolFor(const std::shared_ptr<ConnectionRouter::Shared> &shared)
{
    if (!t_pools.watchingFinish) {
        t_pools.watchingFinish = true;
        QThread *thread = QThread::currentThread();
        QObject::connect(thread, &QThread::finished, thread, [] { t_pools.closeAll(); }, Qt::DirectConnection);
    }
    ThreadPool &pool = t_pools.byRouter[shared->id];
    if (!pool.shared)
        pool.shared = shared;
    return pool;
}

bool connectionLost(const QSqlDatabase &db)
{
    return !db.isOpen() || db.lastError().type() == QSqlError::ConnectionError;
}

} // namespace

ConnectionRouter::ConnectionRouter(SpaceNames names, Dialect dialect, ConnectionFactory factory, RouterLimits limits)
    : m_names(std::move(names))
    , m_dialect(dialect)
    , m_factory(std::move(factory))
    , m_limits(limits)
    , m_shared(std::make_shared<Shared>(g_nextRouterId.fetch_add(1), limits))
{
}

ConnectionRouter::~ConnectionRouter()
{
    // Other threads' connections close as those threads end; their pools keep `Shared` alive.
    if (auto it = t_pools.byRouter.find(m_shared->id); it != t_pools.byRouter.end()) {
        it->closeAll();
        t_pools.byRouter.erase(it);
    }
}

void ConnectionRouter::setTenantShare(std::function<int(const Tenant &)> share)
{
    m_tenantShare = std::move(share);
}

Status ConnectionRouter::run(const Tenant &tenant, const std::function<Status(TenantSession &)> &work)
{
    auto space = m_names.locate(tenant);
    if (!space)
        return space.error();
    if (t_pools.depth > 0)
        return Error::internal(u"Tenant data transactions do not nest."_s);

    {
        std::lock_guard lock(m_shared->mutex);
        int &open = m_shared->tenantsInUse[tenant.id];
        const int planShare = m_tenantShare ? m_tenantShare(tenant) : 0;
        const int share = planShare > 0 ? std::min(planShare, m_limits.maxConnections) : m_limits.maxPerTenant;
        if (open >= share) {
            return Error::tooManyRequests(u"tenant-pool-exhausted"_s,
                                          u"The tenant already has %1 database transactions open, its whole share "
                                          "of the connection pool. Try again shortly."_s.arg(open),
                                          1);
        }
        ++open;
        m_shared->touched.insert(tenant.id);
    }
    ++t_pools.depth;
    const auto leave = qScopeGuard([&] {
        --t_pools.depth;
        std::lock_guard lock(m_shared->mutex);
        if (--m_shared->tenantsInUse[tenant.id] <= 0)
            m_shared->tenantsInUse.remove(tenant.id);
    });

    ThreadPool &pool = poolFor(m_shared);
    pool.sweep();

    // A pooled connection to this space, or room for a new one.
    qsizetype index = -1;
    for (size_t i = 0; i < pool.connections.size(); ++i) {
        if (pool.connections[i].key == space->connectionKey && !pool.connections[i].inUse) {
            index = qsizetype(i);
            break;
        }
    }
    if (index < 0) {
        const QDeadlineTimer deadline(m_limits.acquireTimeout);
        std::unique_lock lock(m_shared->mutex);
        while (m_shared->open >= m_limits.maxConnections) {
            if (const qsizetype idle = pool.lruIdle(); idle >= 0) {
                lock.unlock();
                pool.close(size_t(idle)); // makes room (and takes the lock itself)
                lock.lock();
                continue;
            }
            if (deadline.hasExpired()) {
                Error e = Error::unavailable(u"connection-pool-exhausted"_s,
                                             u"All %1 tenant data connections are busy. Try again shortly, or raise "
                                             "--data-pool-size."_s.arg(m_limits.maxConnections));
                e.retryAfterSeconds = 1;
                return e;
            }
            ++m_shared->waiters;
            m_shared->freed.wait_for(lock, std::chrono::milliseconds(std::max<qint64>(1, deadline.remainingTime())));
            --m_shared->waiters;
        }
        ++m_shared->open;
        const quint64 generation = m_shared->generationOf(space->connectionKey);
        lock.unlock();
        const QString name = u"tenantry-data-%1-%2"_s.arg(m_shared->id).arg(QUuid::createUuid().toString(QUuid::Id128));
        auto opened = m_factory(space.value(), name);
        if (!opened) {
            QSqlDatabase::removeDatabase(name);
            std::lock_guard relock(m_shared->mutex);
            m_shared->released();
            qCWarning(lcRouter).noquote() << "cannot open tenant data" << space->connectionKey << ":"
                                          << opened.error().message;
            return Error::unavailable(u"tenant-data-unavailable"_s,
                                      u"The tenant's data cannot be reached: %1"_s.arg(opened.error().message));
        }
        pool.connections.push_back({name, space->connectionKey, generation, nowMs(), false});
        index = qsizetype(pool.connections.size() - 1);
    }
    pool.connections[size_t(index)].inUse = true;
    const QString name = pool.connections[size_t(index)].name;
    QSqlDatabase db = QSqlDatabase::database(name, false);

    // Returns the connection to the pool, or closes it when it broke, was retired, or another
    // thread is waiting for room.
    const auto release = [&](bool broken) {
        const auto it = std::find_if(pool.connections.begin(), pool.connections.end(),
                                     [&](const Pooled &p) { return p.name == name; });
        if (it == pool.connections.end())
            return;
        it->inUse = false;
        it->lastUsedMs = nowMs();
        bool give;
        {
            std::lock_guard lock(m_shared->mutex);
            give = broken || m_shared->waiters > 0 || m_shared->generationOf(it->key) != it->generation;
        }
        if (give)
            pool.close(size_t(it - pool.connections.begin()));
    };

    // Begin, and choose the tenant for this transaction only.
    QSqlQuery begin(db);
    bool begun;
    if (m_dialect == Dialect::Sqlite) {
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then
        // writes fails outright when another connection wrote in between.
        begun = begin.exec(u"BEGIN IMMEDIATE"_s);
    } else {
        // Both values are generated by us (a validated UUID, a hex schema name), so they are
        // written inline: one round trip instead of a prepare and an execute.
        begun = db.transaction()
            && begin.exec(u"SELECT set_config('tenantry.tenant_id', '%1', true), set_config('search_path', '%2', true)"_s
                              .arg(tenant.id, space->schema));
    }
    if (!begun) {
        const QString why = begin.lastError().text();
        if (db.isOpen())
            db.rollback();
        release(true);
        return Error::unavailable(u"tenant-data-unavailable"_s, u"Cannot start a tenant data transaction: %1"_s.arg(why));
    }
    begin.finish();

    TenantSession session(db, m_dialect, tenant.id);
    Status result = work(session);
    if (session.rolledBack()) {
        // A statement failed and its transaction is gone; nothing of it may be reported done.
        if (result)
            result = Error::internal(u"Tenant data work went on after one of its statements failed."_s);
        release(connectionLost(db));
        return result;
    }
    if (result && !db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        release(connectionLost(db));
        return Error::unavailable(u"database-error"_s, u"Cannot commit a tenant data transaction: %1"_s.arg(why));
    }
    if (!result)
        db.rollback();
    release(connectionLost(db));
    return result;
}

RouterStats ConnectionRouter::stats() const
{
    std::lock_guard lock(m_shared->mutex);
    return {m_shared->open, m_limits.maxConnections, int(m_shared->tenantsInUse.size())};
}

void ConnectionRouter::closeIdle()
{
    poolFor(m_shared).sweep();
}

void ConnectionRouter::retire(const SpaceAddress &space)
{
    {
        std::lock_guard lock(m_shared->mutex);
        ++m_shared->generation[space.connectionKey];
    }
    ThreadPool &pool = poolFor(m_shared);
    for (size_t i = pool.connections.size(); i-- > 0;) {
        if (pool.connections[i].key == space.connectionKey && !pool.connections[i].inUse)
            pool.close(i);
    }
}

QStringList ConnectionRouter::takeTouched()
{
    std::lock_guard lock(m_shared->mutex);
    QStringList out(m_shared->touched.cbegin(), m_shared->touched.cend());
    m_shared->touched.clear();
    return out;
}

} // namespace Tenantry::Storage
