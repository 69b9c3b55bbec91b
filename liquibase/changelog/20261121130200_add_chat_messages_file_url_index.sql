--liquibase formatted sql

--changeset narasi:20261121130200_add_chat_messages_file_url_index runInTransaction:false
--comment: Who may download an attachment, and whether retention may purge a stored file, are lookups by file_url; partial, text messages have none.
-- Outside a transaction SET LOCAL does nothing: set the session's timeout, then put it back for the pool.
SET lock_timeout = '10s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_chat_messages_file_url ON chat_messages (file_url) WHERE file_url IS NOT NULL;
RESET lock_timeout;
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_chat_messages_file_url;
