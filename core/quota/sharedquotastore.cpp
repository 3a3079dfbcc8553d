#include "core/quota/sharedquotastore.h"

#include "core/quota/limits.h"
#include "core/quota/ratelimiter.h"
#include "core/storage/redisconnection.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {

namespace {

Q_LOGGING_CATEGORY(lcSharedQuota, "tenantry.quota.shared")

// Lua numbers are doubles: every integer the scripts handle stays below 2^53. The largest
// is a TAT in microseconds: nowMs * 1000 (checked below) plus at most 2 * kMaxBurst
// intervals of at most 10^9 us (kMinRatePerSecond).
constexpr qint64 kMaxNowMs = (qint64(1) << 52) / 1000;

// KEYS: the window counters (ARGV[3] of them), then the rate key when ARGV[4] == "1", then
// the in-flight set when ARGV[7] == "1".
// ARGV: nowMs, cost, windowCount, hasRate, intervalUs, burst, hasConcurrency, inFlightLimit,
// leaseMs, leaseId, then per window: limit, windowEndMs, expireAtMs.
// Returns {admitted, refusedBy (0 none, 1 concurrency, 2 rate, 3 window), refusing window
// (1-based), retryAfterMs, rateRemaining, rateResetMs, used per window...}.
// Checks everything first and writes only when all pass: all or nothing without undo.
constexpr char kAdmitScript[] = R"lua(
local function idiv(a, b) -- exact floor(a / b) for integers below 2^53
  local q = math.floor(a / b)
  if q * b > a then q = q - 1 elseif (q + 1) * b <= a then q = q + 1 end
  return q
end
local function ceildiv(a, b) return -idiv(-a, b) end
-- Lua would print big numbers as 1.79e+15: pass integers to Redis as plain digits.
local function int(x) return string.format('%.0f', x) end

local nowMs = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local windowCount = tonumber(ARGV[3])
local hasRate = ARGV[4] == '1'
local interval = tonumber(ARGV[5])
local burst = tonumber(ARGV[6])
local hasConcurrency = ARGV[7] == '1'
local inFlightLimit = tonumber(ARGV[8])
local leaseMs = tonumber(ARGV[9])
local leaseId = ARGV[10]

local k = windowCount + 1
local rateKey, inFlightKey
if hasRate then rateKey = KEYS[k]; k = k + 1 end
if hasConcurrency then inFlightKey = KEYS[k] end

local used = {}
for i = 1, windowCount do used[i] = tonumber(redis.call('GET', KEYS[i]) or '0') end

local refusedBy, refusedWindow, retryMs = 0, 0, 0
if hasConcurrency then
  redis.call('ZREMRANGEBYSCORE', inFlightKey, '-inf', int(nowMs))
  if redis.call('ZCARD', inFlightKey) >= inFlightLimit then refusedBy = 1; retryMs = 1000 end
end

-- GCRA exactly as RateLimiter::admit, on the caller's clock.
local nowUs = nowMs * 1000
local rateRemaining, rateResetUs, newTat = 0, 0, nil
if hasRate then
  local tat = tonumber(redis.call('GET', rateKey) or '0')
  local tolerance = burst * interval
  -- A TAT beyond the tolerance (plus 1 s of clock slack) was left by stricter limits
  -- since raised: forgiven, as in RateLimiter::admit.
  if tat > nowUs + tolerance + 1000000 then tat = nowUs end
  local base = math.max(tat, nowUs)
  rateRemaining = math.max(0, idiv(nowUs + tolerance - base, interval))
  rateResetUs = base - nowUs
  if refusedBy == 0 then
    if cost > burst then
      refusedBy = 2; retryMs = ceildiv(math.max(rateResetUs, interval), 1000)
    else
      local candidate = base + cost * interval
      local allowAt = candidate - tolerance
      if nowUs < allowAt then
        refusedBy = 2; retryMs = ceildiv(allowAt - nowUs, 1000)
      else
        newTat = candidate
      end
    end
  end
end

if refusedBy == 0 then
  for i = 1, windowCount do
    if used[i] + cost > tonumber(ARGV[8 + 3 * i]) then
      refusedBy = 3; refusedWindow = i
      retryMs = math.max(0, tonumber(ARGV[9 + 3 * i]) - nowMs)
      break
    end
  end
end

if refusedBy == 0 then
  for i = 1, windowCount do
    used[i] = redis.call('INCRBY', KEYS[i], int(cost))
    redis.call('PEXPIREAT', KEYS[i], ARGV[10 + 3 * i])
  end
  if newTat then
    -- Relative expiry: the TAT is on the caller's clock, Redis' may differ.
    redis.call('SET', rateKey, int(newTat), 'PX', int(ceildiv(newTat - nowUs, 1000) + 1000))
    rateRemaining = idiv(nowUs + burst * interval - newTat, interval)
    rateResetUs = newTat - nowUs
  end
  if hasConcurrency then
    redis.call('ZADD', inFlightKey, int(nowMs + leaseMs), leaseId)
    -- The set lives as long as its longest lease (leases may differ in length).
    local last = redis.call('ZRANGE', inFlightKey, -1, -1, 'WITHSCORES')
    redis.call('PEXPIRE', inFlightKey, int(math.max(1, tonumber(last[2]) - nowMs)))
  end
end

local result = {refusedBy == 0 and 1 or 0, refusedBy, refusedWindow, retryMs, rateRemaining,
                ceildiv(rateResetUs, 1000)}
for i = 1, windowCount do result[6 + i] = used[i] end
return result
)lua";

