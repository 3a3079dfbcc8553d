#pragma once

#include "core/base/result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

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

    friend bool operator==(const AuditQuery &, const AuditQuery &) = default;
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

// The outcome of AuditTrail::verify(). When !intact, firstBadSeq names the first entry that
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

// Reading and checking the audit trail: what the console (and later a remote client over
// the admin API) needs, without the writing side. Observe::AuditLog implements it on the
// catalog.
//
// Implementations must allow calls from any thread, also concurrently: the console queries
// on its GUI thread while it verifies or exports on a worker thread. Every call may block
// on the database or the network.
class AuditTrail
{
public:
    virtual ~AuditTrail() = default;

    // One page of matching entries in seq order (oldest first unless newestFirst).
    // Errors: "invalid-limit" (limit outside 1..1000), "invalid-action-filter",
    // "invalid-time-range" (from after to), "invalid-cursor" (negative afterSeq), or the
    // store's own errors when it cannot be read.
    virtual Result<AuditPage> query(const AuditQuery &query) = 0;

    // Writes the entries matching `query` (from its cursor on; its limit is ignored) to
    // `out`, which must be open for writing, reading the log in pages so memory stays
    // bounded: all of them, or at most `maxEntries` when that is not negative, with
    // `nextCursor` (if given) set to where a further export continues (0 when done).
    // JSON lines: one toJson() object per line. CSV: RFC 4180 with a header row on every
    // call, CRLF line ends, fields quoted when needed, spreadsheet formula injection
    // neutralised (core/base/csv.h). Errors: as query(), or "export-write-failed"; the output may then be
    // incomplete.
    virtual Status exportJsonLines(const AuditQuery &query, QIODevice &out, qint64 maxEntries = -1,
                                   qint64 *nextCursor = nullptr) = 0;
    virtual Status exportCsv(const AuditQuery &query, QIODevice &out, qint64 maxEntries = -1,
                             qint64 *nextCursor = nullptr) = 0;

    // Reads the whole log in seq order, recomputes every hash and checks the chain, the
    // seq contiguity and the head counter, stopping at the first problem. `progress`, if
    // set, is called on the calling thread with the number of entries checked so far, every
    // 10,000 entries and once when all were read. An error means the log could not be read;
    // tampering is reported in the VerifyReport, not as an error.
    virtual Result<VerifyReport> verify(const std::function<void(qint64 checked)> &progress = {}) = 0;
};

} // namespace Tenantry::Observe
