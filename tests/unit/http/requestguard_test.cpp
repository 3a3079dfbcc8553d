#include "core/http/requestguard.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTcpSocket>
#include <QTimer>

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <optional>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Tenantry::Http;

namespace {

// Small limits keep the tests fast; the memory test runs with the defaults.
constexpr RequestLimits kLimits{4 * 1024, 64 * 1024};

struct Response {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Takes one complete response off the front of `buffer`; nullopt while it is incomplete.
std::optional<Response> takeResponse(QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.first(headEnd).split('\n');
    Response response;
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    response.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response.headers.append({lines[i].first(colon).trimmed(), lines[i].sliced(colon + 1).trimmed()});
    }
    const qsizetype length = response.status < 200 ? 0 : response.header("Content-Length").toLongLong();
    if (buffer.size() < headEnd + 4 + length)
        return std::nullopt;
    response.body = buffer.sliced(headEnd + 4, length);
    buffer.remove(0, headEnd + 4 + length);
    return response;
}

// Server and client share this thread, so every wait must keep the event loop running.
bool processEventsUntil(const std::function<bool()> &done, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer wakeUp; // bounds each blocking wait below so the deadline is honoured
    wakeUp.start(5);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

QByteArray postHead(qint64 contentLength, const QByteArray &extraHeaders = {}, const QByteArray &target = "/echo")
{
    return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + QByteArray::number(contentLength)
        + "\r\n" + extraHeaders + "\r\n";
}

QByteArray post(const QByteArray &body)
{
    return postHead(body.size()) + body;
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

// A raw client on the test thread: the test decides every byte and every write boundary.
class Client
{
public:
    explicit Client(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    bool waitConnected()
    {
        return processEventsUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; });
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // One write per piece, with the server given a turn in between, so it sees the bytes
    // trickle in rather than all at once.
    void sendInPieces(const QByteArray &bytes, qsizetype pieceSize)
    {
        for (qsizetype offset = 0; offset < bytes.size(); offset += pieceSize) {
            send(bytes.mid(offset, pieceSize));
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
        }
    }

    std::optional<Response> nextResponse(int timeoutMs = 10000)
    {
        std::optional<Response> response;
        processEventsUntil(
            [&] {
                m_received += m_socket.readAll();
                response = takeResponse(m_received);
                return response.has_value() || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        if (!response) {
            m_received += m_socket.readAll();
            response = takeResponse(m_received);
        }
        return response;
    }

    void hangUp() { m_socket.abort(); }

    bool waitUntilClosedByServer()
    {
        return processEventsUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; });
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

QStringList *g_warnings = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void recordWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg && g_warnings)
        g_warnings->append(QString::fromLatin1(context.category) + u": "_s + message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// A real QHttpServer with POST /echo (answers the body size it received) bound to a
// GuardedTcpServer on a free loopback port, as ApiServer does it.
class RequestGuardTest : public ::testing::Test
{
protected:
    void SetUp() override { startServer(kLimits); }

    void TearDown() override
    {
        // Let the server finish closing connections, so anything it logs is caught.
        QCoreApplication::processEvents();
        qInstallMessageHandler(g_previousHandler);
        g_warnings = nullptr;
        EXPECT_TRUE(m_warnings.isEmpty()) << qPrintable(m_warnings.join(u'\n'));
    }

    void startServer(RequestLimits limits)
    {
        g_warnings = &m_warnings;
        g_previousHandler = qInstallMessageHandler(recordWarnings);
        m_guarded = new GuardedTcpServer(limits);
        ASSERT_TRUE(m_guarded->listen(QHostAddress::LocalHost, 0));
        m_port = m_guarded->serverPort();
        m_http.route(u"/echo"_s, QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &request) {
            ++m_handled;
            return QString::number(request.body().size());
        });
        m_http.bind(m_guarded);
    }

    // True once every connection the server accepted is closed and deleted.
    bool allConnectionsReleased()
    {
        return processEventsUntil([this] {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            return m_guarded->findChildren<QTcpSocket *>().isEmpty();
        });
    }

    // Checks an RFC 9457 refusal from the guard.
    static void expectProblem(const std::optional<Response> &response, int status, const QString &code)
    {
        ASSERT_TRUE(response.has_value()) << "no response";
        EXPECT_EQ(response->status, status);
        EXPECT_EQ(response->header("Content-Type"), "application/problem+json");
        EXPECT_EQ(response->header("Connection"), "close");
        const QJsonObject problem = response->json();
        EXPECT_EQ(problem.value(u"type"_s).toString(), u"https://tenantry.dev/problems/"_s + code);
        EXPECT_EQ(problem.value(u"status"_s).toInt(), status);
        EXPECT_FALSE(problem.value(u"title"_s).toString().isEmpty());
        EXPECT_FALSE(problem.value(u"detail"_s).toString().isEmpty());
    }

    QHttpServer m_http;
    GuardedTcpServer *m_guarded = nullptr; // owned by m_http once bound
    quint16 m_port = 0;
    int m_handled = 0;
    QStringList m_warnings;
};

TEST_F(RequestGuardTest, RequestWithinTheLimitsReachesTheHandler)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send(post(QByteArray(1000, 'x')));
    const auto response = client.nextResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "1000");
    EXPECT_EQ(m_handled, 1);
}

TEST_F(RequestGuardTest, BodyOfExactlyTheLimitIsAccepted)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send(post(QByteArray(kLimits.maxBodyBytes, 'x')));
    const auto response = client.nextResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, QByteArray::number(kLimits.maxBodyBytes));
}

