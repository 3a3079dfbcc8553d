#pragma once

#include "core/base/result.h"
#include "core/storage/redisurl.h"

#include <QByteArray>
#include <QList>

#include <chrono>
#include <memory>
#include <optional>

struct redisContext;
struct redisReply;

namespace Tenantry::Storage {

// One reply from Redis, or one element of an array reply. Copies share the underlying
// hiredis reply, which is freed when the last copy (of the reply or of any element taken
// from it) goes away. Immutable; safe to read from several threads.
class RedisReply final
{
public:
    enum class Type { Nil, String, Status, Integer, Array, Error };

    Type type() const;
    bool isError() const { return type() == Type::Error; }
    // The bytes of a String, Status or Error reply (an Error's starts with its code, e.g.
    // "NOSCRIPT ..."); empty for the other types.
    QByteArray text() const;
    // The value of an Integer reply; 0 for the other types.
    qint64 integer() const;
    // The number of elements of an Array reply; 0 for the other types.
    qsizetype size() const;
    // Element `index` (0 <= index < size()) of an Array reply.
    RedisReply at(qsizetype index) const;

private:
    friend class RedisConnection;
    RedisReply(std::shared_ptr<const redisReply> root, const redisReply *node);

    std::shared_ptr<const redisReply> m_root; // owns the whole tree
    const redisReply *m_node = nullptr;       // this reply within it
};

// Timeouts of a RedisConnection (namespace level so it can be a default argument).
struct RedisConnectionOptions {
    int connectTimeoutMs = 200;
    int commandTimeoutMs = 200;
    int reconnectIntervalMs = 500; // after a failure, at most one connect attempt per interval
};

// A synchronous connection to one Redis server over hiredis: Debian's maintained C client
// (Qt has no Redis client, and the C++ wrappers over hiredis are not packaged for
// bookworm). Connects lazily with a connect timeout, applies a command timeout to every
// read and write, and sends AUTH and SELECT as the URL says. Any I/O error (refused,
// reset, timed out) drops the connection; the next call reconnects, but at most one
// connect is attempted per `reconnectIntervalMs` and calls in between fail at once with
// the last error, so a dead or unreachable Redis never costs a connect timeout per call.
// A failed command is not retried: after a timeout it may still have run.
// Not thread-safe: use one connection per thread or guard it with a mutex.
class RedisConnection final
{
public:
    using Options = RedisConnectionOptions;

    // Does not connect yet (see ensureConnected()).
    explicit RedisConnection(RedisUrl url, Options options = {});
    ~RedisConnection();
    RedisConnection(const RedisConnection &) = delete;
    RedisConnection &operator=(const RedisConnection &) = delete;

    // Ok when connected (connecting now if needed and the back-off allows), otherwise
    // Unavailable "redis-unavailable" naming host:port and the reason (refused, timed out,
    // AUTH or SELECT refused). Messages never contain the password.
    Status ensureConnected();

    // Sends one command, each argument as binary-safe bytes (redisCommandArgv), and waits
    // for its reply. An error reply from Redis (e.g. NOSCRIPT, WRONGTYPE) is a successful
    // call returning a reply of Type::Error: the connection is fine. Errors: Unavailable
    // "redis-unavailable" when not connected or on an I/O error (the connection is dropped).
    Result<RedisReply> command(const QList<QByteArray> &argv);

    bool isConnected() const { return m_context != nullptr; }
    const RedisUrl &url() const { return m_url; }

private:
    struct ContextDeleter {
        void operator()(redisContext *context) const;
    };
    using Clock = std::chrono::steady_clock; // back-off needs a monotonic clock

    Status connectNow();
    Result<RedisReply> send(const QList<QByteArray> &argv);
    Error fail(const QString &reason);
    QString ioReason(bool duringCommand) const;

    RedisUrl m_url;
    Options m_options;
    std::unique_ptr<redisContext, ContextDeleter> m_context;
    std::optional<Clock::time_point> m_lastAttemptFailedAt;
    std::optional<Error> m_lastError;
};

} // namespace Tenantry::Storage
