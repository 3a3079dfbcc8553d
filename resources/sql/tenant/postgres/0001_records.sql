-- A tenant's own data: custom entities and their records. The same tables exist in every
-- data space (the shared one, a tenant's schema, a tenant's database); every table has
-- tenant_id as the first primary-key column, and every statement filters on it.
CREATE TABLE entities (
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

-- Every definition an entity ever had, so a schema change can be reviewed and undone.
CREATE TABLE entity_versions (
    tenant_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    changed_by TEXT NOT NULL,
    PRIMARY KEY (tenant_id, entity, schema_version)
);

CREATE TABLE records (
    tenant_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    data JSONB NOT NULL,
    size_bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, entity, id)
);
-- Keyset paging by creation and change time (ties by id).
CREATE INDEX records_created ON records (tenant_id, entity, created_at, id);
CREATE INDEX records_updated ON records (tenant_id, entity, updated_at, id);

-- Values of indexed and unique fields, one row per record and field.
CREATE TABLE record_keys (
    tenant_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    field TEXT NOT NULL,
    record_id TEXT NOT NULL,
    value TEXT NOT NULL,
    is_unique INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, entity, field, record_id)
);
CREATE INDEX record_keys_value ON record_keys (tenant_id, entity, field, value);
CREATE UNIQUE INDEX record_keys_unique ON record_keys (tenant_id, entity, field, value) WHERE is_unique = 1;

-- Record count and bytes (the size of each record's canonical JSON) per entity, kept in step
-- by every write in the same transaction: storage usage without a scan.
CREATE TABLE entity_usage (
    tenant_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    records BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, entity)
);
