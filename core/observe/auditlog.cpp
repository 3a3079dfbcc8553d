#include "core/observe/auditlog.h"

#include "core/base/csv.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

#include <openssl/evp.h>

#include <array>
#include <charconv>
#include <optional>

Q_LOGGING_CATEGORY(lcAudit, "tenantry.audit")

using namespace Qt::StringLiterals;

namespace Tenantry::Observe {
namespace {

constexpr qsizetype kMaxActionLength = 64;
constexpr qsizetype kMaxFieldLength = 200;
constexpr qsizetype kMaxStateBytes = 256 * 1024;
constexpr int kMaxPageSize = 1000;
constexpr int kVerifyChunk = 10000;
// How far from its own seq verify() looks for the seq an entry's hash was computed for,
// to tell a moved entry ("reordered") from a changed one ("altered").
constexpr qint64 kReorderWindow = 256;

const QString kGenesisHash = QString(64, u'0');

const QString kColumns = u"seq, occurred_at, actor, tenant_id, action, target, before_json, after_json, "
                         "request_id, source, prev_hash, hash"_s;

// The fields an entry's hash covers, as the UTF-8 bytes that are stored. std::nullopt is a
// SQL NULL, distinct from an empty value.
struct ChainFields {
    qint64 seq = 0;
    qint64 occurredAtMs = 0;
    QByteArray actor;
    std::optional<QByteArray> tenantId;
    QByteArray action;
    QByteArray target;
    std::optional<QByteArray> beforeJson;
    std::optional<QByteArray> afterJson;
    QByteArray requestId;
    QByteArray source;
    QByteArray prevHash;
};

// THE canonical encoding of an entry (version 1). Every hash in every audit log is
// SHA-256 over these bytes, so changing this function invalidates all stored hashes.
//
//   "tenantry-audit-v1,"  then each field, in this order:
//     seq, occurred_at, actor, tenant_id, action, target, before_json, after_json,
//     request_id, source, prev_hash
//   as  <decimal byte length> ':' <bytes> ','   e.g. "5:hello,", "0:," for an empty value
//   or  "~,"                                    for a NULL (tenant_id, before/after only)
//
// seq and occurred_at are decimal ASCII (occurred_at in ms since the epoch, UTC). Text is
// UTF-8 exactly as stored. before/after are the stored compact JSON text (written once by
// QJsonDocument::Compact, object keys sorted) and are hashed as stored, never
// re-serialized, so a Qt that formats numbers differently cannot break old hashes.
// prev_hash is lower-case hex. Why length prefixes: the encoding is then injective, so no
// choice of values can shift bytes from one field into its neighbour and collide with a
// different entry ("a," + "b" vs "a" + ",b"); '~' cannot start a length, so NULL differs
// from every value including "". The leading tag separates this from any other use of
// SHA-256 and lets a future version be told apart.
void appendCanonical(QByteArray &out, const ChainFields &f)
{
    out.append("tenantry-audit-v1,");
    const auto value = [&out](QByteArrayView bytes) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, bytes.size()).ptr;
        out.append(digits, end - digits).append(':').append(bytes).append(',');
    };
    const auto nullable = [&](const std::optional<QByteArray> &bytes) {
        if (bytes)
            value(*bytes);
        else
            out.append("~,");
    };
    const auto number = [&](qint64 n) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        value(QByteArrayView(digits, end - digits));
    };
    number(f.seq);
    number(f.occurredAtMs);
    value(f.actor);
    nullable(f.tenantId);
    value(f.action);
    value(f.target);
    nullable(f.beforeJson);
    nullable(f.afterJson);
    value(f.requestId);
    value(f.source);
    value(f.prevHash);
}

// SHA-256 through OpenSSL's EVP interface (several times faster than QCryptographicHash's
// portable C code on CPUs with SHA extensions). One per call of ours: not thread-safe.
class Sha256
{
public:
    using Hex = std::array<char, 64>;

