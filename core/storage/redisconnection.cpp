#include "core/storage/redisconnection.h"

#include <hiredis/hiredis.h>

#include <cerrno>
#include <sys/time.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace Tenantry::Storage {

namespace {

timeval toTimeval(int ms)
{
    timeval tv;
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

} // namespace

RedisReply::RedisReply(std::shared_ptr<const redisReply> root, const redisReply *node)
    : m_root(std::move(root)), m_node(node)
{
}

RedisReply::Type RedisReply::type() const
{
    switch (m_node->type) {
    case REDIS_REPLY_STRING:
        return Type::String;
    case REDIS_REPLY_STATUS:
        return Type::Status;
    case REDIS_REPLY_INTEGER:
        return Type::Integer;
    case REDIS_REPLY_ARRAY:
        return Type::Array;
    case REDIS_REPLY_ERROR:
        return Type::Error;
    default:
        return Type::Nil;
    }
}

QByteArray RedisReply::text() const
{
    switch (m_node->type) {
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
        return QByteArray(m_node->str, qsizetype(m_node->len));
    default:
        return QByteArray();
    }
}

qint64 RedisReply::integer() const
{
    return m_node->type == REDIS_REPLY_INTEGER ? qint64(m_node->integer) : 0;
}

qsizetype RedisReply::size() const
{
    return m_node->type == REDIS_REPLY_ARRAY ? qsizetype(m_node->elements) : 0;
}

RedisReply RedisReply::at(qsizetype index) const
{
    Q_ASSERT(index >= 0 && index < size());
    return RedisReply(m_root, m_node->element[index]);
}

void RedisConnection::ContextDeleter::operator()(redisContext *context) const
{
    redisFree(context);
}

RedisConnection::RedisConnection(RedisUrl url, Options options)
    : m_url(std::move(url)), m_options(options)
{
}

RedisConnection::~RedisConnection() = default;

Status RedisConnection::ensureConnected()
{
    if (m_context)
        return {};
    if (m_lastAttemptFailedAt && m_lastError
        && Clock::now() - *m_lastAttemptFailedAt
               < std::chrono::milliseconds(m_options.reconnectIntervalMs))
        return *m_lastError;
    return connectNow();
}

Result<RedisReply> RedisConnection::command(const QList<QByteArray> &argv)
{
    if (Status connected = ensureConnected(); !connected)
        return connected.error();
    return send(argv);
}

Status RedisConnection::connectNow()
{
    const QByteArray host = m_url.host.toUtf8();
    m_context.reset(redisConnectWithTimeout(host.constData(), m_url.port,
                                            toTimeval(m_options.connectTimeoutMs)));
    if (!m_context)
        return fail(u"out of memory"_s);
    if (m_context->err)
        return fail(ioReason(false));
    if (redisSetTimeout(m_context.get(), toTimeval(m_options.commandTimeoutMs)) != REDIS_OK)
        return fail(ioReason(false));

    const auto handshake = [this](const QList<QByteArray> &argv,
                                  const QString &what) -> Status {
        Result<RedisReply> reply = send(argv);
        if (!reply)
            return reply.error();
        if (reply->isError()) // e.g. WRONGPASS: Redis never echoes the password
            return fail(u"%1 was refused: %2"_s.arg(what, QString::fromUtf8(reply->text())));
        return {};
    };
    if (!m_url.password.isEmpty()) {
        QList<QByteArray> auth{QByteArrayLiteral("AUTH")};
        if (!m_url.username.isEmpty())
            auth.append(m_url.username.toUtf8());
        auth.append(m_url.password.toUtf8());
        if (Status s = handshake(auth, u"AUTH"_s); !s)
            return s;
    }
    if (m_url.db != 0) {
        if (Status s = handshake({QByteArrayLiteral("SELECT"), QByteArray::number(m_url.db)},
                                 u"SELECT %1"_s.arg(m_url.db));
            !s)
            return s;
    }
    m_lastAttemptFailedAt.reset();
    m_lastError.reset();
    return {};
}

Result<RedisReply> RedisConnection::send(const QList<QByteArray> &argv)
{
    std::vector<const char *> pointers;
    std::vector<size_t> lengths;
    pointers.reserve(size_t(argv.size()));
    lengths.reserve(size_t(argv.size()));
    for (const QByteArray &arg : argv) {
        pointers.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    errno = 0;
    auto *raw = static_cast<redisReply *>(redisCommandArgv(
        m_context.get(), int(pointers.size()), pointers.data(), lengths.data()));
    if (!raw)
        return fail(ioReason(true));
    std::shared_ptr<const redisReply> root(raw, [](const redisReply *reply) {
        freeReplyObject(const_cast<redisReply *>(reply));
    });
    return RedisReply(root, raw);
}

QString RedisConnection::ioReason(bool duringCommand) const
{
    if (!m_context || !m_context->err)
        return u"unknown error"_s;
    // hiredis reports a read timeout as EAGAIN ("Resource temporarily unavailable").
    if (duringCommand && m_context->err == REDIS_ERR_IO
        && (errno == EAGAIN || errno == EWOULDBLOCK))
        return u"no reply within %1 ms"_s.arg(m_options.commandTimeoutMs);
    if (m_context->err == REDIS_ERR_EOF)
        return u"the server closed the connection"_s;
    return QString::fromUtf8(m_context->errstr);
}

Error RedisConnection::fail(const QString &reason)
{
    m_context.reset();
    m_lastAttemptFailedAt = Clock::now();
    m_lastError = Error::unavailable(u"redis-unavailable"_s,
                                     u"Redis at %1 is unavailable: %2."_s.arg(m_url.location(),
                                                                              reason));
    return *m_lastError;
}

} // namespace Tenantry::Storage
