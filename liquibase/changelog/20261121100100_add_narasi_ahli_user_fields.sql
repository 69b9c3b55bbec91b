--liquibase formatted sql

--changeset narasi:20261121100100_add_narasi_ahli_user_fields
--comment: Plan migration 001: profile fields for experts on the existing users table.
-- users already holds data: give up instead of queueing behind long transactions.
SET LOCAL lock_timeout = '10s';
ALTER TABLE users
    ADD COLUMN IF NOT EXISTS degree VARCHAR(100),
    ADD COLUMN IF NOT EXISTS whatsapp_number VARCHAR(20),
    ADD COLUMN IF NOT EXISTS last_job_title VARCHAR(255);
CREATE INDEX IF NOT EXISTS idx_users_whatsapp_number ON users (whatsapp_number);
CREATE INDEX IF NOT EXISTS idx_users_last_job_title ON users (last_job_title);
--rollback SET LOCAL lock_timeout = '10s';
--rollback ALTER TABLE users DROP COLUMN IF EXISTS degree, DROP COLUMN IF EXISTS whatsapp_number, DROP COLUMN IF EXISTS last_job_title;
