--liquibase formatted sql

--changeset test:broken_after_partial_work
-- Two statements succeed before the third fails: none of them may survive.
CREATE TABLE half_applied (id INTEGER);
ALTER TABLE users ADD COLUMN half_applied_flag BOOLEAN;
INSERT INTO no_such_table VALUES (1);
--rollback DROP TABLE half_applied;
