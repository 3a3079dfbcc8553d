-- Quotas (core/quota, core/storage/quotarepository.cpp).
--
-- plans: what each plan includes, as the JSON form of Quota::Limits (core/quota/limitsjson.h);
-- an operator edits them through the admin API or the CLI, and servers pick changes up
-- without a restart. The four plans below are where a new catalog starts.
CREATE TABLE plans (
    name TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    limits TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO plans (name, display_name, limits, updated_at) VALUES
  ('free', 'Free', '{"api_calls_per_day": 10000, "api_calls_per_month": 100000, "rate_per_second": 20, "burst": 200, "max_concurrent": 10, "storage_bytes": 104857600, "db_connections": 2}', 0),
  ('basic', 'Basic', '{"api_calls_per_day": 100000, "api_calls_per_month": 2000000, "rate_per_second": 50, "burst": 500, "max_concurrent": 20, "storage_bytes": 1073741824, "db_connections": 2}', 0),
  ('pro', 'Pro', '{"api_calls_per_day": 1000000, "api_calls_per_month": 25000000, "rate_per_second": 200, "burst": 2000, "max_concurrent": 50, "storage_bytes": 10737418240, "db_connections": 4}', 0),
  ('enterprise', 'Enterprise', '{"rate_per_second": 1000, "burst": 10000, "max_concurrent": 200, "storage_bytes": 107374182400, "db_connections": 8}', 0);

-- A tenant's own limits on top of its plan's, in the same JSON form (a key present here
-- replaces the plan's; null lifts that limit). No row: the plan's limits as they are.
CREATE TABLE tenant_quotas (
    tenant_id TEXT PRIMARY KEY,
    overrides TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The window counters of the request path, written in batches (every second by default)
-- so a restarted server goes on counting where it stopped. dimension is "day", "month" or
-- "rule:<name>"; window_index numbers the window (see Quota::QuotaWindow); used only grows
-- within a window. Rows of ended windows are deleted by the flush.
CREATE TABLE quota_counters (
    tenant_id TEXT NOT NULL,
    dimension TEXT NOT NULL,
    window_index BIGINT NOT NULL,
    window_end BIGINT NOT NULL,
    used BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, dimension, window_index)
);
CREATE INDEX quota_counters_end ON quota_counters (window_end);

-- Bumped by every change to plans or overrides, so servers sharing the catalog reload them.
INSERT INTO catalog_state (name, value) VALUES ('quotas_revision', 0);
