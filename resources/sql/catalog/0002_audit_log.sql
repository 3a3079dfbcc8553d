-- The tamper-evident audit log (core/observe/auditlog.cpp). Append-only: seq is 1, 2, 3...
-- without gaps, assigned under the lock of the 'audit_head' row; hash is the SHA-256 (hex)
-- of the entry's canonical encoding, which includes prev_hash, the previous entry's hash
-- (64 zeros for the first). Times are integer milliseconds since the epoch (UTC).
-- NULL tenant_id: not about one tenant. NULL before_json/after_json: no state recorded.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    occurred_at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    tenant_id TEXT,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    request_id TEXT NOT NULL,
    source TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
-- Queries filter by one of these and page by seq, so seq is the second key.
CREATE INDEX audit_log_tenant ON audit_log (tenant_id, seq);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_time ON audit_log (occurred_at);

-- The number of entries ever appended. Appends lock and bump it (serializing them), and
-- verify() compares it with the newest stored seq to detect removed newest entries.
INSERT INTO catalog_state (name, value) VALUES ('audit_head', 0);
