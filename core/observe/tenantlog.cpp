#include "core/observe/tenantlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Tenantry::Observe {
namespace {

const QString kDayFormat = u"yyyy-MM-dd"_s;

bool safeId(const QString &tenantId)
{
    // Ids are UUIDs; anything else (empty, a path) must never become a directory name.
    static const QRegularExpression uuid(u"^[0-9a-fA-F-]{1,64}$"_s);
    return uuid.match(tenantId).hasMatch();
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
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
    QMutexLocker lock(&m_mutex);
    if (m_queuedBytes + line.size() > m_maxQueuedBytes) {
        m_dropped.fetch_add(1);
        return;
    }
    m_queued[{tenantId, now.date()}].append(line);
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
