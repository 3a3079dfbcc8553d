#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/observe/audittrail.h"
#include "core/storage/auditrecorder.h"
#include "core/storage/catalog.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAudit)

namespace Tenantry::Observe {

// The tamper-evident audit log: an append-only table in the catalog where every entry
// carries the SHA-256 of its own content and of its predecessor's hash (a hash chain),
// and catalog_state's 'audit_head' counts the entries ever appended. Changing, removing,
// reordering or truncating stored entries is then detected by verify(); an attacker with
// write access to the database can still rewrite the whole chain from the point they
// change, which only an external anchor of the head hash (a later feature) rules out.
//
// It implements both seams over that table: the writing one (Storage::AuditRecorder) and
// the reading one (AuditTrail, what the console sees). Not copyable. Thread-safe: no
// mutable state of its own; each call uses the calling
// thread's catalog connection, as Catalog does. `catalog` and `clock` must outlive it.
class AuditLog final : public Storage::AuditRecorder, public AuditTrail
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

    // AuditTrail: see its contracts. Each call reads through the calling thread's catalog
    // connection.
    Result<AuditPage> query(const AuditQuery &query) override;
    Status exportJsonLines(const AuditQuery &query, QIODevice &out, qint64 maxEntries = -1,
                           qint64 *nextCursor = nullptr) override;
    Status exportCsv(const AuditQuery &query, QIODevice &out, qint64 maxEntries = -1,
                     qint64 *nextCursor = nullptr) override;
    Result<VerifyReport> verify(const std::function<void(qint64 checked)> &progress = {}) override;

private:
    Storage::Catalog &m_catalog;
    const Clock &m_clock;
};

// An entry as a JSON object (the JSON lines export and the HTTP API use this shape):
// {"seq", "at" (ISO 8601 UTC with ms), "actor", "tenant_id" (null when none), "action",
// "target", "before", "after", "request_id", "source", "prev_hash", "hash"}.
QJsonObject toJson(const AuditEntry &entry);

// The inverse of toJson(), for entries read back from the HTTP API or a JSON lines export:
// "at" is read as UTC, a null "tenant_id" as no tenant, a null or absent "before"/"after"
// as Null. Errors: Internal "unexpected-response" (as the other readers of API answers,
// e.g. tenantFromJson()), naming every missing or mistyped field.
Result<AuditEntry> auditEntryFromJson(const QJsonObject &object);

} // namespace Tenantry::Observe