// KEYS: one window counter. ARGV: units, expireAtMs. INCRBY and PEXPIREAT in one step so
// the key never exists without its expiry. Returns {used}.
constexpr char kAddScript[] = R"lua(
local used = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return {used}
)lua";

constexpr int kAdmitHeader = 6; // integers before the per-window counts
constexpr qint64 kWindowGraceMs = 60'000;

QByteArray number(qint64 n)
{
    return QByteArray::number(n);
}

Error invalidRequest(const QString &why)
{
    return Error::invalid(u"invalid-quota-request"_s,
                          u"The shared quota request is not valid: %1."_s.arg(why));
}

Status validateTenant(const QString &tenantId)
{
    if (tenantId.isEmpty() || tenantId.contains(u':'))
        return invalidRequest(u"the tenant id must be set and must not contain ':'"_s);
    return {};
}

Status validateWindow(const WindowCheck &window)
{
    if (window.name.isEmpty())
        return invalidRequest(u"a window needs a name"_s);
    if (window.limit < 1 || window.limit > kMaxLimit)
        return invalidRequest(u"window '%1' has limit %2, outside 1..%3"_s.arg(
            QString::fromUtf8(window.name)).arg(window.limit).arg(kMaxLimit));
    if (window.windowEndMs < 0 || window.windowEndMs > kMaxNowMs)
        return invalidRequest(u"window '%1' ends at an impossible time"_s.arg(
            QString::fromUtf8(window.name)));
    return {};
}

Status validate(const SharedAdmitRequest &request)
{
    if (Status s = validateTenant(request.tenantId); !s)
        return s;
    if (request.nowMs < 0 || request.nowMs > kMaxNowMs)
        return invalidRequest(u"now (%1 ms) is out of range"_s.arg(request.nowMs));
    if (request.cost < 1 || request.cost > kMaxLimit)
        return invalidRequest(u"the cost must be between 1 and %1, not %2"_s.arg(kMaxLimit)
                                  .arg(request.cost));
    if (request.rate) {
        const double rate = request.rate->ratePerSecond;
        if (!std::isfinite(rate) || rate < kMinRatePerSecond || rate > kMaxRatePerSecond)
            return invalidRequest(u"the rate must be between %1 and %2 per second"_s
                                      .arg(kMinRatePerSecond).arg(kMaxRatePerSecond));
        if (request.rate->burst < 1 || request.rate->burst > kMaxBurst)
            return invalidRequest(u"the burst must be between 1 and %1"_s.arg(kMaxBurst));
    }
    if (request.concurrency
        && (request.concurrency->limit < 1 || request.concurrency->leaseMs < 1))
        return invalidRequest(u"the in-flight limit and the lease must be at least 1"_s);
    for (const WindowCheck &window : request.windows) {
        if (Status s = validateWindow(window); !s)
            return s;
    }
    return {};
}

QByteArray newLeaseId()
{
    std::array<quint32, 4> random;
    QRandomGenerator::system()->fillRange(random.data(), qsizetype(random.size()));
    return QByteArray(reinterpret_cast<const char *>(random.data()), sizeof(random)).toHex();
}

} // namespace

struct SharedQuotaScript {
    explicit SharedQuotaScript(const char *text)
        : body(text), sha(QCryptographicHash::hash(body, QCryptographicHash::Sha1).toHex())
    {
    }
    QByteArray body;
    QByteArray sha; // what EVALSHA names it by; Redis computes the same
};

namespace {

const SharedQuotaScript &admitScript()
{
    static const SharedQuotaScript script(kAdmitScript);
    return script;
}

const SharedQuotaScript &addScript()
{
    static const SharedQuotaScript script(kAddScript);
    return script;
}

Error scriptRefused(const Storage::RedisUrl &url, const QByteArray &message)
{
    return Error::unavailable(u"redis-unavailable"_s,
                              u"Redis at %1 failed the quota script: %2"_s.arg(
                                  url.location(), QString::fromUtf8(message)));
}

} // namespace

