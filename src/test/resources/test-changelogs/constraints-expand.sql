--liquibase formatted sql

-- A new NOT NULL column chat_messages.has_attachment, derived from file_url, added without a long lock:
-- expand (nullable column, a trigger keeps rows the running version writes right), backfill in batches
-- (constraints-backfill.xml), then contract (constraints-contract.sql: NOT VALID check, VALIDATE, SET NOT NULL).

--changeset test:cw_add_column
SET LOCAL lock_timeout = '5s';
ALTER TABLE chat_messages ADD COLUMN IF NOT EXISTS has_attachment BOOLEAN;
--rollback ALTER TABLE chat_messages DROP COLUMN IF EXISTS has_attachment;

--changeset test:cw_function splitStatements:false
CREATE OR REPLACE FUNCTION chat_messages_set_has_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.has_attachment := NEW.file_url IS NOT NULL;
    RETURN NEW;
END $$;
--rollback DROP FUNCTION IF EXISTS chat_messages_set_has_attachment();

--changeset test:cw_trigger
SET LOCAL lock_timeout = '5s';
CREATE TRIGGER trg_chat_messages_has_attachment BEFORE INSERT OR UPDATE OF file_url ON chat_messages FOR EACH ROW EXECUTE FUNCTION chat_messages_set_has_attachment();
--rollback DROP TRIGGER IF EXISTS trg_chat_messages_has_attachment ON chat_messages;
