#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>

namespace Tenantry::Observe {

// Which log lines to read back. `cursor` continues a previous page.
struct LogQuery {
    QDateTime from, to; // half-open [from, to); invalid = open
    QString kind;       // "request" or "event"; empty = both
    int limit = 100;    // 1..1000
    QString cursor;     // opaque, from LogPage::nextCursor
};

struct LogPage {
    QList<QJsonObject> items;
    QString nextCursor; // empty when there is nothing more
};

// What the server logs about one request it served for a tenant: no headers, query string or
// body, since they may carry credentials or personal data.
struct RequestLine {
    QString requestId;
    QByteArray method;
    QByteArray path;   // as received (percent-encoded), without the query
    int status = 0;
    qint64 durationUs = 0;
    QString source;    // client address
};

// Structured logs kept apart per tenant: JSON lines in one file per UTC day under the
// tenant's own data space, "<data dir>/tenants/<tenant id>/logs/YYYY-MM-DD.jsonl" — the
// directory is named by the immutable tenant id, so no request can name another tenant's
// files, and purging the tenant removes them with its data space.
//
// append() only queues (it runs on the request path); flush() writes the queued lines,
// one open/append/close per tenant and day, and is called by the server every second.
// The queue is bounded; beyond it lines are dropped and counted. Old files are removed by
// removeExpired(). Lines are kept per server process: several servers each keep their own.
// Thread-safe.
class TenantLog
{
public:
    TenantLog(const QString &dataDir, const Clock &clock, qint64 maxQueuedBytes = 8 * 1024 * 1024);

    // Queues one line for `tenantId`; `fields` gets "ts" (ISO 8601, ms) and "kind" added.
    void append(const QString &tenantId, const QString &kind, QJsonObject fields);
    // Queues a "request" line: {"duration_ms", "kind": "request", "method", "path",
    // "request_id", "source", "status", "ts"} — the same line append() would write for
    // those fields, made without a QJsonObject because it runs for every request.
    void appendRequest(const QString &tenantId, const RequestLine &request);
    Status flush();
    // Deletes day files older than `retentionDays` (by file date) for every tenant.
    Result<int> removeExpired(int retentionDays);
    Result<LogPage> read(const QString &tenantId, const LogQuery &query) const;

    qint64 dropped() const { return m_dropped.load(); }

private:
    QString dirFor(const QString &tenantId) const;
    void enqueue(const QString &tenantId, const QDate &day, const QByteArray &line);

    QString m_root;
    const Clock &m_clock;
    const qint64 m_maxQueuedBytes;
    QMutex m_mutex;
    QHash<QPair<QString, QDate>, QByteArray> m_queued; // (tenant id, day) -> lines
    qint64 m_queuedBytes = 0;
    std::atomic<qint64> m_dropped{0};
};

} // namespace Tenantry::Observe