TEST_F(RequestGuardTest, HeadOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot)
{
    const auto headOfSize = [](qint64 size) {
        const QByteArray skeleton = postHead(0, "X-Pad: \r\n");
        return postHead(0, "X-Pad: " + QByteArray(size - skeleton.size(), 'p') + "\r\n");
    };
    ASSERT_EQ(headOfSize(kLimits.maxHeaderBytes).size(), kLimits.maxHeaderBytes);

    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send(headOfSize(kLimits.maxHeaderBytes));
    const auto accepted = client.nextResponse();
    ASSERT_TRUE(accepted.has_value());
    EXPECT_EQ(accepted->status, 200);

    client.send(headOfSize(kLimits.maxHeaderBytes + 1));
    expectProblem(client.nextResponse(), 431, u"request-header-fields-too-large"_s);
    EXPECT_EQ(m_handled, 1);
}

TEST_F(RequestGuardTest, KeepAliveConnectionRefusesOnlyTheOversizedSecondRequest)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send(post("hello"));
    const auto first = client.nextResponse();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(first->body, "5");

    client.send(postHead(kLimits.maxBodyBytes + 1));
    const auto second = client.nextResponse();
    expectProblem(second, 413, u"payload-too-large"_s);
    EXPECT_EQ(second->json().value(u"instance"_s).toString(), u"/echo"_s);
    EXPECT_EQ(m_handled, 1);
    EXPECT_TRUE(client.waitUntilClosedByServer());
}

TEST_F(RequestGuardTest, ContentLengthOverTheLimitIsRefusedBeforeTheBodyIsSent)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    // The head only: not one body byte is sent.
    client.send(postHead(10 * 1024 * 1024, {}, "/echo?token=s3cret"));
    const auto response = client.nextResponse();
    expectProblem(response, 413, u"payload-too-large"_s);
    EXPECT_EQ(response->json().value(u"instance"_s).toString(), u"/echo"_s); // never the query
    EXPECT_EQ(m_handled, 0);
    EXPECT_TRUE(client.waitUntilClosedByServer());
    EXPECT_TRUE(allConnectionsReleased());
}

TEST_F(RequestGuardTest, ClientHangingUpRightAfterAnOversizedRequestIsReleasedQuietly)
{
    {
        Client client(m_port);
        ASSERT_TRUE(client.waitConnected());
        client.send(postHead(kLimits.maxBodyBytes + 1) + QByteArray(64 * 1024, 'x'));
        client.hangUp();
    }
    EXPECT_TRUE(allConnectionsReleased());
    EXPECT_EQ(m_handled, 0);
}

TEST_F(RequestGuardTest, ExpectContinueOverTheLimitGets413InsteadOf100)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send(postHead(kLimits.maxBodyBytes + 1, "Expect: 100-continue\r\n"));
    expectProblem(client.nextResponse(), 413, u"payload-too-large"_s);
    EXPECT_EQ(m_handled, 0);
}

