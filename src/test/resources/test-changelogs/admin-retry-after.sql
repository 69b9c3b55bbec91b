--liquibase formatted sql

--changeset test:admin_retry_after
-- Pending after an apply of count 2 whose second changeset was retried: a retry counts only what is left.
CREATE TABLE admin_retry_after (id INTEGER PRIMARY KEY);
--rollback DROP TABLE admin_retry_after;
