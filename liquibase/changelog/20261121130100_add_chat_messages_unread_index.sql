--liquibase formatted sql

--changeset narasi:20261121130100_add_chat_messages_unread_index runInTransaction:false
--comment: Unread counts and mark-as-read touch only unread messages; partial, so read history (almost all rows) is not in it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_chat_messages_unread ON chat_messages (conversation_id, sender_id) WHERE is_read = false;
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_chat_messages_unread;