    Sha256() : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr)), m_ctx(EVP_MD_CTX_new()) {}
    ~Sha256()
    {
        EVP_MD_CTX_free(m_ctx);
        EVP_MD_free(m_md);
    }
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    // The lower-case hex digest of `data`; false only if OpenSSL fails.
    bool hex(QByteArrayView data, Hex &out)
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (!m_md || !m_ctx || EVP_DigestInit_ex2(m_ctx, m_md, nullptr) != 1
            || EVP_DigestUpdate(m_ctx, data.data(), size_t(data.size())) != 1
            || EVP_DigestFinal_ex(m_ctx, digest, &length) != 1 || length != 32) {
            return false;
        }
        static constexpr char kDigits[] = "0123456789abcdef";
        for (unsigned int i = 0; i < 32; ++i) {
            out[2 * i] = kDigits[digest[i] >> 4];
            out[2 * i + 1] = kDigits[digest[i] & 0xf];
        }
        return true;
    }

private:
    EVP_MD *m_md;
    EVP_MD_CTX *m_ctx;
};

// Computes the hash of `f` into `hex`, reusing `buffer` so the verify loop does not allocate.
bool chainHash(Sha256 &sha, QByteArray &buffer, const ChainFields &f, Sha256::Hex &hex)
{
    buffer.resize(0); // keeps the capacity
    appendCanonical(buffer, f);
    return sha.hex(buffer, hex);
}

QLatin1String view(const Sha256::Hex &hex)
{
    return QLatin1String(hex.data(), qsizetype(hex.size()));
}

// The columns verify() reads, in kColumns' order. On SQLite the text comes as its stored
// UTF-8 bytes (CAST AS BLOB), skipping the UTF-8 -> UTF-16 -> UTF-8 round trip through
// QString that otherwise takes most of verify()'s time; QPSQL has no such shortcut.
QString verifyColumns(Storage::Dialect dialect)
{
    if (dialect == Storage::Dialect::Postgres)
        return kColumns;
    QStringList columns = kColumns.split(u", "_s);
    for (qsizetype i = 2; i < columns.size(); ++i)
        columns[i] = u"CAST("_s + columns[i] + u" AS BLOB)"_s;
    return columns.join(u", "_s);
}

QByteArray utf8(const QVariant &v)
{
    return v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
}

std::optional<QByteArray> nullableUtf8(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return utf8(v);
}

// Reads a row of verifyColumns() (without the final `hash`) into `f`.
void readFields(const QSqlQuery &q, ChainFields &f)
{
    f.seq = q.value(0).toLongLong();
    f.occurredAtMs = q.value(1).toLongLong();
    f.actor = utf8(q.value(2));
    f.tenantId = nullableUtf8(q.value(3));
    f.action = utf8(q.value(4));
    f.target = utf8(q.value(5));
    f.beforeJson = nullableUtf8(q.value(6));
    f.afterJson = nullableUtf8(q.value(7));
    f.requestId = utf8(q.value(8));
    f.source = utf8(q.value(9));
    f.prevHash = utf8(q.value(10));
}

// A stored before/after value back as JSON. The text holds one JSON value of any type, and
// QJsonDocument parses only objects and arrays, hence the wrapping array.
QJsonValue parseState(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue(QJsonValue::Null);
    const QJsonDocument doc = QJsonDocument::fromJson('[' + v.toString().toUtf8() + ']');
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().at(0) : QJsonValue(QJsonValue::Null);
}

// The compact JSON text of a before/after value; nullopt for Null/Undefined ("no state").
std::optional<QByteArray> stateText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2); // strip the wrapping array's brackets
}

AuditEntry readEntry(const QSqlQuery &q)
{
    AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.at = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    e.actor = q.value(2).toString();
    e.tenantId = q.value(3).toString();
    e.action = q.value(4).toString();
    e.target = q.value(5).toString();
    e.before = parseState(q.value(6));
    e.after = parseState(q.value(7));
    e.requestId = q.value(8).toString();
    e.source = q.value(9).toString();
    e.prevHash = q.value(10).toString();
    e.hash = q.value(11).toString();
    return e;
}

const QRegularExpression &actionPattern()
{
    static const QRegularExpression pattern(u"^[a-z_]+(\\.[a-z_]+)*$"_s);
    return pattern;
}

bool validAction(const QString &action)
{
    return !action.isEmpty() && action.size() <= kMaxActionLength && actionPattern().match(action).hasMatch();
}

