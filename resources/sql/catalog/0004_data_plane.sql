-- Settings of the tenant data plane that only the catalog's owner may read, e.g. the password
-- of the PostgreSQL role tenant data is accessed with (that role has no rights on this table).
CREATE TABLE data_plane_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
