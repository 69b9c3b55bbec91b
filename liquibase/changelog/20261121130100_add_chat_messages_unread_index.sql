--liquibase formatted sql

--changeset narasi:20261121130100_add_chat_messages_unread_index runInTransaction:false
--comment: Unread counts and mark-as-read touch only unread messages; partial, so read history (almost all rows) is not in it.
-- Outside a transaction SET LOCAL does nothing: set the session's timeout, then put it back for the pool.
SET lock_timeout = '10s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_chat_messages_unread ON chat_messages (conversation_id, sender_id) WHERE is_read = false;
RESET lock_timeout;
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_chat_messages_unread;
