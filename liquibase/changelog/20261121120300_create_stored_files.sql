--liquibase formatted sql

--changeset narasi:20261121120300_create_stored_files
--comment: Uploaded files (certificates, later chat attachments) kept in PostgreSQL so every instance serves them.
SET LOCAL lock_timeout = '10s';
CREATE TABLE stored_files (
    id UUID PRIMARY KEY,
    owner_id INTEGER NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    byte_size BIGINT NOT NULL,
    sha256 CHAR(64) NOT NULL,
    file_name VARCHAR(255),
    data BYTEA NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_stored_files_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT chk_stored_files_byte_size CHECK (byte_size >= 0)
);
CREATE INDEX idx_stored_files_owner_id ON stored_files (owner_id);
--rollback DROP TABLE IF EXISTS stored_files;
