--liquibase formatted sql

--changeset test:admin_retry_first
-- Applied by an apply of count 2 before its second changeset waits for a lock: the retry must count it.
CREATE TABLE admin_retry_first (id INTEGER PRIMARY KEY);
--rollback DROP TABLE admin_retry_first;
