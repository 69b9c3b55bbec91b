--liquibase formatted sql

--changeset test:lock_wait_add_column
-- No lock_timeout of its own: the runner's (narasi.schema.lock-timeout) bounds the wait for lock_items.
ALTER TABLE lock_items ADD COLUMN note TEXT;
--rollback ALTER TABLE lock_items DROP COLUMN note;
