#include "core/observe/tenantlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Tenantry::Observe {
namespace {

const QString kDayFormat = u"yyyy-MM-dd"_s;

bool safeId(const QString &tenantId)
{
    // Ids are UUIDs; anything else (empty, a path) must never become a directory name.
    // A plain loop: this runs for every request.
    if (tenantId.isEmpty() || tenantId.size() > 64)
        return false;
    return std::all_of(tenantId.cbegin(), tenantId.cend(), [](QChar c) {
        return c.isDigit() || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F') || c == u'-';
    });
}

// Appends `text` as a JSON string (RFC 8259): quotes, backslashes and control characters
// escaped, everything else as UTF-8.
void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    out += '"';
    for (const char ch : utf8) {
        const auto byte = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[byte >> 4];
            out += "0123456789abcdef"[byte & 0xf];
        } else {
            out += ch;
        }
    }
    out += '"';
}

// Cursor: "<day>:<line index within that day>", where the next page starts.
QString cursorFor(const QDate &day, qint64 line)
{
    return day.toString(kDayFormat) + u':' + QString::number(line);
}

} // namespace

TenantLog::TenantLog(const QString &dataDir, const Clock &clock, qint64 maxQueuedBytes)
    : m_root(QDir(dataDir).filePath(u"tenants"_s))
    , m_clock(clock)
    , m_maxQueuedBytes(maxQueuedBytes)
{
}

QString TenantLog::dirFor(const QString &tenantId) const
{
    return QDir(m_root).filePath(tenantId + u"/logs"_s);
}

void TenantLog::append(const QString &tenantId, const QString &kind, QJsonObject fields)
{
    if (!safeId(tenantId))
        return;
    const QDateTime now = m_clock.now().toUTC();
    fields.insert(u"ts"_s, now.toString(Qt::ISODateWithMs));
    fields.insert(u"kind"_s, kind);
    enqueue(tenantId, now.date(), QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n');
}

void TenantLog::appendRequest(const QString &tenantId, const RequestLine &request)
{
    if (!safeId(tenantId))
        return;
    // Written by hand rather than through a QJsonObject: this runs for every request, and
    // building, timestamping and serialising an object cost several microseconds there
    // (docs/benchmarks.md). Keys in the order QJsonObject writes them, so lines read alike.
    const QDateTime now = m_clock.now().toUTC();
    const QDate day = now.date();
    const QTime time = now.time();
    QByteArray line;
    line.reserve(192 + request.path.size());
    line += "{\"duration_ms\":";
    line += QByteArray::number(double(request.durationUs) / 1000.0, 'f', 3);
    line += ",\"kind\":\"request\",\"method\":";
    appendJsonString(line, request.method);
    line += ",\"path\":";
    appendJsonString(line, request.path);
    line += ",\"request_id\":";
    appendJsonString(line, request.requestId.toUtf8());
    line += ",\"source\":";
    appendJsonString(line, request.source.toUtf8());
    line += ",\"status\":";
    line += QByteArray::number(request.status);
    char ts[32];
    const int n = std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", day.year(), day.month(),
                                day.day(), time.hour(), time.minute(), time.second(), time.msec());
    line += ",\"ts\":\"";
    line.append(ts, n);
    line += "\"}\n";
    enqueue(tenantId, day, line);
}

void TenantLog::enqueue(const QString &tenantId, const QDate &day, const QByteArray &line)
{
    QMutexLocker lock(&m_mutex);
    if (m_queuedBytes + line.size() > m_maxQueuedBytes) {
        m_dropped.fetch_add(1);
        return;
    }
    m_queued[{tenantId, day}].append(line);
    m_queuedBytes += line.size();
}

Status TenantLog::flush()
{
    QHash<QPair<QString, QDate>, QByteArray> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_queued);
        m_queuedBytes = 0;
    }
    Status result;
    for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
        const QString dir = dirFor(it.key().first);
        // A tenant without a data space (purged meanwhile) gets no log: never recreate it.
        if (!QDir(QFileInfo(dir).path()).exists())
            continue;
        QDir().mkpath(dir);
        QFile file(QDir(dir).filePath(it.key().second.toString(kDayFormat) + u".jsonl"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(it.value()) != it.value().size()) {
            result = Error::unavailable(u"log-write-failed"_s, u"Cannot write %1: %2"_s.arg(file.fileName(), file.errorString()));
        }
    }
    return result;
}

Result<int> TenantLog::removeExpired(int retentionDays)
{
    const QDate oldestKept = m_clock.now().toUTC().date().addDays(-retentionDays);
    int removed = 0;
    const QDir root(m_root);
    for (const QString &tenant : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QDir logs(root.filePath(tenant + u"/logs"_s));
        for (const QString &name : logs.entryList({u"*.jsonl"_s}, QDir::Files)) {
            const QDate day = QDate::fromString(name.chopped(6), kDayFormat);
            if (day.isValid() && day < oldestKept && logs.remove(name))
                ++removed;
        }
    }
    return removed;
}

Result<LogPage> TenantLog::read(const QString &tenantId, const LogQuery &query) const
{
    if (query.limit < 1 || query.limit > 1000)
        return Error::invalid(u"invalid-limit"_s, u"The page size must be between 1 and 1000."_s, {{u"limit"_s, u"out of range"_s}});
    if (query.from.isValid() && query.to.isValid() && query.from > query.to)
        return Error::invalid(u"invalid-time-range"_s, u"'from' must not be after 'to'."_s);
    QDate startDay;
    qint64 startLine = 0;
    if (!query.cursor.isEmpty()) {
        const QStringList parts = query.cursor.split(u':');
        bool ok = parts.size() == 2;
        startDay = ok ? QDate::fromString(parts[0], kDayFormat) : QDate();
        startLine = ok ? parts[1].toLongLong(&ok) : 0;
        if (!ok || !startDay.isValid() || startLine < 0)
            return Error::invalid(u"invalid-cursor"_s, u"The cursor is not one this server handed out."_s);
    }
    LogPage page;
    if (!safeId(tenantId))
        return page;
    QDir logs(dirFor(tenantId));
    QStringList days = logs.entryList({u"*.jsonl"_s}, QDir::Files, QDir::Name);
    for (const QString &name : days) {
        const QDate day = QDate::fromString(name.chopped(6), kDayFormat);
        if (!day.isValid() || (startDay.isValid() && day < startDay))
            continue;
        if (query.from.isValid() && day < query.from.toUTC().date())
            continue;
        if (query.to.isValid() && day > query.to.toUTC().date())
            break;
        QFile file(logs.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        qint64 index = -1;
        while (!file.atEnd()) {
            const QByteArray raw = file.readLine();
            ++index;
            if (day == startDay && index < startLine)
                continue;
            const QJsonObject line = QJsonDocument::fromJson(raw).object();
            const QDateTime ts = QDateTime::fromString(line.value(u"ts"_s).toString(), Qt::ISODateWithMs);
            if ((query.from.isValid() && ts < query.from) || (query.to.isValid() && ts >= query.to))
                continue;
            if (!query.kind.isEmpty() && line.value(u"kind"_s).toString() != query.kind)
                continue;
            if (page.items.size() == query.limit) {
                page.nextCursor = cursorFor(day, index);
                return page;
            }
            page.items.append(line);
        }
    }
    return page;
}

} // namespace Tenantry::Observe
