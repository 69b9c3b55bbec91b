--liquibase formatted sql

--changeset test:rollout_broken
-- Waits at the test's gate (advisory lock 7007) so the test can read every instance's readiness meanwhile,
-- then fails: rollout_parts does not exist until rollout-fix.sql creates it.
CREATE TABLE rollout_widgets (id INTEGER PRIMARY KEY, part_id INTEGER);
-- the gate waits as long as the test holds it, not the runner's short lock_timeout (narasi.schema.lock-timeout)
SET LOCAL lock_timeout = 0;
SELECT pg_advisory_xact_lock(7007);
INSERT INTO rollout_parts (id) VALUES (1);
--rollback DROP TABLE rollout_widgets;
