#include "core/http/requestguard.h"

#include "core/base/error.h"
#include "core/http/problem.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <optional>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRequestGuard, "tenantry.http.guard")

namespace Tenantry::Http {
namespace {

// After a refusal the client gets this long to read the response and stop sending. Long
// enough for a response on any sane link, short enough that a client which never stops
// cannot keep a drained connection open.
constexpr int kLingerMs = 2000;

// While draining a refused connection, read the client's bytes in slices this big.
constexpr qint64 kDrainBufferBytes = 64 * 1024;

// A chunk-size line ("1f4;name=value\r\n") is tiny in practice; a long one is an attack on
// the framing, not an upload.
constexpr qsizetype kMaxChunkLineBytes = 1024;

// QtHttpServer 6.4 buffers chunked bodies raw (framing included) until the last chunk, so the
// framing must be bounded too, or a client could send a tiny decoded body in one-byte chunks
// with long extensions and make the server hold many times the body limit.
qint64 chunkFramingAllowance(const RequestLimits &limits)
{
    return qMax<qint64>(limits.maxBodyBytes / 8, 16 * 1024);
}

// The most bytes one request can span without being refused.
qint64 maxRequestBytes(const RequestLimits &limits)
{
    return limits.maxHeaderBytes + limits.maxBodyBytes + chunkFramingAllowance(limits);
}

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Decimal digits to a number; nullopt when it does not fit in qint64 (certainly over any limit).
std::optional<qint64> parseDecimal(QByteArrayView digits)
{
    qint64 value = 0;
    for (char c : digits) {
        if (value > (std::numeric_limits<qint64>::max() - 9) / 10)
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

Error badFraming(const QString &code, const QString &message)
{
    return Error::invalid(code, message);
}

Error headersTooLarge(const RequestLimits &limits)
{
    return {ErrorKind::HeadersTooLarge, u"request-header-fields-too-large"_s,
            u"The request line and header fields exceed the limit of %1 bytes. Send fewer or "
            "shorter header fields."_s.arg(limits.maxHeaderBytes), {}};
}

Error payloadTooLarge(const RequestLimits &limits, const QString &what)
{
    return {ErrorKind::TooLarge, u"payload-too-large"_s,
            u"%1 exceeds the limit of %2 bytes per request."_s.arg(what).arg(limits.maxBodyBytes), {}};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    default: return "Error";
    }
}

// Follows the HTTP/1.1 message framing of one connection (RFC 9112), request after request,
// as far as the limits need it: where each head ends, how long each body is. It must frame
// exactly as QtHttpServer 6.4 does; wherever QtHttpServer's lenient parser could read the
// same bytes differently, the framer refuses the request instead of guessing. Fed every byte
// of the connection once, in order; keeps at most one head (<= maxHeaderBytes) in memory.
class RequestFramer
{
public:
    explicit RequestFramer(RequestLimits limits) : m_limits(limits) {}

    // How many of the next bytes are body data of known length, which can be counted without
    // being looked at.
    qint64 opaqueBytesAhead() const
    {
        return (m_state == State::Body || m_state == State::ChunkData) ? m_remaining : 0;
    }

    // Counts `count` (<= opaqueBytesAhead()) bytes as read. True if that completed a request.
    bool skipOpaque(qint64 count)
    {
        Q_ASSERT(count <= opaqueBytesAhead());
        m_awaitingContinue = false;
        m_remaining -= count;
        if (m_remaining == 0)
            finishBodyPart();
        return std::exchange(m_requestComplete, false);
    }

    struct Progress {
        qsizetype used = 0;               // bytes of the input consumed
        bool requestComplete = false;     // stopped right after the end of a request
        std::optional<Error> violation;   // the framer is spent
    };

    // Feeds the next bytes of the stream, up to the end of the current request.
    Progress feed(QByteArrayView bytes)
    {
        qsizetype i = 0;
        while (i < bytes.size()) {
            std::optional<Error> violation;
            switch (m_state) {
            case State::Head:
                violation = feedHead(bytes[i++]);
                break;
            case State::Body:
            case State::ChunkData: {
                const qint64 count = qMin<qint64>(m_remaining, bytes.size() - i);
                m_requestComplete = skipOpaque(count);
                i += count;
                break;
            }
            case State::ChunkLine:
            case State::ChunkDataEnd:
            case State::LastChunkEnd:
                violation = feedChunkFraming(bytes[i++]);
                break;
            }
            if (violation)
                return {i, false, std::move(violation)};
            if (std::exchange(m_requestComplete, false))
                return {i, true, std::nullopt};
        }
        return {i, false, std::nullopt};
    }

    // True while the current request asked for `100 Continue` and none of its body has arrived.
    bool awaitingContinue() const { return m_awaitingContinue; }
    void continueSent() { m_awaitingContinue = false; }

    // The request-target of the request being read, once its head is complete.
    const QByteArray &target() const { return m_target; }

private:
    enum class State { Head, Body, ChunkLine, ChunkData, ChunkDataEnd, LastChunkEnd };

    std::optional<Error> feedHead(char c)
    {
        ++m_headBytes;
        if (m_headBytes > m_limits.maxHeaderBytes)
            return headersTooLarge(m_limits);
        // QtHttpServer skips whitespace before a request line (left over from the previous
        // request); it still counts towards the head, or endless blank lines would be free.
        if (m_head.isEmpty() && (c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v'))
            return std::nullopt;
        m_head.append(c);
        // Like QtHttpServer, a head ends at the first empty line, with CRLF or bare LF endings.
        if (c == '\n' && (m_head.endsWith("\n\n") || m_head.endsWith("\n\r\n")))
            return headComplete();
        return std::nullopt;
    }

    std::optional<Error> headComplete()
    {
        QList<QByteArrayView> contentLengths;
        QList<QByteArray> transferCodings;
        bool expectsContinue = false;

        const QList<QByteArrayView> lines = splitLines(m_head);
        const QList<QByteArrayView> requestLine = splitOnSpaces(lines.value(0));
        // The problem's `instance` is the path, as ApiServer reports it; a query string may
        // carry secrets that belong in no response body.
        QByteArrayView target = requestLine.value(1);
        if (const qsizetype query = target.indexOf('?'); query >= 0)
            target = target.first(query);
        m_target = target.toByteArray();
        const bool http10 = requestLine.value(2) == "HTTP/1.0";

        for (qsizetype n = 1; n < lines.size(); ++n) {
            const QByteArrayView line = lines[n];
            if (line.isEmpty())
                break;
            // Folded lines, names with spaces before the colon and lines without a colon are
            // read differently by different parsers (a classic request-smuggling vector).
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.first(colon))) {
                return badFraming(u"invalid-header-field"_s,
                                  u"Header line %1 is not 'name: value' (folded lines and spaces "
                                  "before the colon are not accepted)."_s.arg(n));
            }
            const QByteArrayView name = line.first(colon);
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                contentLengths.append(value);
            else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
                appendCodings(value, transferCodings);
            else if (name.compare("expect", Qt::CaseInsensitive) == 0)
                expectsContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
        return startBody(contentLengths, transferCodings, expectsContinue && !http10);
    }

    std::optional<Error> startBody(const QList<QByteArrayView> &contentLengths,
                                   const QList<QByteArray> &transferCodings, bool expectsContinue)
    {
        if (!transferCodings.isEmpty()) {
            if (!contentLengths.isEmpty()) {
                return badFraming(u"invalid-transfer-encoding"_s,
                                  u"Send either Content-Length or Transfer-Encoding, not both."_s);
            }
            // QtHttpServer 6.4 decodes nothing but chunked.
            if (transferCodings.size() != 1
                || transferCodings.first().compare("chunked", Qt::CaseInsensitive) != 0) {
                return badFraming(u"invalid-transfer-encoding"_s,
                                  u"The only supported Transfer-Encoding is 'chunked'."_s);
            }
            m_state = State::ChunkLine;
            m_line.clear();
            m_bodyBytes = 0;
            m_framingBytes = 0;
            m_awaitingContinue = expectsContinue;
            return std::nullopt;
        }

        qint64 length = 0;
        for (qsizetype n = 0; n < contentLengths.size(); ++n) {
            // QtHttpServer reads the first field only and ignores one it cannot parse as a
            // number (treating the body as the next request), so a list, a sign or a
            // disagreement would make it frame the stream differently from us.
            if (!isDigits(contentLengths[n])) {
                return badFraming(u"invalid-content-length"_s,
                                  u"Content-Length must be a single non-negative decimal number."_s);
            }
            const std::optional<qint64> value = parseDecimal(contentLengths[n]);
            if (!value)
                return payloadTooLarge(m_limits, u"The declared body size"_s);
            if (n > 0 && *value != length) {
                return badFraming(u"invalid-content-length"_s,
                                  u"The request has Content-Length fields with different values."_s);
            }
            length = *value;
        }
        if (length > m_limits.maxBodyBytes)
            return payloadTooLarge(m_limits, u"The declared body size (%1 bytes)"_s.arg(length));
        if (length == 0) {
            nextRequest();
            return std::nullopt;
        }
        m_state = State::Body;
        m_remaining = length;
        m_awaitingContinue = expectsContinue;
        return std::nullopt;
    }

    std::optional<Error> feedChunkFraming(char c)
    {
        m_awaitingContinue = false;
        ++m_framingBytes;
        if (m_bodyBytes + m_framingBytes > m_limits.maxBodyBytes + chunkFramingAllowance(m_limits))
            return payloadTooLarge(m_limits, u"The chunked body (with its framing)"_s);
        m_line.append(c);

        if (m_state == State::ChunkLine) {
            if (m_line.size() > kMaxChunkLineBytes)
                return badFraming(u"invalid-chunked-body"_s, u"A chunk-size line is too long."_s);
            if (c == '\n')
                return chunkLineComplete();
            return std::nullopt;
        }

        // The CRLF after chunk data, or after the last chunk (where trailer fields would be).
        if (m_line.size() < 2)
            return std::nullopt;
        if (m_line != "\r\n") {
            return badFraming(u"invalid-chunked-body"_s,
                              m_state == State::LastChunkEnd
                                  ? u"Trailer fields after a chunked body are not supported."_s
                                  : u"Chunk data must be followed by CRLF."_s);
        }
        m_line.clear();
        if (m_state == State::LastChunkEnd)
            nextRequest();
        else
            m_state = State::ChunkLine;
        return std::nullopt;
    }

    std::optional<Error> chunkLineComplete()
    {
        // QtHttpServer 6.4 accepts only CRLF here, and takes the size up to the first ';'.
        if (!m_line.endsWith("\r\n"))
            return badFraming(u"invalid-chunked-body"_s, u"A chunk-size line must end with CRLF."_s);
        QByteArrayView size = QByteArrayView(m_line).chopped(2);
        const qsizetype semicolon = size.indexOf(';');
        if (semicolon >= 0)
            size = size.first(semicolon);
        while (size.endsWith(' ') || size.endsWith('\t'))
            size.chop(1);
        const bool hex = !size.isEmpty() && std::all_of(size.begin(), size.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        });
        if (!hex)
            return badFraming(u"invalid-chunked-body"_s, u"A chunk size is not a hexadecimal number."_s);
        while (size.size() > 1 && size.front() == '0')
            size = size.sliced(1);
        if (size.size() > 15) // more than 2^60: over any limit, and would overflow below
            return payloadTooLarge(m_limits, u"A chunk"_s);
        const qint64 chunkSize = size.toByteArray().toLongLong(nullptr, 16);
        m_line.clear();

        if (chunkSize == 0) {
            m_state = State::LastChunkEnd;
            return std::nullopt;
        }
        m_bodyBytes += chunkSize;
        // Refuse as soon as the declared chunk would cross the limit, before its data arrives.
        if (m_bodyBytes > m_limits.maxBodyBytes)
            return payloadTooLarge(m_limits, u"The chunked body"_s);
        m_state = State::ChunkData;
        m_remaining = chunkSize;
        return std::nullopt;
    }

    void finishBodyPart()
    {
        if (m_state == State::ChunkData) {
            m_state = State::ChunkDataEnd;
            m_line.clear();
        } else {
            nextRequest();
        }
    }

    void nextRequest()
    {
        m_requestComplete = true;
        m_state = State::Head;
        m_head.clear();
        m_headBytes = 0;
        m_remaining = 0;
        m_awaitingContinue = false;
    }

    static QList<QByteArrayView> splitLines(QByteArrayView text)
    {
        QList<QByteArrayView> lines;
        while (!text.isEmpty()) {
            const qsizetype newline = text.indexOf('\n');
            QByteArrayView line = newline < 0 ? text : text.first(newline);
            if (line.endsWith('\r'))
                line.chop(1);
            lines.append(line);
            text = newline < 0 ? QByteArrayView() : text.sliced(newline + 1);
        }
        return lines;
    }

    static QList<QByteArrayView> splitOnSpaces(QByteArrayView line)
    {
        QList<QByteArrayView> parts;
        while (!line.isEmpty()) {
            const qsizetype space = line.indexOf(' ');
            if (space != 0)
                parts.append(space < 0 ? line : line.first(space));
            line = space < 0 ? QByteArrayView() : line.sliced(space + 1);
        }
        return parts;
    }

    // "gzip, chunked" -> {"gzip", "chunked"}; empty list elements are allowed and ignored.
    static void appendCodings(QByteArrayView value, QList<QByteArray> &codings)
    {
        for (const QByteArray &coding : value.toByteArray().split(',')) {
            if (!coding.trimmed().isEmpty())
                codings.append(coding.trimmed());
        }
    }

    const RequestLimits m_limits;
    State m_state = State::Head;
    QByteArray m_head;          // the head so far, without leading blank lines
    qint64 m_headBytes = 0;     // counted against maxHeaderBytes, leading blank lines included
    qint64 m_remaining = 0;     // of the Content-Length body or the current chunk
    qint64 m_bodyBytes = 0;     // decoded bytes of the current chunked body
    qint64 m_framingBytes = 0;  // chunk-size lines and CRLFs of the current chunked body
    QByteArray m_line;          // the chunk-size line or CRLF being read
    QByteArray m_target;
    bool m_awaitingContinue = false;
    bool m_requestComplete = false; // set by nextRequest(), taken by feed() and skipOpaque()
};

QByteArray toWire(const HttpResponse &response)
{
    QByteArray wire = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
        + "\r\n";
    if (!response.contentType.isEmpty())
        wire += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &[name, value] : response.headers)
        wire += name + ": " + value + "\r\n";
    wire += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n"
        + response.body;
    return wire;
}

// Watches one connection of a GuardedTcpServer. QtHttpServer 6.4 offers no hook before it
// reads a request, so the guard sits on the socket itself: its first readyRead slot is
// connected before QtHttpServer's and Qt runs slots in connection order, so it inspects the
// bytes QtHttpServer is about to read before it reads them. QtHttpServer reads at most up to
// the end of one request per readyRead (and re-emits readyRead, queued, for the rest), so
// that is as far as the guard inspects, too: a valid request pipelined before an oversized
// one is still answered, and in order.
// The second slot runs after QtHttpServer's and learns how much it consumed (a sequential
// socket reports no position).
class ConnectionGuard final : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, RequestLimits limits)
        : QObject(socket)
        , m_socket(socket)
        , m_limits(limits)
        , m_framer(limits)
    {
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::inspectArrivedBytes);
    }

    // Call right after QtHttpServer has connected to the socket.
    void followServer()
    {
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::noteWhatServerRead);
    }