Result<std::unique_ptr<SharedQuotaStore>> SharedQuotaStore::connect(const Storage::RedisUrl &url,
                                                                     Options options)
{
    Storage::RedisConnection::Options connectionOptions;
    connectionOptions.connectTimeoutMs = options.connectTimeoutMs;
    connectionOptions.commandTimeoutMs = options.commandTimeoutMs;
    connectionOptions.reconnectIntervalMs = options.reconnectIntervalMs;
    auto connection = std::make_unique<Storage::RedisConnection>(url, connectionOptions);
    std::unique_ptr<SharedQuotaStore> store(
        new SharedQuotaStore(std::move(connection), std::move(options)));
    if (Status loaded = store->loadScripts(); !loaded)
        return loaded.error();
    return store;
}

SharedQuotaStore::SharedQuotaStore(std::unique_ptr<Storage::RedisConnection> connection,
                                   Options options)
    : m_options(std::move(options)), m_connection(std::move(connection))
{
}

SharedQuotaStore::~SharedQuotaStore() = default;

Status SharedQuotaStore::loadScripts()
{
    const std::lock_guard lock(m_mutex);
    for (const SharedQuotaScript *script : {&admitScript(), &addScript()}) {
        Result<Storage::RedisReply> reply = m_connection->command(
            {QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("LOAD"), script->body});
        if (!reply)
            return reply.error();
        if (reply->isError())
            return scriptRefused(m_connection->url(), reply->text());
        if (reply->text() != script->sha)
            return Error::internal(u"Redis at %1 names the quota script %2, expected %3."_s.arg(
                m_connection->url().location(), QString::fromLatin1(reply->text()),
                QString::fromLatin1(script->sha)));
    }
    return {};
}

Result<QList<qint64>> SharedQuotaStore::runScript(const SharedQuotaScript &script,
                                                  const QList<QByteArray> &keys,
                                                  const QList<QByteArray> &args)
{
    QList<QByteArray> argv;
    argv.reserve(3 + keys.size() + args.size());
    argv << QByteArrayLiteral("EVALSHA") << script.sha << number(keys.size());
    argv << keys << args;

    const std::lock_guard lock(m_mutex);
    Result<Storage::RedisReply> reply = m_connection->command(argv);
    if (reply && reply->isError() && reply->text().startsWith("NOSCRIPT")) {
        // Redis forgot its scripts (a restart, SCRIPT FLUSH): load it again, run it once more.
        Result<Storage::RedisReply> loaded = m_connection->command(
            {QByteArrayLiteral("SCRIPT"), QByteArrayLiteral("LOAD"), script.body});
        if (!loaded)
            return loaded.error();
        if (loaded->isError())
            return scriptRefused(m_connection->url(), loaded->text());
        qCInfo(lcSharedQuota) << "reloaded a quota script on" << m_connection->url().location();
        reply = m_connection->command(argv);
    }
    if (!reply)
        return reply.error();
    if (reply->isError())
        return scriptRefused(m_connection->url(), reply->text());
    if (reply->type() != Storage::RedisReply::Type::Array)
        return Error::internal(u"The quota script returned no array."_s);
    QList<qint64> values;
    values.reserve(reply->size());
    for (qsizetype i = 0; i < reply->size(); ++i)
        values.append(reply->at(i).integer());
    return values;
}

QByteArray SharedQuotaStore::tenantKey(const QString &tenantId, const QByteArray &suffix) const
{
    return m_options.keyPrefix + "q:" + tenantId.toUtf8() + ':' + suffix;
}

QByteArray SharedQuotaStore::windowKey(const QString &tenantId, const WindowCheck &window) const
{
    return tenantKey(tenantId, window.name + ':' + number(window.windowIndex));
}

