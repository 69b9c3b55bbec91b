--liquibase formatted sql

--changeset lint:base
CREATE TABLE accounts (id SERIAL PRIMARY KEY, email VARCHAR(100), nickname VARCHAR(50), score INTEGER, owner_id INTEGER);
CREATE TABLE legacy_items (id SERIAL PRIMARY KEY);
CREATE INDEX idx_accounts_email_new ON accounts (email);
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner FOREIGN KEY (owner_id) REFERENCES accounts (id);
--rollback DROP TABLE legacy_items;
--rollback DROP TABLE accounts;

--changeset lint:unsafe-index
SET LOCAL lock_timeout = '10s';
CREATE INDEX idx_accounts_email ON accounts (email);
--rollback DROP INDEX idx_accounts_email;

--changeset lint:safe-index runInTransaction:false
SET lock_timeout = '10s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_accounts_email ON accounts (email);
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_accounts_email;

--changeset lint:unsafe-drop-index
SET LOCAL lock_timeout = '10s';
DROP INDEX idx_accounts_email;
--rollback CREATE INDEX idx_accounts_email ON accounts (email);

--changeset lint:safe-drop-index runInTransaction:false
SET lock_timeout = '10s';
DROP INDEX CONCURRENTLY IF EXISTS idx_accounts_email;
--rollback CREATE INDEX CONCURRENTLY idx_accounts_email ON accounts (email);

--changeset lint:unsafe-concurrently-in-transaction
SET LOCAL lock_timeout = '10s';
CREATE INDEX CONCURRENTLY idx_accounts_nickname ON accounts (nickname);
--rollback DROP INDEX CONCURRENTLY idx_accounts_nickname;

--changeset lint:unsafe-not-null
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts ADD COLUMN status VARCHAR(20) NOT NULL;
--rollback ALTER TABLE accounts DROP COLUMN status;

--changeset lint:safe-not-null
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'active';
--rollback ALTER TABLE accounts DROP COLUMN status;

--changeset lint:unsafe-type-change
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts ALTER COLUMN nickname TYPE TEXT;
--rollback ALTER TABLE accounts ALTER COLUMN nickname TYPE VARCHAR(50);

--changeset lint:safe-type-change
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts ADD COLUMN nickname_text TEXT;
--rollback ALTER TABLE accounts DROP COLUMN nickname_text;

--changeset lint:unsafe-drop-column
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts DROP COLUMN score;
--rollback ALTER TABLE accounts ADD COLUMN score INTEGER;

--changeset lint:unsafe-rename-column
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts RENAME COLUMN nickname TO display_name;
--rollback ALTER TABLE accounts RENAME COLUMN display_name TO nickname;

--changeset lint:unsafe-drop-table
SET LOCAL lock_timeout = '10s';
DROP TABLE legacy_items;
--rollback CREATE TABLE legacy_items (id SERIAL PRIMARY KEY);

--changeset lint:safe-drop-column
SET LOCAL lock_timeout = '10s';
COMMENT ON COLUMN accounts.score IS 'deprecated: unused since 1.4, dropped in a later release';
--rollback COMMENT ON COLUMN accounts.score IS NULL;

--changeset lint:unsafe-foreign-key
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner2 FOREIGN KEY (owner_id) REFERENCES accounts (id);
--rollback ALTER TABLE accounts DROP CONSTRAINT fk_accounts_owner2;

--changeset lint:safe-foreign-key
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner2 FOREIGN KEY (owner_id) REFERENCES accounts (id) NOT VALID;
--rollback ALTER TABLE accounts DROP CONSTRAINT fk_accounts_owner2;

--changeset lint:unsafe-check
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts ADD CONSTRAINT chk_accounts_score CHECK (score >= 0);
--rollback ALTER TABLE accounts DROP CONSTRAINT chk_accounts_score;

--changeset lint:safe-check
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts ADD CONSTRAINT chk_accounts_score CHECK (score >= 0) NOT VALID;
--rollback ALTER TABLE accounts DROP CONSTRAINT chk_accounts_score;

--changeset lint:unsafe-lock-timeout
ALTER TABLE accounts ADD COLUMN bio TEXT;
--rollback ALTER TABLE accounts DROP COLUMN bio;

--changeset lint:safe-lock-timeout
SET LOCAL lock_timeout = '10s';
ALTER TABLE accounts ADD COLUMN bio TEXT;
--rollback ALTER TABLE accounts DROP COLUMN bio;

--changeset lint:unsafe-rollback
CREATE TABLE audit_notes (id SERIAL PRIMARY KEY, note TEXT);

--changeset lint:safe-rollback
CREATE TABLE audit_notes (id SERIAL PRIMARY KEY, note TEXT);
--rollback DROP TABLE audit_notes;

--changeset lint:unsafe-idempotent runOnChange:true
CREATE TABLE lookup_values (code VARCHAR(10) PRIMARY KEY);
--rollback DROP TABLE IF EXISTS lookup_values;

--changeset lint:safe-idempotent runOnChange:true
CREATE TABLE IF NOT EXISTS lookup_values (code VARCHAR(10) PRIMARY KEY);
--rollback DROP TABLE IF EXISTS lookup_values;

--changeset lint:unsafe-create-table-fk
CREATE TABLE account_notes (id SERIAL PRIMARY KEY, account_id INTEGER REFERENCES accounts (id));
--rollback DROP TABLE account_notes;

--changeset lint:safe-create-table-fk
SET LOCAL lock_timeout = '10s';
CREATE TABLE account_notes (id SERIAL PRIMARY KEY, account_id INTEGER, CONSTRAINT fk_account_notes_account FOREIGN KEY (account_id) REFERENCES accounts (id));
--rollback DROP TABLE account_notes;

--changeset lint:unsafe-local-outside-transaction runInTransaction:false
SET LOCAL lock_timeout = '10s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_accounts_bio ON accounts (bio);
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_accounts_bio;

--changeset lint:exempted
-- lint:allow drop-or-rename nothing reads accounts.score since release 1.4 (ticket 42)
ALTER TABLE accounts DROP COLUMN score;
--rollback ALTER TABLE accounts ADD COLUMN score INTEGER;