// Text exactly as it will be read back: a lone UTF-16 surrogate does not survive the trip
// through UTF-8 in the database, so hash and store its replacement instead. Never a null
// QString, which the drivers would bind as SQL NULL (the columns are NOT NULL).
QString stored(const QString &s)
{
    return s.isEmpty() ? QString(u""_s) : QString::fromUtf8(s.toUtf8());
}

Status checkField(const QString &name, const QString &value)
{
    if (value.size() > kMaxFieldLength) {
        return Error::invalid(u"invalid-audit-field"_s,
                              u"The audit %1 is longer than %2 characters."_s.arg(name).arg(kMaxFieldLength),
                              {{name, u"At most %1 characters."_s.arg(kMaxFieldLength)}});
    }
    // PostgreSQL text cannot hold U+0000.
    if (value.contains(QChar(u'\0'))) {
        return Error::invalid(u"invalid-audit-field"_s, u"The audit %1 contains a NUL character."_s.arg(name),
                              {{name, u"Must not contain NUL."_s}});
    }
    return {};
}

struct Filter {
    QString sql; // " WHERE ..." or ""
    QVariantList values;
};

Result<Filter> filterFor(const AuditQuery &query)
{
    if (query.limit < 1 || query.limit > kMaxPageSize) {
        return Error::invalid(u"invalid-limit"_s, u"The page size must be between 1 and %1."_s.arg(kMaxPageSize),
                              {{u"limit"_s, u"Between 1 and %1."_s.arg(kMaxPageSize)}});
    }
    if (query.afterSeq < 0)
        return Error::invalid(u"invalid-cursor"_s, u"The cursor must be a sequence number from a previous page."_s);
    if (query.from.isValid() && query.to.isValid() && query.from > query.to) {
        return Error::invalid(u"invalid-time-range"_s, u"The start of the time range is after its end."_s);
    }
    QStringList conditions;
    Filter filter;
    if (!query.tenantId.isEmpty()) {
        conditions.append(u"tenant_id = ?"_s);
        filter.values.append(query.tenantId);
    }
    if (!query.actor.isEmpty()) {
        conditions.append(u"actor = ?"_s);
        filter.values.append(query.actor);
    }
    if (!query.action.isEmpty()) {
        if (query.action.endsWith(".*"_L1)) {
            const QString prefix = query.action.chopped(2);
            if (!validAction(prefix)) {
                return Error::invalid(u"invalid-action-filter"_s,
                                      u"'%1' is not an action or an action prefix such as 'tenant.*'."_s.arg(query.action));
            }
            // Actions are validated [a-z_.], so '_' (a LIKE wildcard) is the only character to escape.
            QString pattern = prefix;
            pattern.replace(u'_', u"\\_"_s);
            conditions.append(u"action LIKE ? ESCAPE '\\'"_s);
            filter.values.append(QString(pattern + u".%"_s));
        } else {
            if (!validAction(query.action)) {
                return Error::invalid(u"invalid-action-filter"_s,
                                      u"'%1' is not an action or an action prefix such as 'tenant.*'."_s.arg(query.action));
            }
            conditions.append(u"action = ?"_s);
            filter.values.append(query.action);
        }
    }
    if (query.from.isValid()) {
        conditions.append(u"occurred_at >= ?"_s);
        filter.values.append(query.from.toMSecsSinceEpoch());
    }
    if (query.to.isValid()) {
        conditions.append(u"occurred_at < ?"_s);
        filter.values.append(query.to.toMSecsSinceEpoch());
    }
    if (query.afterSeq > 0) {
        conditions.append(query.newestFirst ? u"seq < ?"_s : u"seq > ?"_s);
        filter.values.append(query.afterSeq);
    }
    if (!conditions.isEmpty())
        filter.sql = u" WHERE "_s + conditions.join(u" AND "_s);
    return filter;
}

