--liquibase formatted sql

--changeset test:invalid_index_unique_code runInTransaction:false
-- Fails on duplicate codes and leaves uq_codes_code INVALID; IF NOT EXISTS alone would then skip it forever.
SET lock_timeout = '5s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_codes_code ON codes (code);
--rollback DROP INDEX CONCURRENTLY IF EXISTS uq_codes_code;