private:
    void inspectArrivedBytes()
    {
        const qint64 available = m_socket->bytesAvailable();
        m_availableBeforeServer = available;
        m_inspected = qMin(m_inspected, available);
        QByteArray window;
        while (m_inspected < available) {
            // Body bytes of known length need counting, not reading: a large body costs no copy.
            const qint64 opaque = qMin(m_framer.opaqueBytesAhead(), available - m_inspected);
            if (opaque > 0) {
                m_inspected += opaque;
                if (m_framer.skipOpaque(opaque))
                    return;
                continue;
            }
            // peek() copies from the read position (inside QtHttpServer's read transaction).
            // A request that is not refused ends within maxRequestBytes of there, so copying
            // more is never needed, however much one read notification brought in.
            if (window.size() <= m_inspected) {
                window = m_socket->peek(qMin(available, m_inspected + maxRequestBytes(m_limits) + 1));
                if (window.size() <= m_inspected)
                    return;
            }
            const RequestFramer::Progress progress = m_framer.feed(QByteArrayView(window).sliced(m_inspected));
            if (progress.violation) {
                refuse(*progress.violation);
                return;
            }
            m_inspected += progress.used;
            if (progress.requestComplete)
                return;
        }
    }

    void noteWhatServerRead()
    {
        const qint64 left = m_socket->bytesAvailable();
        const qint64 consumed = qMax<qint64>(0, m_availableBeforeServer - left);
        m_availableBeforeServer = left;
        if (consumed > m_inspected) {
            // QtHttpServer framed the stream differently and read bytes nobody checked. The
            // framer's rules are meant to make this impossible; if it happens, do not guess.
            qCWarning(lcRequestGuard) << "QtHttpServer read past the inspected bytes; closing the connection from"
                                      << m_socket->peerAddress().toString();
            m_socket->abort();
            return;
        }
        m_inspected -= consumed;
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;

        // QtHttpServer 6.4 never answers `Expect: 100-continue`, so a polite client waits
        // (curl: 1 s) before sending the body. Answer for it once QtHttpServer has read the
        // whole head and waits for the body; not while a pipelined request is still unread,
        // as the 100 would then precede an earlier request's response.
        if (m_framer.awaitingContinue() && left == 0) {
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            m_framer.continueSent();
        }
    }

    void refuse(const Error &error)
    {
        const HttpResponse response = problemResponse(error, m_framer.target(), {});
        qCInfo(lcRequestGuard).nospace().noquote()
            << "Refused a request from " << m_socket->peerAddress().toString() << ": " << response.status << " "
            << error.code << " (" << error.message << ")";

        // QtHttpServer must not read from this socket again: it would get a truncated or
        // never-ending request, and its read transaction would keep every byte we discard.
        QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::discardArrivedBytes);
        // Bytes read inside a transaction stay buffered until it is committed.
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        discardArrivedBytes();
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            m_socket->abort(); // the client is gone; nobody to answer
            return;
        }
        // Drain in small slices: by default Qt pulls everything the kernel holds (megabytes on
        // a fast link) into the buffer before each readyRead. The drain empties the buffer on
        // every readyRead, so the cap never stalls reading.
        m_socket->setReadBufferSize(kDrainBufferBytes);

        m_socket->write(toWire(response));
        connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGuard::halfCloseWhenSent);
        m_socket->flush();
        halfCloseWhenSent();
        // A client that keeps sending after the response does not get to keep the connection.
        QTimer::singleShot(kLingerMs, this, [this] { m_socket->abort(); });
    }

    // Drains without buffering. Closing instead would make the kernel answer the client's
    // in-flight bytes with a reset, which can destroy our response before the client reads it.
    void discardArrivedBytes()
    {
        m_socket->skip(m_socket->bytesAvailable());
    }

    // A FIN right after the response tells the client it is over and it should stop
    // sending; the read side stays open for draining.
    void halfCloseWhenSent()
    {
        if (m_halfClosed || m_socket->bytesToWrite() > 0)
            return;
        m_halfClosed = true;
        const qintptr descriptor = m_socket->socketDescriptor();
        if (descriptor >= 0)
            ::shutdown(int(descriptor), SHUT_WR);
    }

    QTcpSocket *const m_socket;
    const RequestLimits m_limits;
    RequestFramer m_framer;
    qint64 m_inspected = 0;             // unread bytes (from the read position) the framer has seen
    qint64 m_availableBeforeServer = 0; // unread bytes when QtHttpServer's slot started
    bool m_halfClosed = false;
};

} // namespace

GuardedTcpServer::GuardedTcpServer(RequestLimits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

const RequestLimits &GuardedTcpServer::limits() const
{
    return m_limits;
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        qCWarning(lcRequestGuard) << "Cannot adopt an accepted connection:" << socket->errorString();
        delete socket;
        ::close(int(handle));
        return;
    }
    // The guard connects to readyRead before addPendingConnection(), inside which
    // QAbstractHttpServer (through pendingConnectionAvailable) connects its own slot.
    auto *guard = new ConnectionGuard(socket, m_limits);
    addPendingConnection(socket);
    guard->followServer();
}

} // namespace Tenantry::Http