// Calls `each` for every entry matching `query`, a page at a time.
// Feeds `each` the matching entries page by page, at most `maxEntries` of them (all when
// negative); `nextCursor`, if given, receives where a further call would continue (0: done).
Status forEachEntry(AuditLog &log, AuditQuery query, qint64 maxEntries, qint64 *nextCursor,
                    const std::function<Status(const AuditPage &)> &each)
{
    qint64 remaining = maxEntries < 0 ? std::numeric_limits<qint64>::max() : maxEntries;
    if (nextCursor)
        *nextCursor = 0;
    while (remaining > 0) {
        query.limit = int(std::min<qint64>(kMaxPageSize, remaining));
        auto page = log.query(query);
        if (!page)
            return page.error();
        if (Status s = each(page.value()); !s)
            return s;
        remaining -= page->items.size();
        if (nextCursor)
            *nextCursor = page->nextCursor;
        if (page->nextCursor == 0)
            return {};
        query.afterSeq = page->nextCursor;
    }
    return {};
}

Status writeAll(QIODevice &out, const QByteArray &bytes)
{
    if (out.write(bytes) != bytes.size()) {
        return Error::unavailable(u"export-write-failed"_s,
                                  u"Writing the audit export failed: %1"_s.arg(out.errorString()));
    }
    return {};
}

QString compactJson(const QJsonValue &v)
{
    const auto text = stateText(v);
    return text ? QString::fromUtf8(*text) : QString();
}

Result<std::optional<qint64>> readHead(QSqlDatabase &db)
{
    auto q = Storage::runQuery(db, u"SELECT value FROM catalog_state WHERE name = 'audit_head'"_s);
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

VerifyReport broken(VerifyReport report, qint64 seq, const QString &problem, const QString &message)
{
    report.intact = false;
    report.firstBadSeq = seq;
    report.problem = problem;
    report.message = message;
    return report;
}

} // namespace

AuditLog::AuditLog(Storage::Catalog &catalog, const Clock &clock) : m_catalog(catalog), m_clock(clock) {}

