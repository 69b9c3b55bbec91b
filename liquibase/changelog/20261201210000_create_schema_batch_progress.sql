--liquibase formatted sql

--changeset narasi:20261201210000_create_schema_batch_progress
--comment: Schema operations: progress of batched data changes (BatchedDataChange), one row per change, written in each batch's own transaction so a restart goes on where it stopped.
CREATE TABLE schema_batch_progress (
    change_key VARCHAR(100) PRIMARY KEY,
    table_name VARCHAR(100) NOT NULL,
    last_key BIGINT,
    rows_done BIGINT NOT NULL DEFAULT 0,
    batches_done INTEGER NOT NULL DEFAULT 0,
    total_estimate BIGINT NOT NULL DEFAULT 0,
    started_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at TIMESTAMPTZ
);
--rollback DROP TABLE IF EXISTS schema_batch_progress;
