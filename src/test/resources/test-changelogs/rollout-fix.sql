--liquibase formatted sql

--changeset test:rollout_fix
-- The fix for rollout_broken: the table it fills.
CREATE TABLE rollout_parts (id INTEGER PRIMARY KEY);
--rollback DROP TABLE rollout_parts;