TEST_F(RequestGuardTest, ExpectContinueWithinTheLimitGets100ThenTheResponse)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send(postHead(10, "Expect: 100-continue\r\n"));
    const auto interim = client.nextResponse();
    ASSERT_TRUE(interim.has_value());
    EXPECT_EQ(interim->status, 100);

    client.send("0123456789");
    const auto response = client.nextResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "10");
}

TEST_F(RequestGuardTest, HeadersOverTheLimitAre431)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send(postHead(5, "X-Big: " + QByteArray(kLimits.maxHeaderBytes, 'b') + "\r\n") + "hello");
    expectProblem(client.nextResponse(), 431, u"request-header-fields-too-large"_s);
    EXPECT_EQ(m_handled, 0);
    EXPECT_TRUE(client.waitUntilClosedByServer());
    EXPECT_TRUE(allConnectionsReleased());
}

TEST_F(RequestGuardTest, RequestTricklingInByteByByteStillWorks)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.sendInPieces(post("trickle"), 1);
    const auto response = client.nextResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "7");
}

TEST_F(RequestGuardTest, OversizedHeadersSplitAcrossManySmallWritesAre431)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    QByteArray head = "GET /echo HTTP/1.1\r\nHost: localhost\r\n";
    for (int i = 0; head.size() <= kLimits.maxHeaderBytes; ++i)
        head += "X-Header-" + QByteArray::number(i) + ": " + QByteArray(50, 'v') + "\r\n";
    head += "\r\n";
    client.sendInPieces(head, 100);
    expectProblem(client.nextResponse(), 431, u"request-header-fields-too-large"_s);
    EXPECT_EQ(m_handled, 0);
}

TEST_F(RequestGuardTest, EndlessBlankLinesBeforeARequestCountAsHead)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    QByteArray blankLines;
    for (int i = 0; i < kLimits.maxHeaderBytes; ++i)
        blankLines += "\r\n";
    client.send(blankLines);
    expectProblem(client.nextResponse(), 431, u"request-header-fields-too-large"_s);
}

TEST_F(RequestGuardTest, ChunkedBodyWithinTheLimitReachesTheHandler)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk(QByteArray(1000, 'a')) + chunk(QByteArray(24, 'b')) + "0\r\n\r\n");
    const auto response = client.nextResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "1024");
}

TEST_F(RequestGuardTest, ChunkedBodyOfExactlyTheLimitIsAccepted)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (qint64 sent = 0; sent < kLimits.maxBodyBytes; sent += 8 * 1024)
        client.send(chunk(QByteArray(8 * 1024, 'c')));
    client.send("0\r\n\r\n");
    const auto response = client.nextResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, QByteArray::number(kLimits.maxBodyBytes));
}

TEST_F(RequestGuardTest, ChunkedBodyOverTheLimitIs413AtTheChunkThatCrossesIt)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (qint64 sent = 0; sent < kLimits.maxBodyBytes; sent += 8 * 1024) {
        client.send(chunk(QByteArray(8 * 1024, 'c')));
        QCoreApplication::processEvents();
    }
    // Only the size line of the chunk that crosses the limit, none of its data and no last
    // chunk: the answer can only come from the guard counting.
    client.send("2000\r\n");
    expectProblem(client.nextResponse(), 413, u"payload-too-large"_s);
    EXPECT_EQ(m_handled, 0);
    EXPECT_TRUE(client.waitUntilClosedByServer());
}

TEST_F(RequestGuardTest, PipelinedRequestBeforeAnOversizedOneIsStillAnsweredFirst)
{
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send(post("one") + post("three") + postHead(kLimits.maxBodyBytes + 1));
    const auto first = client.nextResponse();
    const auto second = client.nextResponse();
    ASSERT_TRUE(first.has_value());
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(first->body, "3");
    EXPECT_EQ(second->body, "5");
    expectProblem(client.nextResponse(), 413, u"payload-too-large"_s);
    EXPECT_EQ(m_handled, 2);
}

struct FramingCase {
    const char *name;
    QByteArray afterHost; // header fields, blank line and body after "Host: localhost\r\n"
    int status;
    QString code;         // problem type suffix; empty for 200
};

class RequestGuardFramingTest : public RequestGuardTest, public ::testing::WithParamInterface<FramingCase>
{
};

