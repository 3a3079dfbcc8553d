#pragma once

#include <QTcpServer>

namespace Tenantry::Http {

// Size limits for every HTTP/1.1 request on a guarded connection. Both are checked on the
// raw bytes before QtHttpServer buffers them; a value is inclusive (exactly the limit is fine).
struct RequestLimits {
    qint64 maxHeaderBytes = 16 * 1024;        // request line + headers, up to and including the blank line
    qint64 maxBodyBytes = 1 * 1024 * 1024;    // per request
};

// A QTcpServer to hand to QAbstractHttpServer::bind(). Every connection it accepts is watched
// by a guard that sees each request's bytes before QtHttpServer does.
//
// Why it exists: QtHttpServer 6.4 has no size limits and no before-request hook. It reads a
// request inside a read transaction on the socket and keeps every byte until the request is
// complete, so every upload costs memory in proportion to its size (a 100 MiB one raised the
// peak RSS by about 290 MiB in our measurement). The guard tracks HTTP/1.1 framing
// (Content-Length, chunked, keep-alive) on the bytes as they arrive and refuses a request as
// soon as a limit is certain to be broken:
//   - head (request line + header fields) over maxHeaderBytes: 431
//   - body over maxBodyBytes: 413 — for Content-Length before any body byte is read (so
//     `Expect: 100-continue` clients never send it), for chunked at the chunk-size line that
//     crosses the limit, before that chunk's data
//   - framing that QtHttpServer would read differently from us (invalid, negative or
//     conflicting Content-Length, Content-Length together with Transfer-Encoding, transfer
//     codings other than chunked, malformed chunks, trailers, malformed header lines): 400
// A refusal is an application/problem+json response (built by problemResponse()) with
// `Connection: close`, and QtHttpServer's handler never sees the refused request: the guard
// takes the connection over, sends the response, half-closes, discards whatever the client
// still sends (64 KiB at a time, nothing kept), and closes the connection when the client
// does, or aborts it after 2 s.
// Requests within the limits reach QtHttpServer unchanged; for a within-limit
// `Expect: 100-continue` request the guard sends the `100 Continue` that QtHttpServer 6.4
// never sends. A connection QtHttpServer hands to its WebSocket server is no longer guarded.
//
// Contract: listen() on it yourself, then bind() it to exactly one QAbstractHttpServer before
// the first connection arrives; the guard relies on QtHttpServer connecting to each socket
// while the connection is being accepted (6.4 does, through pendingConnectionAvailable).
// Plain TCP only (a TLS server would need the same guard on a QSslServer's decrypted stream).
// Lives in, and must be used from, the thread of the HTTP server it is bound to.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(RequestLimits limits, QObject *parent = nullptr);

    const RequestLimits &limits() const;

protected:
    void incomingConnection(qintptr handle) override;

private:
    RequestLimits m_limits;
};

} // namespace Tenantry::Http