Status AuditLog::record(QSqlDatabase &tx, const Actor &actor, const AuditEvent &event)
{
    if (!validAction(event.action)) {
        return Error::invalid(u"invalid-audit-action"_s,
                              u"'%1' is not a valid audit action: use dotted lower-case words such as "
                              "'tenant.create' (letters and '_', at most %2 characters)."_s
                                  .arg(event.action.left(kMaxActionLength))
                                  .arg(kMaxActionLength),
                              {{u"action"_s, u"Dotted lower-case words."_s}});
    }
    if (actor.id.isEmpty() || actor.id.size() > kMaxFieldLength) {
        return Error::invalid(u"invalid-audit-actor"_s,
                              u"An audit entry needs an actor of at most %1 characters."_s.arg(kMaxFieldLength),
                              {{u"actor"_s, u"1 to %1 characters."_s.arg(kMaxFieldLength)}});
    }
    for (const auto &[name, value] : {std::pair{u"actor"_s, actor.id}, std::pair{u"target"_s, event.target},
                                      std::pair{u"tenant id"_s, event.tenantId},
                                      std::pair{u"request id"_s, actor.requestId},
                                      std::pair{u"source"_s, actor.source}}) {
        if (Status s = checkField(name, value); !s)
            return s;
    }
    const std::optional<QByteArray> before = stateText(event.before);
    const std::optional<QByteArray> after = stateText(event.after);
    for (const auto &[name, state] : {std::pair{u"before"_s, &before}, std::pair{u"after"_s, &after}}) {
        if (*state && (*state)->size() > kMaxStateBytes) {
            return Error::invalid(u"audit-state-too-large"_s,
                                  u"The audit entry's %1 state is %2 bytes of JSON; at most %3 are kept."_s
                                      .arg(name)
                                      .arg((*state)->size())
                                      .arg(kMaxStateBytes),
                                  {{name, u"At most %1 bytes of JSON."_s.arg(kMaxStateBytes)}});
        }
    }

    // Writing the head first takes the lock that serializes appends before anything is
    // read: on PostgreSQL the row lock (held to commit; a concurrent appender waits, then
    // increments the committed value), on SQLite the database write lock, so the read
    // below cannot come from a snapshot older than the last append.
    auto bump = Storage::runQuery(tx, u"UPDATE catalog_state SET value = value + 1 WHERE name = 'audit_head'"_s);
    if (!bump)
        return bump.error();
    if (bump->numRowsAffected() != 1)
        return Error::internal(u"The catalog has no audit head ('audit_head' in catalog_state)."_s);
    auto head = Storage::runQuery(tx,
                                  u"SELECT s.value, a.hash FROM catalog_state s "
                                  "LEFT JOIN audit_log a ON a.seq = s.value - 1 WHERE s.name = 'audit_head'"_s);
    if (!head)
        return head.error();
    if (!head->next())
        return Error::internal(u"The catalog's audit head vanished during an append."_s);
    ChainFields f;
    f.seq = head->value(0).toLongLong();
    QString prevHash = head->value(1).toString();
    if (f.seq == 1) {
        prevHash = kGenesisHash;
    } else if (prevHash.isEmpty()) {
        // The newest entries were removed. Refusing to append would stop every audited change
        // in the system, and recording what happens next is worth more to an investigation;
        // verify() reports the removal ("missing") either way.
        qCCritical(lcAudit) << "audit entry" << f.seq - 1 << "is missing; appending" << f.seq
                            << "anyway - run `tenantry audit verify`";
        prevHash = kGenesisHash;
    }

    const QString actorId = stored(actor.id), tenantId = stored(event.tenantId), action = event.action,
                  target = stored(event.target), requestId = stored(actor.requestId), source = stored(actor.source);
    f.occurredAtMs = m_clock.now().toMSecsSinceEpoch();
    f.actor = actorId.toUtf8();
    if (!tenantId.isEmpty())
        f.tenantId = tenantId.toUtf8();
    f.action = action.toUtf8();
    f.target = target.toUtf8();
    f.beforeJson = before;
    f.afterJson = after;
    f.requestId = requestId.toUtf8();
    f.source = source.toUtf8();
    f.prevHash = prevHash.toUtf8();

    Sha256 sha;
    QByteArray buffer;
    Sha256::Hex hex;
    if (!chainHash(sha, buffer, f, hex))
        return Error::internal(u"Computing an audit hash failed (OpenSSL SHA-256)."_s);

    const QVariant nullText(QMetaType::fromType<QString>());
    const auto text = [&](const std::optional<QByteArray> &bytes) {
        return bytes ? QVariant(QString::fromUtf8(*bytes)) : nullText;
    };
    auto insert = Storage::runQuery(tx,
                                    u"INSERT INTO audit_log (seq, occurred_at, actor, tenant_id, action, target, "
                                    "before_json, after_json, request_id, source, prev_hash, hash) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                                    {f.seq, f.occurredAtMs, actorId, text(f.tenantId), action, target,
                                     text(f.beforeJson), text(f.afterJson), requestId, source, prevHash,
                                     QString(view(hex))});
    if (!insert)
        return insert.error();
    return {};
}

Status AuditLog::recordNow(const Actor &actor, const AuditEvent &event)
{
    return m_catalog.transaction([&](QSqlDatabase &tx) { return record(tx, actor, event); });
}

Result<AuditPage> AuditLog::query(const AuditQuery &query)
{
    auto filter = filterFor(query);
    if (!filter)
        return filter.error();
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    QVariantList values = filter->values;
    values.append(query.limit + 1); // one more tells whether another page follows
    auto q = Storage::runQuery(db.value(),
                               u"SELECT "_s + kColumns + u" FROM audit_log"_s + filter->sql + u" ORDER BY seq "_s
                                   + (query.newestFirst ? u"DESC"_s : u"ASC"_s) + u" LIMIT ?"_s,
                               values);
    if (!q)
        return q.error();
    AuditPage page;
    page.items.reserve(query.limit + 1);
    while (q->next())
        page.items.append(readEntry(q.value()));
    if (page.items.size() > query.limit) {
        page.items.removeLast();
        page.nextCursor = page.items.last().seq;
    }
    return page;
}

Status AuditLog::exportJsonLines(const AuditQuery &query, QIODevice &out, qint64 maxEntries, qint64 *nextCursor)
{
    return forEachEntry(*this, query, maxEntries, nextCursor, [&out](const AuditPage &page) {
        QByteArray chunk;
        for (const AuditEntry &e : page.items)
            chunk.append(QJsonDocument(toJson(e)).toJson(QJsonDocument::Compact)).append('\n');
        return writeAll(out, chunk);
    });
}