TEST_P(RequestGuardFramingTest, AnswersAsExpected)
{
    const FramingCase &c = GetParam();
    Client client(m_port);
    ASSERT_TRUE(client.waitConnected());
    client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\n" + c.afterHost);
    const auto response = client.nextResponse();
    if (c.status == 200) {
        ASSERT_TRUE(response.has_value());
        EXPECT_EQ(response->status, 200);
        EXPECT_EQ(response->body, "5");
        EXPECT_EQ(m_handled, 1);
    } else {
        expectProblem(response, c.status, c.code);
        EXPECT_EQ(m_handled, 0);
    }
}

INSTANTIATE_TEST_SUITE_P(
    , RequestGuardFramingTest,
    ::testing::Values(
        FramingCase{"ContentLengthNotANumber", "Content-Length: abc\r\n\r\nhello", 400, u"invalid-content-length"_s},
        FramingCase{"ContentLengthNegative", "Content-Length: -5\r\n\r\nhello", 400, u"invalid-content-length"_s},
        FramingCase{"ContentLengthSigned", "Content-Length: +5\r\n\r\nhello", 400, u"invalid-content-length"_s},
        FramingCase{"ContentLengthEmpty", "Content-Length: \r\n\r\nhello", 400, u"invalid-content-length"_s},
        FramingCase{"ContentLengthsDiffer", "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400,
                    u"invalid-content-length"_s},
        FramingCase{"ContentLengthList", "Content-Length: 5, 5\r\n\r\nhello", 400, u"invalid-content-length"_s},
        FramingCase{"ContentLengthOverflows", "Content-Length: 99999999999999999999999\r\n\r\nhello", 413,
                    u"payload-too-large"_s},
        FramingCase{"ContentLengthAndChunked",
                    "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400,
                    u"invalid-transfer-encoding"_s},
        FramingCase{"UnsupportedTransferCoding", "Transfer-Encoding: gzip\r\n\r\nhello", 400,
                    u"invalid-transfer-encoding"_s},
        FramingCase{"ChunkedNotAlone", "Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400,
                    u"invalid-transfer-encoding"_s},
        FramingCase{"SpaceBeforeColon", "Content-Length : 5\r\n\r\nhello", 400, u"invalid-header-field"_s},
        FramingCase{"FoldedHeader", "X-Folded: a\r\n b\r\nContent-Length: 5\r\n\r\nhello", 400,
                    u"invalid-header-field"_s},
        FramingCase{"ChunkSizeNotHex", "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", 400,
                    u"invalid-chunked-body"_s},
        FramingCase{"ChunkDataWithoutCrlf", "Transfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n", 400,
                    u"invalid-chunked-body"_s},
        FramingCase{"TrailerFields", "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-T: 1\r\n\r\n", 400,
                    u"invalid-chunked-body"_s},
        FramingCase{"DeclaredChunkOverTheLimit", "Transfer-Encoding: chunked\r\n\r\n100000\r\n", 413,
                    u"payload-too-large"_s},
        FramingCase{"RepeatedEqualContentLength", "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello", 200, {}},
        FramingCase{"ContentLengthWithLeadingZeros", "Content-Length: 005\r\n\r\nhello", 200, {}},
        FramingCase{"ChunkedAnyCaseWithExtension",
                    "Transfer-Encoding: Chunked\r\n\r\n5;name=value\r\nhello\r\n0\r\n\r\n", 200, {}}),
    [](const ::testing::TestParamInfo<FramingCase> &info) { return std::string(info.param.name); });

// AddressSanitizer keeps freed memory in quarantine (256 MB by default), so under it RSS
// grows with everything drained and says nothing about what the guard buffers.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRssIsMeaningful = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kRssIsMeaningful = false;
#else
constexpr bool kRssIsMeaningful = true;
#endif
#else
constexpr bool kRssIsMeaningful = true;
#endif