Result<SharedAdmitResult> SharedQuotaStore::admit(const SharedAdmitRequest &request)
{
    if (Status valid = validate(request); !valid)
        return valid.error();

    SharedAdmitResult result;
    const QByteArray leaseId = request.concurrency ? newLeaseId() : QByteArray();
    QList<QByteArray> keys;
    keys.reserve(request.windows.size() + 2);
    for (const WindowCheck &window : request.windows)
        keys.append(windowKey(request.tenantId, window));
    if (request.rate)
        keys.append(tenantKey(request.tenantId, QByteArrayLiteral("rate")));
    if (request.concurrency)
        keys.append(tenantKey(request.tenantId, QByteArrayLiteral("inflight")));

    QList<QByteArray> args;
    args.reserve(10 + 3 * request.windows.size());
    args << number(request.nowMs) << number(request.cost) << number(request.windows.size());
    if (request.rate)
        args << QByteArrayLiteral("1") << number(emissionIntervalUs(request.rate->ratePerSecond))
             << number(request.rate->burst);
    else
        args << QByteArrayLiteral("0") << QByteArrayLiteral("1") << QByteArrayLiteral("0");
    if (request.concurrency)
        args << QByteArrayLiteral("1") << number(request.concurrency->limit)
             << number(request.concurrency->leaseMs) << leaseId;
    else
        args << QByteArrayLiteral("0") << QByteArrayLiteral("0") << QByteArrayLiteral("0")
             << QByteArray();
    for (const WindowCheck &window : request.windows)
        args << number(window.limit) << number(window.windowEndMs)
             << number(window.windowEndMs + kWindowGraceMs);

    Result<QList<qint64>> ran = runScript(admitScript(), keys, args);
    if (!ran)
        return ran.error();
    const QList<qint64> &values = ran.value();
    if (values.size() != kAdmitHeader + request.windows.size())
        return Error::internal(u"The quota script returned %1 values, expected %2."_s.arg(
            values.size()).arg(kAdmitHeader + request.windows.size()));

    result.admitted = values[0] == 1;
    switch (values[1]) {
    case 1:
        result.refusedBy = QByteArrayLiteral("concurrency");
        break;
    case 2:
        result.refusedBy = QByteArrayLiteral("rate");
        break;
    case 3:
        if (values[2] >= 1 && values[2] <= request.windows.size())
            result.refusedBy = request.windows[values[2] - 1].name;
        break;
    default:
        break;
    }
    result.retryAfterMs = values[3];
    result.rateRemaining = values[4];
    result.rateResetMs = values[5];
    result.windowUsed = values.mid(kAdmitHeader);
    if (result.admitted)
        result.leaseId = leaseId;
    return result;
}

void SharedQuotaStore::release(const QString &tenantId, const QByteArray &leaseId)
{
    if (leaseId.isEmpty() || !validateTenant(tenantId))
        return;
    const QList<QByteArray> argv{QByteArrayLiteral("ZREM"),
                                 tenantKey(tenantId, QByteArrayLiteral("inflight")), leaseId};
    const std::lock_guard lock(m_mutex);
    Result<Storage::RedisReply> reply = m_connection->command(argv);
    if (!reply)
        qCWarning(lcSharedQuota).noquote()
            << "could not release an in-flight lease of tenant" << tenantId
            << "(it expires by itself):" << reply.error().message;
    else if (reply->isError())
        qCWarning(lcSharedQuota).noquote()
            << "could not release an in-flight lease of tenant" << tenantId
            << "(it expires by itself):" << QString::fromUtf8(reply->text());
}

Result<QList<qint64>> SharedQuotaStore::used(const QString &tenantId,
                                             const QList<WindowCheck> &windows)
{
    if (Status valid = validateTenant(tenantId); !valid)
        return valid.error();
    if (windows.isEmpty())
        return QList<qint64>();
    QList<QByteArray> argv{QByteArrayLiteral("MGET")};
    for (const WindowCheck &window : windows)
        argv.append(windowKey(tenantId, window));

    const std::lock_guard lock(m_mutex);
    Result<Storage::RedisReply> reply = m_connection->command(argv);
    if (!reply)
        return reply.error();
    if (reply->isError() || reply->size() != windows.size())
        return Error::unavailable(
            u"redis-unavailable"_s,
            u"Redis at %1 did not return the quota counters: %2"_s.arg(
                m_connection->url().location(),
                reply->isError() ? QString::fromUtf8(reply->text()) : u"unexpected reply"_s));
    QList<qint64> counts;
    counts.reserve(windows.size());
    for (qsizetype i = 0; i < reply->size(); ++i)
        counts.append(reply->at(i).text().toLongLong()); // nil and non-numbers read as 0
    return counts;
}

Status SharedQuotaStore::add(const QString &tenantId, const WindowCheck &window, qint64 units)
{
    if (Status valid = validateTenant(tenantId); !valid)
        return valid;
    if (Status valid = validateWindow(window); !valid)
        return valid;
    if (units < 1 || units > kMaxLimit)
        return invalidRequest(u"the units to add must be between 1 and %1"_s.arg(kMaxLimit));
    Result<QList<qint64>> ran =
        runScript(addScript(), {windowKey(tenantId, window)},
                  {number(units), number(window.windowEndMs + kWindowGraceMs)});
    if (!ran)
        return ran.error();
    return {};
}

QString SharedQuotaStore::describe() const
{
    return u"Redis "_s + m_connection->url().location();
}

} // namespace Tenantry::Quota