Status AuditLog::exportCsv(const AuditQuery &query, QIODevice &out, qint64 maxEntries, qint64 *nextCursor)
{
    if (Status s = writeAll(out, "seq,occurred_at,actor,tenant_id,action,target,before,after,request_id,source,"
                                 "prev_hash,hash\r\n");
        !s) {
        return s;
    }
    return forEachEntry(*this, query, maxEntries, nextCursor, [&out](const AuditPage &page) {
        QByteArray chunk;
        for (const AuditEntry &e : page.items) {
            Csv::appendRecord(chunk, {QString::number(e.seq), e.at.toString(Qt::ISODateWithMs), e.actor, e.tenantId,
                                      e.action, e.target, compactJson(e.before), compactJson(e.after), e.requestId,
                                      e.source, e.prevHash, e.hash});
        }
        return writeAll(out, chunk);
    });
}

Result<VerifyReport> AuditLog::verify(const std::function<void(qint64 checked)> &progress)
{
    auto db = m_catalog.connection();
    if (!db)
        return db.error();
    // Read before the entries: every entry up to this head was committed before we looked,
    // so if the log ends below it, entries were removed (not merely still being written).
    auto headBefore = readHead(db.value());
    if (!headBefore)
        return headBefore.error();

    VerifyReport report;
    Sha256 sha;
    QByteArray buffer;
    Sha256::Hex hex;
    ChainFields f;
    QByteArray storedHash;
    QByteArray prevStoredHash = kGenesisHash.toLatin1();
    const QString columns = verifyColumns(m_catalog.dialect());
    qint64 lastSeq = 0;
    const auto hashFailure = [] {
        return Error::internal(u"Computing an audit hash failed (OpenSSL SHA-256)."_s);
    };

    // Keyset pages of forward-only queries rather than one statement over the whole log: memory
    // stays bounded, each page is one short index range scan, and no statement runs for the
    // whole verification (holding SQLite's WAL back from checkpointing, or PostgreSQL's
    // vacuum horizon, and tying up the connection in QPSQL's single-row mode).
    for (;;) {
        auto q = Storage::runQuery(db.value(),
                                   u"SELECT "_s + columns + u" FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?"_s,
                                   {lastSeq, kVerifyChunk});
        if (!q)
            return q.error();
        int rows = 0;
        while (q->next()) {
            ++rows;
            ++report.checked;
            readFields(q.value(), f);
            storedHash = utf8(q->value(11));
            const qint64 expected = lastSeq + 1;
            if (f.seq != expected) {
                if (f.seq > expected) {
                    return broken(report, expected, u"missing"_s,
                                  u"Audit entry %1 is missing: the log jumps from %2 to %3."_s.arg(expected)
                                      .arg(lastSeq)
                                      .arg(f.seq));
                }
                return broken(report, f.seq, u"altered"_s,
                              u"Audit entry %1 has a sequence number that was never assigned."_s.arg(f.seq));
            }
            if (!chainHash(sha, buffer, f, hex))
                return hashFailure();
            if (QByteArrayView(hex.data(), qsizetype(hex.size())) != storedHash) {
                // Changed, or moved? An entry moved to another seq still matches its hash
                // when hashed with the seq it was recorded with.
                const qint64 at = f.seq;
                for (qint64 distance = 1; distance <= kReorderWindow; ++distance) {
                    for (const qint64 candidate : {at + distance, at - distance}) {
                        if (candidate < 1)
                            continue;
                        f.seq = candidate;
                        if (!chainHash(sha, buffer, f, hex))
                            return hashFailure();
                        if (QByteArrayView(hex.data(), qsizetype(hex.size())) == storedHash) {
                            return broken(report, at, u"reordered"_s,
                                          u"Audit entry %1 holds the entry recorded as %2: entries were "
                                          "moved or swapped."_s.arg(at)
                                              .arg(candidate));
                        }
                    }
                }
                return broken(report, at, u"altered"_s,
                              u"Audit entry %1 was altered: its content no longer matches its hash."_s.arg(at));
            }
            if (f.prevHash != prevStoredHash) {
                return broken(report, f.seq, u"altered"_s,
                              u"Audit entry %1 does not link to entry %2: entry %2 was rewritten with a "
                              "recomputed hash, or this entry's link was changed."_s.arg(f.seq)
                                  .arg(f.seq - 1));
            }
            std::swap(prevStoredHash, storedHash);
            lastSeq = f.seq;
            if (progress && report.checked % kVerifyChunk == 0)
                progress(report.checked);
        }
        if (rows < kVerifyChunk)
            break;
    }
    if (progress)
        progress(report.checked);

    if (!headBefore.value()) {
        return broken(report, lastSeq + 1, u"truncated"_s,
                      u"The audit head record is missing, so removal of the newest entries cannot be ruled out."_s);
    }
    if (lastSeq < *headBefore.value()) {
        return broken(report, lastSeq + 1, u"truncated"_s,
                      u"The newest audit entries were removed: the log ends at %1 but %2 were recorded."_s.arg(lastSeq)
                          .arg(*headBefore.value()));
    }
    // Read after the entries: a genuine append commits its entry and the head together, so
    // an entry above this head was inserted behind the log's back.
    auto headAfter = readHead(db.value());
    if (!headAfter)
        return headAfter.error();
    if (headAfter.value() && lastSeq > *headAfter.value()) {
        return broken(report, *headAfter.value() + 1, u"altered"_s,
                      u"Audit entries after %1 were added outside the audit log."_s.arg(*headAfter.value()));
    }
    return report;
}

