-- Quota usage alerts (core/storage/quotaalertrepository.cpp): one row per tenant, quota
-- dimension, window and threshold reached. The unique key is what makes "once per window"
-- hold across every server sharing the catalog: each inserts with ON CONFLICT DO NOTHING and
-- only the one whose row was new sends the webhook. window_start/window_end are the quota
-- window in milliseconds since the epoch (UTC), both 0 for storage (no window); created_at
-- is when the threshold was crossed.
--
-- id is assigned by the application from the 'quota_alerts_last_id' counter below, taken
-- under that row's lock in the inserting transaction (as audit_log's seq is): portable
-- across SQLite and PostgreSQL, and ids grow in commit order, so paging newest first by id
-- never skips a row that committed after the page was read.
CREATE TABLE quota_alerts (
    id BIGINT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    dimension TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    window_end BIGINT NOT NULL,
    threshold INTEGER NOT NULL,
    used BIGINT NOT NULL,
    quota_limit BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (tenant_id, dimension, window_start, threshold)
);
-- Lists filter by tenant (or not) and page by id, newest first.
CREATE INDEX quota_alerts_tenant ON quota_alerts (tenant_id, id);
CREATE INDEX quota_alerts_time ON quota_alerts (created_at);
INSERT INTO catalog_state (name, value) VALUES ('quota_alerts_last_id', 0);

-- Where each tenant's quota alerts are POSTed, and the HMAC secret they are signed with.
-- The secret is kept as given (it must be, to sign); the API never shows it again.
CREATE TABLE tenant_webhooks (
    tenant_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
