--liquibase formatted sql

--changeset test:cli_notes_remark
ALTER TABLE cli_notes ADD COLUMN remark VARCHAR(100);
--rollback ALTER TABLE cli_notes DROP COLUMN IF EXISTS remark;
