--liquibase formatted sql

--changeset narasi:20261121140100_create_schema_changeset_durations
--comment: Schema operations: how long each changeset took when this service applied it (Liquibase records no duration).
CREATE TABLE schema_changeset_durations (
    id BIGSERIAL PRIMARY KEY,
    filename VARCHAR(255) NOT NULL,
    changeset_id VARCHAR(255) NOT NULL,
    author VARCHAR(255) NOT NULL,
    deployment_id VARCHAR(10),
    exectype VARCHAR(10) NOT NULL,
    duration_ms BIGINT NOT NULL,
    applied_by VARCHAR(20) NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT chk_schema_changeset_duration CHECK (duration_ms >= 0)
);
CREATE INDEX idx_schema_changeset_durations_changeset ON schema_changeset_durations (filename, changeset_id, author);
--rollback DROP TABLE IF EXISTS schema_changeset_durations;