QJsonObject toJson(const AuditEntry &entry)
{
    return {
        {u"seq"_s, entry.seq},
        {u"at"_s, entry.at.toUTC().toString(Qt::ISODateWithMs)},
        {u"actor"_s, entry.actor},
        {u"tenant_id"_s, entry.tenantId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.tenantId)},
        {u"action"_s, entry.action},
        {u"target"_s, entry.target},
        {u"before"_s, entry.before},
        {u"after"_s, entry.after},
        {u"request_id"_s, entry.requestId},
        {u"source"_s, entry.source},
        {u"prev_hash"_s, entry.prevHash},
        {u"hash"_s, entry.hash},
    };
}

Result<AuditEntry> auditEntryFromJson(const QJsonObject &object)
{
    AuditEntry entry;
    QList<FieldError> errors;
    const auto text = [&](const QString &name, QString &into) {
        const QJsonValue v = object.value(name);
        if (v.isString())
            into = v.toString();
        else
            errors.append({name, u"must be a string"_s});
    };

    entry.seq = object.value(u"seq"_s).toInteger(0); // 0 also for a fraction or a non-number
    if (entry.seq < 1)
        errors.append({u"seq"_s, u"must be a positive integer"_s});
    const QDateTime at = QDateTime::fromString(object.value(u"at"_s).toString(), Qt::ISODateWithMs);
    if (at.isValid())
        entry.at = at.toUTC();
    else
        errors.append({u"at"_s, u"must be an ISO 8601 time such as 2026-01-31T12:00:00.000Z"_s});
    text(u"actor"_s, entry.actor);
    if (const QJsonValue tenant = object.value(u"tenant_id"_s); !tenant.isNull())
        text(u"tenant_id"_s, entry.tenantId);
    text(u"action"_s, entry.action);
    text(u"target"_s, entry.target);
    entry.before = object.value(u"before"_s).isUndefined() ? QJsonValue(QJsonValue::Null) : object.value(u"before"_s);
    entry.after = object.value(u"after"_s).isUndefined() ? QJsonValue(QJsonValue::Null) : object.value(u"after"_s);
    text(u"request_id"_s, entry.requestId);
    text(u"source"_s, entry.source);
    text(u"prev_hash"_s, entry.prevHash);
    text(u"hash"_s, entry.hash);
    if (!errors.isEmpty())
        return Error{ErrorKind::Internal, u"unexpected-response"_s,
                     u"The audit entry cannot be read: some fields are missing or of the wrong type."_s, errors};
    return entry;
}

} // namespace Tenantry::Observe
