--liquibase formatted sql

--changeset narasi:20261202090000_allow_started_schema_operations
--comment: Schema operations: the audit row is written when an operation starts (outcome STARTED) and completed when it ends, so an operation whose instance died on the way is still on record.
-- The table is small and written only by schema operations; NOT VALID then VALIDATE keeps the ACCESS EXCLUSIVE lock to the
-- catalogue change and checks the rows under a weaker lock; a running operation holding the table waits at most 10 s.
SET LOCAL lock_timeout = '10s';
ALTER TABLE schema_operation_audit DROP CONSTRAINT chk_schema_operation_outcome;
ALTER TABLE schema_operation_audit ADD CONSTRAINT chk_schema_operation_outcome
    CHECK (outcome IN ('STARTED', 'SUCCEEDED', 'REFUSED', 'FAILED')) NOT VALID;
ALTER TABLE schema_operation_audit VALIDATE CONSTRAINT chk_schema_operation_outcome;
--rollback SET LOCAL lock_timeout = '10s';
--rollback UPDATE schema_operation_audit SET outcome = 'FAILED', detail = 'started; no outcome was recorded' || coalesce(' - ' || detail, '') WHERE outcome = 'STARTED';
--rollback ALTER TABLE schema_operation_audit DROP CONSTRAINT chk_schema_operation_outcome;
--rollback ALTER TABLE schema_operation_audit ADD CONSTRAINT chk_schema_operation_outcome CHECK (outcome IN ('SUCCEEDED', 'REFUSED', 'FAILED'));
