--liquibase formatted sql

--changeset narasi:20261121140000_create_schema_operation_audit
--comment: Schema operations: who ran which mutating admin operation on the schema, when, and how it ended.
-- No foreign key to users: the record must outlive the account, and a rollback of users must not take it along.
CREATE TABLE schema_operation_audit (
    id BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    actor_id INTEGER,
    actor_name VARCHAR(255),
    operation VARCHAR(40) NOT NULL,
    request TEXT,
    outcome VARCHAR(20) NOT NULL,
    detail TEXT,
    instance VARCHAR(255),
    CONSTRAINT chk_schema_operation_outcome CHECK (outcome IN ('SUCCEEDED', 'REFUSED', 'FAILED'))
);
CREATE INDEX idx_schema_operation_audit_occurred_at ON schema_operation_audit (occurred_at);
--rollback DROP TABLE IF EXISTS schema_operation_audit;
