#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/storage/auditrecorder.h"
#include "core/storage/catalog.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QLoggingCategory>
#include <QString>

#include <functional>

class QIODevice;

Q_DECLARE_LOGGING_CATEGORY(lcAudit)

namespace Tenantry::Observe {

// Which audit entries to read. Every filter is optional; set filters combine with AND.
struct AuditQuery {
    QString tenantId;   // exact tenant id
    QString actor;      // exact actor id, e.g. "api-key:k1"
    QString action;     // exact ("tenant.create") or a prefix ending in ".*" ("tenant.*")
    QDateTime from, to; // half-open time range [from, to); an invalid QDateTime leaves that end open
    // Cursor: the seq of the last entry already seen, 0 to start. It continues in the
    // direction of the page order, so with newestFirst the next page holds entries with
    // seq < afterSeq (a "before" cursor); pass back AuditPage::nextCursor unchanged.
    qint64 afterSeq = 0;
    int limit = 100;    // 1..1000 entries per page
    bool newestFirst = false;
};

// One stored entry, as read back (times in UTC).
struct AuditEntry {
    qint64 seq = 0;
    QDateTime at;
    QString actor, tenantId, action, target;
    QJsonValue before, after; // Null when absent
    QString requestId, source;
    QString prevHash, hash;   // lower-case hex SHA-256
};

struct AuditPage {
    QList<AuditEntry> items;
    qint64 nextCursor = 0; // 0 when there are no more entries; else pass as AuditQuery::afterSeq
};

// The outcome of AuditLog::verify(). When !intact, firstBadSeq names the first entry that
// fails and `problem` says how:
//   "altered"   the entry's content no longer matches its hash, or it does not link to
//               its predecessor (that one was rewritten with a recomputed hash)
//   "missing"   the entry was removed from the middle of the log (a gap in seq)
//   "reordered" the entry is intact but sits at the wrong seq (entries were swapped/renumbered)
//   "truncated" the newest entries, from firstBadSeq on, were removed
struct VerifyReport {
    bool intact = true;
    qint64 checked = 0;     // entries read (and, up to firstBadSeq, found intact)
    qint64 firstBadSeq = 0;
    QString problem;
    QString message;        // a sentence for the operator
};

// The tamper-evident audit log: an append-only table in the catalog where every entry
// carries the SHA-256 of its own content and of its predecessor's hash (a hash chain),
// and catalog_state's 'audit_head' counts the entries ever appended. Changing, removing,
// reordering or truncating stored entries is then detected by verify(); an attacker with
// write access to the database can still rewrite the whole chain from the point they
// change, which only an external anchor of the head hash (a later feature) rules out.
//
// Not copyable. Thread-safe: no mutable state of its own; each call uses the calling
// thread's catalog connection, as Catalog does. `catalog` and `clock` must outlive it.
class AuditLog final : public Storage::AuditRecorder
{
public:
    AuditLog(Storage::Catalog &catalog, const Clock &clock);
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // Appends one entry inside the caller's open transaction on `tx` (a connection of this
    // log's catalog), so it commits or rolls back with the change it describes; a rollback
    // leaves no entry and no gap. Appends are serialized on the 'audit_head' row, so
    // concurrent writers wait for each other's commit. Refuses malformed input with
    // Error::invalid: "invalid-audit-action" (empty, > 64 chars, not dotted lower-case
    // [a-z_]), "invalid-audit-actor" (empty or > 200), "invalid-audit-field" (target,
    // tenant id, request id or source > 200 chars), "audit-state-too-large" (before or
    // after > 256 KiB as compact JSON). On failure the caller must roll back.
    Status record(QSqlDatabase &tx, const Actor &actor, const AuditEvent &event) override;

    // record() in a transaction of its own, for events that change nothing else
    // (e.g. "auth.failure").
    Status recordNow(const Actor &actor, const AuditEvent &event);

    // One page of matching entries in seq order (oldest first unless newestFirst).
    // Errors: "invalid-limit" (limit outside 1..1000), "invalid-action-filter",
    // "invalid-time-range" (from after to), "invalid-cursor" (negative afterSeq).
    Result<AuditPage> query(const AuditQuery &query);

    // Writes the entries matching `query` (from its cursor on; its limit is ignored) to
    // `out`, which must be open for writing, reading the log in pages so memory stays
    // bounded: all of them, or at most `maxEntries` when that is not negative, with
    // `nextCursor` (if given) set to where a further export continues (0 when done). JSON lines: one toJson() object per line. CSV: RFC 4180 (header row,
    // CRLF line ends, fields quoted when needed), with spreadsheet formula injection
    // neutralised (see core/base/csv.h). Errors: as query(), or "export-write-failed"; the
    // output may then be incomplete.
    Status exportJsonLines(const AuditQuery &query, QIODevice &out, qint64 maxEntries = -1,
                           qint64 *nextCursor = nullptr);
    Status exportCsv(const AuditQuery &query, QIODevice &out, qint64 maxEntries = -1, qint64 *nextCursor = nullptr);

    // Reads the whole log in seq order, recomputes every hash and checks the chain, the
    // seq contiguity and the head counter, stopping at the first problem. `progress`, if
    // set, is called on this thread with the number of entries checked so far, every
    // 10,000 entries and once when all were read. An error means the log could not be read;
    // tampering is reported in the VerifyReport, not as an error.
    Result<VerifyReport> verify(const std::function<void(qint64 checked)> &progress = {});

private:
    Storage::Catalog &m_catalog;
    const Clock &m_clock;
};

// An entry as a JSON object (the JSON lines export and the HTTP API use this shape):
// {"seq", "at" (ISO 8601 UTC with ms), "actor", "tenant_id" (null when none), "action",
// "target", "before", "after", "request_id", "source", "prev_hash", "hash"}.
QJsonObject toJson(const AuditEntry &entry);

} // namespace Tenantry::Observe
