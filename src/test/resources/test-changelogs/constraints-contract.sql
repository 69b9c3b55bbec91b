--liquibase formatted sql

--changeset test:cw_check
SET LOCAL lock_timeout = '5s';
ALTER TABLE chat_messages ADD CONSTRAINT chk_chat_messages_has_attachment_not_null CHECK (has_attachment IS NOT NULL) NOT VALID;
--rollback ALTER TABLE chat_messages DROP CONSTRAINT IF EXISTS chk_chat_messages_has_attachment_not_null;

--changeset test:cw_validate
-- SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans
SET LOCAL lock_timeout = '5s';
ALTER TABLE chat_messages VALIDATE CONSTRAINT chk_chat_messages_has_attachment_not_null;
--rollback SELECT 1;

--changeset test:cw_set_not_null
-- PostgreSQL 12+ sees the validated check and skips the scan; the check is then redundant
SET LOCAL lock_timeout = '5s';
ALTER TABLE chat_messages ALTER COLUMN has_attachment SET NOT NULL;
ALTER TABLE chat_messages DROP CONSTRAINT chk_chat_messages_has_attachment_not_null;
--rollback ALTER TABLE chat_messages ADD CONSTRAINT chk_chat_messages_has_attachment_not_null CHECK (has_attachment IS NOT NULL) NOT VALID;
--rollback ALTER TABLE chat_messages ALTER COLUMN has_attachment DROP NOT NULL;

--changeset test:cw_unique_index runInTransaction:false
-- a unique constraint the way that keeps writes going: build its index concurrently first
SET lock_timeout = '5s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_chat_messages_conversation_message ON chat_messages (conversation_id, id);
--rollback DROP INDEX CONCURRENTLY IF EXISTS uq_chat_messages_conversation_message;

--changeset test:cw_unique_constraint
SET LOCAL lock_timeout = '5s';
ALTER TABLE chat_messages ADD CONSTRAINT uq_chat_messages_conversation_message UNIQUE USING INDEX uq_chat_messages_conversation_message;
--rollback ALTER TABLE chat_messages DROP CONSTRAINT IF EXISTS uq_chat_messages_conversation_message;
