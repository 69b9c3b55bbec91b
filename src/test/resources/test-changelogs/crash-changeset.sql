--liquibase formatted sql

--changeset test:crash_half_way
-- Two changes, then a wait at the test's gate (advisory lock 7007, held by the test): the instance running
-- this is killed here. Neither change may survive, and the next instance must apply all of it once.
CREATE TABLE crash_marker (id INTEGER);
ALTER TABLE users ADD COLUMN crash_flag BOOLEAN;
-- the gate waits as long as the test holds it, not the runner's short lock_timeout (narasi.schema.lock-timeout)
SET LOCAL lock_timeout = 0;
SELECT pg_advisory_xact_lock(7007);
--rollback ALTER TABLE users DROP COLUMN crash_flag;
--rollback DROP TABLE crash_marker;
