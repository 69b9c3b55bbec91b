--liquibase formatted sql

--changeset narasi:20261201200400_create_schema_backups
--comment: Schema operations: backups. pg_dump archives (file, size, checksum) and table-level copies of rows a destructive change removes (kept in schema narasi_backup until they expire).
-- No foreign key to users, like schema_operation_audit: a backup must outlive the account and a rollback of users.
CREATE TABLE schema_backups (
    id BIGSERIAL PRIMARY KEY,
    kind VARCHAR(10) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by VARCHAR(255),
    origin VARCHAR(500),
    operation TEXT,
    source_table VARCHAR(128),
    source_column VARCHAR(128),
    key_columns VARCHAR(500),
    backup_table VARCHAR(128),
    row_count BIGINT,
    file_path TEXT,
    size_bytes BIGINT,
    sha256 CHAR(64),
    expires_at TIMESTAMPTZ,
    restored_at TIMESTAMPTZ,
    restored_rows BIGINT,
    CONSTRAINT chk_schema_backups_kind CHECK (kind IN ('dump', 'table', 'column'))
);
CREATE SCHEMA IF NOT EXISTS narasi_backup;
-- Without CASCADE: rolling this back while table-level backups are kept fails instead of deleting them.
--rollback DROP TABLE IF EXISTS schema_backups;
--rollback DROP SCHEMA IF EXISTS narasi_backup;
