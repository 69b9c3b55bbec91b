--liquibase formatted sql

--changeset narasi:20261121140200_create_schema_rollback_confirmations
--comment: Schema operations: confirmation tokens of rollback previews, shared by every instance; only the token's hash is kept.
CREATE TABLE schema_rollback_confirmations (
    token_hash CHAR(64) PRIMARY KEY,
    actor_id INTEGER NOT NULL,
    target VARCHAR(300) NOT NULL,
    preview_digest CHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ
);
--rollback DROP TABLE IF EXISTS schema_rollback_confirmations;