// The process's memory in KiB as /proc/self/status reports it ("VmHWM", "VmRSS").
qint64 procStatusKb(QByteArrayView field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field) && line.size() > field.size() && line[field.size()] == ':')
            return line.sliced(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so the peak measured is this test's.
bool resetPeakRss()
{
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

struct UploadResult {
    qint64 bytesSent = 0;
    QByteArray received;
};

// A client that uploads `total` bytes in 64 KiB writes and does not stop when the answer
// arrives (the worst case for the server: everything must be drained). Plain blocking POSIX
// sockets on its own thread, so the server's event loop runs undisturbed on the test thread.
UploadResult stubbornUpload(quint16 port, qint64 total, bool chunked)
{
    UploadResult result;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return result;
    }
    const auto readWhatArrived = [&](int timeoutMs) {
        pollfd p{fd, POLLIN, 0};
        char buffer[4096];
        while (::poll(&p, 1, timeoutMs) > 0) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0)
                return false;
            result.received.append(buffer, n);
        }
        return true;
    };
    const auto sendAll = [&](const QByteArray &bytes) {
        for (qsizetype offset = 0; offset < bytes.size();) {
            const ssize_t n = ::send(fd, bytes.constData() + offset, bytes.size() - offset, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            offset += n;
        }
        return true;
    };

    const QByteArray head = chunked
        ? QByteArray("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
        : postHead(total);
    const QByteArray data(64 * 1024, 'u');
    const QByteArray piece = chunked ? chunk(data) : data;
    if (sendAll(head)) {
        while (result.bytesSent < total && sendAll(piece)) {
            result.bytesSent += data.size();
            readWhatArrived(0);
        }
    }
    readWhatArrived(5000); // until the server closes (or resets) the connection
    ::close(fd);
    return result;
}

class RequestGuardMemoryTest : public RequestGuardTest, public ::testing::WithParamInterface<bool>
{
protected:
    void SetUp() override { startServer(RequestLimits{}); }
};

TEST_P(RequestGuardMemoryTest, UploadOf200MiBIsRefusedWithFlatMemory)
{
    const bool chunked = GetParam();
    constexpr qint64 kUpload = 200 * 1024 * 1024;
    constexpr qint64 kAllowedGrowthKb = 16 * 1024;

    // Warm up allocator, sockets and QtHttpServer so the measurement sees the upload only.
    {
        Client warmUp(m_port);
        ASSERT_TRUE(warmUp.waitConnected());
        warmUp.send(post(QByteArray(1000, 'w')));
        ASSERT_TRUE(warmUp.nextResponse().has_value());
    }
    const bool peakWasReset = resetPeakRss();
    const qint64 hwmBefore = procStatusKb("VmHWM");
    const qint64 rssBefore = procStatusKb("VmRSS");
    ASSERT_GT(hwmBefore, 0);

    std::atomic<bool> finished = false;
    UploadResult upload;
    std::thread client([&] {
        upload = stubbornUpload(m_port, kUpload, chunked);
        finished = true;
    });
    qint64 rssPeak = rssBefore;
    const bool done = processEventsUntil(
        [&] {
            rssPeak = qMax(rssPeak, procStatusKb("VmRSS"));
            return finished.load();
        },
        120000);
    client.join();
    ASSERT_TRUE(done);

    const qint64 hwmAfter = procStatusKb("VmHWM");
    RecordProperty("bytes_sent", std::to_string(upload.bytesSent));
    RecordProperty("vmhwm_growth_kib", std::to_string(hwmAfter - hwmBefore));
    RecordProperty("sampled_vmrss_growth_kib", std::to_string(rssPeak - rssBefore));
    std::printf("[ memory   ] %s: sent %lld bytes; VmHWM %lld -> %lld KiB (+%lld%s), sampled VmRSS peak +%lld KiB\n",
                chunked ? "chunked" : "content-length", static_cast<long long>(upload.bytesSent),
                static_cast<long long>(hwmBefore), static_cast<long long>(hwmAfter),
                static_cast<long long>(hwmAfter - hwmBefore), peakWasReset ? "" : ", peak not reset",
                static_cast<long long>(rssPeak - rssBefore));

    if (kRssIsMeaningful) {
        EXPECT_LT(hwmAfter - hwmBefore, kAllowedGrowthKb);
        EXPECT_LT(rssPeak - rssBefore, kAllowedGrowthKb);
    } else {
        std::printf("[ memory   ] not checked: built with AddressSanitizer\n");
    }
    QByteArray received = upload.received;
    expectProblem(takeResponse(received), 413, u"payload-too-large"_s);
    EXPECT_EQ(m_handled, 1); // the warm-up request only
}

INSTANTIATE_TEST_SUITE_P(, RequestGuardMemoryTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool> &info) {
                             return std::string(info.param ? "Chunked" : "ContentLength");
                         });

} // namespace
