-- Usage metering (core/observe/usagerecorder.cpp): one row per tenant and UTC hour, which
-- every server adds its own request counts to (INSERT ... ON CONFLICT ... DO UPDATE SET
-- x = x + excluded.x), so the figures are sums over all servers sharing the catalog.
-- hour_start is the hour's first millisecond since the epoch (UTC), like every time in the
-- catalog. Byte counts are request and response bodies. The latency histogram is kept as
-- one count per bucket of LatencyHistogram (core/observe/requestmetrics.h), a column each,
-- named by the bucket's upper bound in microseconds, so buckets add up in SQL and a report
-- merges any set of hours by summing them; latency_le_inf counts what lies above the last
-- bound. storage_bytes is the largest size of the tenant's data space sampled in the hour,
-- NULL when no sample was taken.
CREATE TABLE usage_hourly (
    tenant_id TEXT NOT NULL,
    hour_start BIGINT NOT NULL,
    requests BIGINT NOT NULL DEFAULT 0,
    client_errors BIGINT NOT NULL DEFAULT 0,
    server_errors BIGINT NOT NULL DEFAULT 0,
    auth_failures BIGINT NOT NULL DEFAULT 0,
    bytes_in BIGINT NOT NULL DEFAULT 0,
    bytes_out BIGINT NOT NULL DEFAULT 0,
    latency_sum_us BIGINT NOT NULL DEFAULT 0,
    latency_le_50us BIGINT NOT NULL DEFAULT 0,
    latency_le_100us BIGINT NOT NULL DEFAULT 0,
    latency_le_200us BIGINT NOT NULL DEFAULT 0,
    latency_le_300us BIGINT NOT NULL DEFAULT 0,
    latency_le_500us BIGINT NOT NULL DEFAULT 0,
    latency_le_750us BIGINT NOT NULL DEFAULT 0,
    latency_le_1000us BIGINT NOT NULL DEFAULT 0,
    latency_le_1500us BIGINT NOT NULL DEFAULT 0,
    latency_le_2000us BIGINT NOT NULL DEFAULT 0,
    latency_le_3000us BIGINT NOT NULL DEFAULT 0,
    latency_le_5000us BIGINT NOT NULL DEFAULT 0,
    latency_le_7500us BIGINT NOT NULL DEFAULT 0,
    latency_le_10000us BIGINT NOT NULL DEFAULT 0,
    latency_le_15000us BIGINT NOT NULL DEFAULT 0,
    latency_le_20000us BIGINT NOT NULL DEFAULT 0,
    latency_le_30000us BIGINT NOT NULL DEFAULT 0,
    latency_le_50000us BIGINT NOT NULL DEFAULT 0,
    latency_le_75000us BIGINT NOT NULL DEFAULT 0,
    latency_le_100000us BIGINT NOT NULL DEFAULT 0,
    latency_le_150000us BIGINT NOT NULL DEFAULT 0,
    latency_le_250000us BIGINT NOT NULL DEFAULT 0,
    latency_le_500000us BIGINT NOT NULL DEFAULT 0,
    latency_le_750000us BIGINT NOT NULL DEFAULT 0,
    latency_le_1000000us BIGINT NOT NULL DEFAULT 0,
    latency_le_2000000us BIGINT NOT NULL DEFAULT 0,
    latency_le_5000000us BIGINT NOT NULL DEFAULT 0,
    latency_le_10000000us BIGINT NOT NULL DEFAULT 0,
    latency_le_30000000us BIGINT NOT NULL DEFAULT 0,
    latency_le_inf BIGINT NOT NULL DEFAULT 0,
    storage_bytes BIGINT,
    PRIMARY KEY (tenant_id, hour_start)
);
-- One tenant's report reads its rows by the primary key; the report of all tenants reads a
-- time range across tenants.
CREATE INDEX usage_hourly_hour ON usage_hourly (hour_start);
