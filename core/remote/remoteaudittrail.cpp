#include "core/remote/remoteaudittrail.h"

#include "core/observe/auditlog.h"

#include <QIODevice>
#include <QJsonArray>

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace Tenantry::Remote {
namespace {

using Observe::AuditEntry;
using Observe::AuditPage;
using Observe::AuditQuery;
using Observe::VerifyReport;

constexpr int kMaxPageSize = 1000;
// A CSV header row is a few hundred bytes; one that never ends is not a header.
constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

Error unexpected(const QString &message)
{
    return Error{ErrorKind::Internal, u"unexpected-response"_s, message, {}};
}

void addParam(QUrlQuery &params, const QString &name, const QString &value)
{
    params.addQueryItem(name, encoded(value));
}

// The admin API answers a negative cursor (like a limit out of range) with "invalid-query";
// the other malformed filters it reports under AuditTrail's codes itself.
Status checkCursor(const AuditQuery &query)
{
    if (query.afterSeq < 0)
        return Error::invalid(u"invalid-cursor"_s, u"The cursor must be a sequence number from a previous page."_s);
    return {};
}

// The route parameters of every filter in `query` (not its limit).
QUrlQuery filterParams(const AuditQuery &query)
{
    QUrlQuery params;
    if (!query.tenantId.isEmpty())
        addParam(params, u"tenant_id"_s, query.tenantId);
    if (!query.actor.isEmpty())
        addParam(params, u"actor"_s, query.actor);
    if (!query.action.isEmpty())
        addParam(params, u"action"_s, query.action);
    if (query.from.isValid())
        addParam(params, u"from"_s, query.from.toUTC().toString(Qt::ISODateWithMs));
    if (query.to.isValid())
        addParam(params, u"to"_s, query.to.toUTC().toString(Qt::ISODateWithMs));
    if (query.afterSeq > 0)
        addParam(params, u"cursor"_s, QString::number(query.afterSeq));
    if (query.newestFirst)
        addParam(params, u"order"_s, u"newest"_s);
    return params;
}

// Accepts the cursor as the API writes it (a decimal string, so no JSON reader rounds it)
// and as a plain number.
Result<qint64> readCursor(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return qint64(0);
    bool ok = value.isDouble();
    qint64 cursor = value.toInteger(-1);
    if (value.isString())
        cursor = value.toString().toLongLong(&ok);
    if (!ok || cursor < 0)
        return unexpected(u"The server's audit page has no valid next_cursor."_s);
    return cursor;
}

// Hands the downloads of one export to `out`. Every CSV download starts with the header
// row, and the contract promises it once per call, so downloads after the first drop theirs.
class ExportSink
{
public:
    enum class Header {
        Keep,      // write everything
        Drop,      // write what follows the header row
        KeepOnly,  // write the header row and nothing else
    };

    explicit ExportSink(QIODevice &out) : m_out(out) {}

    void startDownload(Header header)
    {
        m_header = header;
        m_headerSeen = header == Header::Keep;
        m_pending.clear();
    }

    // The AdminClient sink: false stops the download.
    bool accept(const QByteArray &chunk)
    {
        if (m_headerSeen)
            return m_header == Header::KeepOnly || write(chunk);
        m_pending.append(chunk);
        const qsizetype end = m_pending.indexOf("\r\n");
        if (end < 0) {
            if (m_pending.size() <= kMaxHeaderBytes)
                return true;
            m_malformed = true;
            return false;
        }
        m_headerSeen = true;
        const QByteArray pending = std::exchange(m_pending, {});
        if (m_header == Header::KeepOnly)
            return write(pending.left(end + 2));
        return write(pending.mid(end + 2));
    }

    // Why a download that stopped in the sink failed; otherwise `failure` itself.
    Error explain(const Error &failure) const
    {
        if (m_writeFailed) {
            return Error::unavailable(u"export-write-failed"_s,
                                      u"Writing the audit export failed: %1"_s.arg(m_writeError));
        }
        if (m_malformed)
            return unexpected(u"The server's CSV export does not start with a header row."_s);
        return failure;
    }

private:
    bool write(const QByteArray &bytes)
    {
        if (bytes.isEmpty() || m_out.write(bytes) == bytes.size())
            return true;
        m_writeFailed = true;
        m_writeError = m_out.errorString();
        return false;
    }

    QIODevice &m_out;
    Header m_header = Header::Keep;
    bool m_headerSeen = true;
    QByteArray m_pending; // the start of a header row split across chunks
    bool m_writeFailed = false;
    bool m_malformed = false;
    QString m_writeError;
};

} // namespace

RemoteAuditTrail::RemoteAuditTrail(AdminClient &client, qint64 exportPageEntries)
    : m_client(client)
    , m_exportPageEntries(std::clamp<qint64>(exportPageEntries, 1, kMaxExportPageEntries))
{
}

Result<AuditPage> RemoteAuditTrail::query(const AuditQuery &query)
{
    if (query.limit < 1 || query.limit > kMaxPageSize) {
        return Error::invalid(u"invalid-limit"_s, u"The page size must be between 1 and %1."_s.arg(kMaxPageSize),
                              {{u"limit"_s, u"Between 1 and %1."_s.arg(kMaxPageSize)}});
    }
    if (Status s = checkCursor(query); !s)
        return s.error();
    QUrlQuery params = filterParams(query);
    params.addQueryItem(u"limit"_s, QString::number(query.limit));
    auto body = m_client.getJson(u"/admin/v1/audit"_s, params);
    if (!body)
        return body.error();
    const QJsonValue items = body->value(u"items"_s);
    if (!items.isArray())
        return unexpected(u"The server's audit page has no items."_s);
    AuditPage page;
    page.items.reserve(items.toArray().size());
    for (const QJsonValue &item : items.toArray()) {
        auto entry = Observe::auditEntryFromJson(item.toObject());
        if (!entry)
            return entry.error();
        page.items.append(std::move(entry).value());
    }
    auto cursor = readCursor(body->value(u"next_cursor"_s));
    if (!cursor)
        return cursor.error();
    page.nextCursor = cursor.value();
    return page;
}

Status RemoteAuditTrail::exportJsonLines(const AuditQuery &query, QIODevice &out, qint64 maxEntries,
                                         qint64 *nextCursor)
{
    return exportAs(Format::JsonLines, query, out, maxEntries, nextCursor);
}

Status RemoteAuditTrail::exportCsv(const AuditQuery &query, QIODevice &out, qint64 maxEntries, qint64 *nextCursor)
{
    return exportAs(Format::Csv, query, out, maxEntries, nextCursor);
}

Status RemoteAuditTrail::exportAs(Format format, const AuditQuery &query, QIODevice &out, qint64 maxEntries,
                                  qint64 *nextCursor)
{
    if (nextCursor)
        *nextCursor = 0;
    if (Status s = checkCursor(query); !s)
        return s;
    const bool csv = format == Format::Csv;
    ExportSink sink(out);
    const auto accept = [&sink](const QByteArray &chunk) { return sink.accept(chunk); };
    AuditQuery page = query;

    // No entries wanted: a CSV export still has its header row, which only the server knows.
    if (maxEntries == 0) {
        if (!csv)
            return {};
        sink.startDownload(ExportSink::Header::KeepOnly);
        QUrlQuery params = filterParams(page);
        params.addQueryItem(u"format"_s, u"csv"_s);
        params.addQueryItem(u"limit"_s, u"1"_s);
        auto reply = m_client.send("GET", u"/admin/v1/audit/export"_s, params, {}, {}, accept);
        return reply ? Status() : Status(sink.explain(reply.error()));
    }

    qint64 remaining = maxEntries < 0 ? std::numeric_limits<qint64>::max() : maxEntries;
    for (bool first = true;; first = false) {
        const qint64 limit = std::min(remaining, m_exportPageEntries);
        sink.startDownload(first || !csv ? ExportSink::Header::Keep : ExportSink::Header::Drop);
        QUrlQuery params = filterParams(page);
        params.addQueryItem(u"format"_s, csv ? u"csv"_s : u"jsonl"_s);
        params.addQueryItem(u"limit"_s, QString::number(limit));
        auto reply = m_client.send("GET", u"/admin/v1/audit/export"_s, params, {}, {}, accept);
        if (!reply)
            return sink.explain(reply.error());
        const QByteArray next = reply->header("x-next-cursor");
        if (next.isEmpty())
            return {};
        bool ok = false;
        const qint64 cursor = next.toLongLong(&ok);
        if (!ok || cursor < 0)
            return unexpected(u"The server's audit export has no valid X-Next-Cursor."_s);
        if (cursor == 0)
            return {};
        // The route names a cursor only after a full download of `limit` entries.
        remaining -= limit;
        if (remaining <= 0) {
            if (nextCursor)
                *nextCursor = cursor;
            return {};
        }
        page.afterSeq = cursor;
    }
}

Result<VerifyReport> RemoteAuditTrail::verify(const std::function<void(qint64 checked)> &progress)
{
    auto body = m_client.getJson(u"/admin/v1/audit/verify"_s);
    if (!body)
        return body.error();
    const QJsonValue intact = body->value(u"intact"_s);
    const QJsonValue checked = body->value(u"checked"_s);
    if (!intact.isBool() || checked.toInteger(-1) < 0)
        return unexpected(u"The server's audit verification report cannot be read."_s);
    VerifyReport report;
    report.intact = intact.toBool();
    report.checked = checked.toInteger();
    if (!report.intact) {
        report.firstBadSeq = body->value(u"first_bad_seq"_s).toInteger();
        report.problem = body->value(u"problem"_s).toString();
        report.message = body->value(u"message"_s).toString();
    }
    if (progress)
        progress(report.checked);
    return report;
}

} // namespace Tenantry::Remote
