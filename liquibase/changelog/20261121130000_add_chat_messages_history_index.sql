--liquibase formatted sql

--changeset narasi:20261121130000_add_chat_messages_history_index runInTransaction:false
--comment: Message history newest first with a (created_at, id) keyset cursor: one index range scan per page, however deep. Built concurrently: chat_messages is written while it builds.
-- Outside a transaction SET LOCAL does nothing: set the session's timeout, then put it back for the pool.
SET lock_timeout = '10s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_chat_messages_conversation_history ON chat_messages (conversation_id, created_at, id);
RESET lock_timeout;
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_chat_messages_conversation_history;
