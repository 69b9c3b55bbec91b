--liquibase formatted sql

-- The zero-downtime test set: unsafe statements on tables in use, each followed by its safe rewrite.
-- Every changeset "uNN-..." must be flagged with exactly the rules of its "expect" comment; no changeset
-- "sNN-..." may have any finding (ZeroDowntimeLintTest). The same set was run through squawk 2.66.0 by hand
-- (src/site/markdown/zero-downtime.md has the table). The tables below exist before every later changeset.

--changeset zd:base
CREATE TABLE accounts (id BIGSERIAL PRIMARY KEY, email TEXT, nickname TEXT, score INTEGER, owner_id BIGINT, status TEXT);
CREATE TABLE orders (id BIGSERIAL PRIMARY KEY, account_id BIGINT, total NUMERIC, note TEXT);
CREATE TABLE events (id BIGSERIAL PRIMARY KEY, payload TEXT, created_at TIMESTAMPTZ);
CREATE TABLE legacy_codes (code TEXT NOT NULL, label TEXT);
CREATE INDEX idx_orders_account ON orders (account_id);
--rollback DROP TABLE legacy_codes;
--rollback DROP TABLE events;
--rollback DROP TABLE orders;
--rollback DROP TABLE accounts;

--changeset zd:base-function splitStatements:false
CREATE OR REPLACE FUNCTION touch_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;
--rollback DROP FUNCTION touch_event();

--changeset zd:u01-index
--comment: expect index-without-concurrently
SET LOCAL lock_timeout = '5s';
CREATE INDEX idx_accounts_email ON accounts (email);
--rollback DROP INDEX idx_accounts_email;

--changeset zd:s01-index runInTransaction:false
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_accounts_email ON accounts (email);
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_accounts_email;

--changeset zd:u02-drop-index
--comment: expect index-without-concurrently
SET LOCAL lock_timeout = '5s';
DROP INDEX idx_orders_account;
--rollback CREATE INDEX idx_orders_account ON orders (account_id);

--changeset zd:s02-drop-index runInTransaction:false
SET lock_timeout = '5s';
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_account;
--rollback CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_account ON orders (account_id);

--changeset zd:u03-concurrently-in-transaction
--comment: expect concurrently-in-transaction
SET LOCAL lock_timeout = '5s';
CREATE INDEX CONCURRENTLY idx_accounts_nickname ON accounts (nickname);
--rollback DROP INDEX CONCURRENTLY idx_accounts_nickname;

--changeset zd:s03-concurrently-in-transaction runInTransaction:false
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_accounts_nickname ON accounts (nickname);
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_accounts_nickname;

--changeset zd:u04-required-column
--comment: expect not-null-without-default
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN tier TEXT NOT NULL;
--rollback ALTER TABLE accounts DROP COLUMN tier;

--changeset zd:s04-required-column
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN tier TEXT NOT NULL DEFAULT 'basic';
--rollback ALTER TABLE accounts DROP COLUMN tier;

--changeset zd:u05-type-change
--comment: expect column-type-change
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN total TYPE BIGINT;
--rollback ALTER TABLE orders ALTER COLUMN total TYPE NUMERIC;

--changeset zd:s05-type-change
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN total_cents BIGINT;
--rollback ALTER TABLE orders DROP COLUMN total_cents;

--changeset zd:u06-drop-column
--comment: expect drop-or-rename
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN note;
--rollback ALTER TABLE orders ADD COLUMN note TEXT;

--changeset zd:s06-drop-column
SET LOCAL lock_timeout = '5s';
COMMENT ON COLUMN orders.note IS 'deprecated: unused since 2.3, dropped in a later release';
--rollback COMMENT ON COLUMN orders.note IS NULL;

--changeset zd:u07-rename-column
--comment: expect drop-or-rename
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts RENAME COLUMN nickname TO display_name;
--rollback ALTER TABLE accounts RENAME COLUMN display_name TO nickname;

--changeset zd:s07-rename-column
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN display_name TEXT;
--rollback ALTER TABLE accounts DROP COLUMN display_name;

--changeset zd:u08-foreign-key
--comment: expect constraint-without-not-valid
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES accounts (id);
--rollback ALTER TABLE orders DROP CONSTRAINT fk_orders_account;

--changeset zd:s08a-foreign-key
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
--rollback ALTER TABLE orders DROP CONSTRAINT fk_orders_account;

--changeset zd:s08b-foreign-key
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_account;
--rollback SELECT 1;

--changeset zd:u09-check
--comment: expect constraint-without-not-valid
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD CONSTRAINT chk_accounts_score CHECK (score >= 0);
--rollback ALTER TABLE accounts DROP CONSTRAINT chk_accounts_score;

--changeset zd:s09a-check
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD CONSTRAINT chk_accounts_score CHECK (score >= 0) NOT VALID;
--rollback ALTER TABLE accounts DROP CONSTRAINT chk_accounts_score;

--changeset zd:s09b-check
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts VALIDATE CONSTRAINT chk_accounts_score;
--rollback SELECT 1;

--changeset zd:u10-lock-timeout
--comment: expect missing-lock-timeout
ALTER TABLE accounts ADD COLUMN bio TEXT;
--rollback ALTER TABLE accounts DROP COLUMN bio;

--changeset zd:s10-lock-timeout
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN bio TEXT;
--rollback ALTER TABLE accounts DROP COLUMN bio;

--changeset zd:u11-set-not-null
--comment: expect set-not-null-without-check
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
--rollback ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;

--changeset zd:s11a-set-not-null
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD CONSTRAINT chk_accounts_email_not_null CHECK (email IS NOT NULL) NOT VALID;
--rollback ALTER TABLE accounts DROP CONSTRAINT chk_accounts_email_not_null;

--changeset zd:s11b-set-not-null
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts VALIDATE CONSTRAINT chk_accounts_email_not_null;
--rollback SELECT 1;

--changeset zd:s11c-set-not-null
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
ALTER TABLE accounts DROP CONSTRAINT chk_accounts_email_not_null;
--rollback ALTER TABLE accounts ADD CONSTRAINT chk_accounts_email_not_null CHECK (email IS NOT NULL) NOT VALID;
--rollback ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;

--changeset zd:u12-set-not-null-unvalidated-check
--comment: expect set-not-null-without-check
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT chk_orders_total_not_null CHECK (total IS NOT NULL) NOT VALID;
ALTER TABLE orders ALTER COLUMN total SET NOT NULL;
--rollback ALTER TABLE orders ALTER COLUMN total DROP NOT NULL;
--rollback ALTER TABLE orders DROP CONSTRAINT chk_orders_total_not_null;

--changeset zd:s12-set-not-null-unvalidated-check
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_total_not_null;
ALTER TABLE orders ALTER COLUMN total SET NOT NULL;
--rollback ALTER TABLE orders ALTER COLUMN total DROP NOT NULL;

--changeset zd:u13-unique
--comment: expect unique-without-index
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD CONSTRAINT uq_accounts_email UNIQUE (email);
--rollback ALTER TABLE accounts DROP CONSTRAINT uq_accounts_email;

--changeset zd:s13a-unique runInTransaction:false
SET lock_timeout = '5s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_accounts_email ON accounts (email);
--rollback DROP INDEX CONCURRENTLY IF EXISTS uq_accounts_email;

--changeset zd:s13b-unique
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD CONSTRAINT uq_accounts_email UNIQUE USING INDEX uq_accounts_email;
--rollback ALTER TABLE accounts DROP CONSTRAINT uq_accounts_email;

--changeset zd:u14-primary-key
--comment: expect unique-without-index
SET LOCAL lock_timeout = '5s';
ALTER TABLE legacy_codes ADD CONSTRAINT pk_legacy_codes PRIMARY KEY (code);
--rollback ALTER TABLE legacy_codes DROP CONSTRAINT pk_legacy_codes;

--changeset zd:s14a-primary-key runInTransaction:false
SET lock_timeout = '5s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS pk_legacy_codes ON legacy_codes (code);
--rollback DROP INDEX CONCURRENTLY IF EXISTS pk_legacy_codes;

--changeset zd:s14b-primary-key
SET LOCAL lock_timeout = '5s';
ALTER TABLE legacy_codes ADD CONSTRAINT pk_legacy_codes PRIMARY KEY USING INDEX pk_legacy_codes;
--rollback ALTER TABLE legacy_codes DROP CONSTRAINT pk_legacy_codes;

--changeset zd:u15-unique-column
--comment: expect unique-without-index
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN reference TEXT UNIQUE;
--rollback ALTER TABLE orders DROP COLUMN reference;

--changeset zd:s15a-unique-column
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN reference TEXT;
--rollback ALTER TABLE orders DROP COLUMN reference;

--changeset zd:s15b-unique-column runInTransaction:false
SET lock_timeout = '5s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_orders_reference ON orders (reference);
--rollback DROP INDEX CONCURRENTLY IF EXISTS uq_orders_reference;

--changeset zd:u16-uuid-default
--comment: expect volatile-default
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN public_id UUID DEFAULT gen_random_uuid();
--rollback ALTER TABLE accounts DROP COLUMN public_id;

--changeset zd:s16-uuid-default
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN public_id UUID;
ALTER TABLE accounts ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
--rollback ALTER TABLE accounts DROP COLUMN public_id;

--changeset zd:u17-clock-default
--comment: expect volatile-default
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN placed_at TIMESTAMPTZ DEFAULT clock_timestamp();
--rollback ALTER TABLE orders DROP COLUMN placed_at;

--changeset zd:s17-clock-default
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN placed_at TIMESTAMPTZ DEFAULT now();
--rollback ALTER TABLE orders DROP COLUMN placed_at;

--changeset zd:u18-random-default
--comment: expect volatile-default
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN sample_weight DOUBLE PRECISION DEFAULT random();
--rollback ALTER TABLE accounts DROP COLUMN sample_weight;

--changeset zd:s18-random-default
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN sample_weight DOUBLE PRECISION DEFAULT 0.5;
--rollback ALTER TABLE accounts DROP COLUMN sample_weight;

--changeset zd:u19-serial-column
--comment: expect volatile-default
SET LOCAL lock_timeout = '5s';
ALTER TABLE legacy_codes ADD COLUMN id BIGSERIAL;
--rollback ALTER TABLE legacy_codes DROP COLUMN id;

--changeset zd:s19-serial-column
SET LOCAL lock_timeout = '5s';
ALTER TABLE legacy_codes ADD COLUMN id BIGINT;
--rollback ALTER TABLE legacy_codes DROP COLUMN id;

--changeset zd:u20-generated-stored
--comment: expect volatile-default
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN total_rounded NUMERIC GENERATED ALWAYS AS (round(total)) STORED;
--rollback ALTER TABLE orders DROP COLUMN total_rounded;

--changeset zd:s20-generated-stored
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN total_rounded NUMERIC;
--rollback ALTER TABLE orders DROP COLUMN total_rounded;

--changeset zd:u21-update
--comment: expect unbatched-data-change
UPDATE accounts SET status = 'active' WHERE status IS NULL;
--rollback UPDATE accounts SET status = NULL WHERE status = 'active';

--changeset zd:u22-delete
--comment: expect unbatched-data-change
DELETE FROM events WHERE created_at < now() - INTERVAL '1 year';
--rollback SELECT 1;

--changeset zd:u23-reindex-index
--comment: expect reindex-without-concurrently
SET LOCAL lock_timeout = '5s';
REINDEX INDEX idx_accounts_email;
--rollback SELECT 1;

--changeset zd:s23-reindex-index runInTransaction:false
SET lock_timeout = '5s';
REINDEX INDEX CONCURRENTLY idx_accounts_email;
--rollback SELECT 1;

--changeset zd:u24-reindex-table
--comment: expect reindex-without-concurrently
SET LOCAL lock_timeout = '5s';
REINDEX TABLE orders;
--rollback SELECT 1;

--changeset zd:s24-reindex-table runInTransaction:false
SET lock_timeout = '5s';
REINDEX TABLE CONCURRENTLY orders;
--rollback SELECT 1;

--changeset zd:u25-vacuum-full runInTransaction:false
--comment: expect vacuum-full-or-cluster
VACUUM FULL events;
--rollback SELECT 1;

--changeset zd:s25-vacuum-full runInTransaction:false
VACUUM (ANALYZE) events;
--rollback SELECT 1;

--changeset zd:u26-vacuum-full-options runInTransaction:false
--comment: expect vacuum-full-or-cluster
VACUUM (FULL, ANALYZE) orders;
--rollback SELECT 1;

--changeset zd:s26-vacuum-full-options runInTransaction:false
VACUUM (ANALYZE, SKIP_LOCKED) orders;
--rollback SELECT 1;

--changeset zd:u27-cluster
--comment: expect vacuum-full-or-cluster
CLUSTER accounts USING idx_accounts_email;
--rollback SELECT 1;

--changeset zd:s27-cluster runInTransaction:false
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_accounts_email_id ON accounts (email, id);
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_accounts_email_id;

--changeset zd:u28-lock-table
--comment: expect lock-table
SET LOCAL lock_timeout = '5s';
LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE;
ALTER TABLE accounts ADD COLUMN locale TEXT;
--rollback ALTER TABLE accounts DROP COLUMN locale;

--changeset zd:s28-lock-table
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN locale TEXT;
--rollback ALTER TABLE accounts DROP COLUMN locale;

--changeset zd:u29-truncate
--comment: expect truncate-existing-table
TRUNCATE events;
--rollback SELECT 1;

--changeset zd:s29-truncate
SET LOCAL lock_timeout = '5s';
CREATE TABLE events_v2 (id BIGSERIAL PRIMARY KEY, payload TEXT, created_at TIMESTAMPTZ);
--rollback DROP TABLE events_v2;

--changeset zd:u30-trigger
--comment: expect trigger-on-existing-table
CREATE TRIGGER trg_events_touch BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION touch_event();
--rollback DROP TRIGGER trg_events_touch ON events;

--changeset zd:s30-trigger
SET LOCAL lock_timeout = '5s';
CREATE TRIGGER trg_events_touch BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION touch_event();
--rollback DROP TRIGGER trg_events_touch ON events;

--changeset zd:u31-trigger-with-other-ddl
--comment: expect trigger-on-existing-table
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN updated_at TIMESTAMPTZ;
CREATE TRIGGER trg_orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_event();
--rollback DROP TRIGGER trg_orders_touch ON orders;
--rollback ALTER TABLE orders DROP COLUMN updated_at;

--changeset zd:s31a-trigger-with-other-ddl
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN updated_at TIMESTAMPTZ;
--rollback ALTER TABLE orders DROP COLUMN updated_at;

--changeset zd:s31b-trigger-with-other-ddl
SET LOCAL lock_timeout = '5s';
CREATE TRIGGER trg_orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_event();
--rollback DROP TRIGGER trg_orders_touch ON orders;

--changeset zd:u32-schema-and-data
--comment: expect schema-and-data-mixed
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN referral TEXT;
INSERT INTO legacy_codes (code, label) VALUES ('referral', 'Referral programme');
--rollback DELETE FROM legacy_codes WHERE code = 'referral';
--rollback ALTER TABLE accounts DROP COLUMN referral;

--changeset zd:s32a-schema-and-data
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN referral TEXT;
--rollback ALTER TABLE accounts DROP COLUMN referral;

--changeset zd:s32b-schema-and-data
INSERT INTO legacy_codes (code, label) VALUES ('referral', 'Referral programme');
--rollback DELETE FROM legacy_codes WHERE code = 'referral';

--changeset zd:u33-new-table-seeding-existing
--comment: expect schema-and-data-mixed
CREATE TABLE regions (code TEXT PRIMARY KEY, name TEXT);
INSERT INTO legacy_codes (code, label) VALUES ('region', 'Region');
--rollback DELETE FROM legacy_codes WHERE code = 'region';
--rollback DROP TABLE regions;

--changeset zd:s33-new-table-seeding-existing
CREATE TABLE regions (code TEXT PRIMARY KEY, name TEXT);
INSERT INTO regions (code, name) VALUES ('jkt', 'Jakarta');
--rollback DROP TABLE regions;

--changeset zd:u34-fk-from-new-table
--comment: expect missing-lock-timeout
CREATE TABLE order_notes (id BIGSERIAL PRIMARY KEY, order_id BIGINT REFERENCES orders (id), note TEXT);
--rollback DROP TABLE order_notes;

--changeset zd:s34-fk-from-new-table
SET LOCAL lock_timeout = '5s';
CREATE TABLE order_notes (id BIGSERIAL PRIMARY KEY, order_id BIGINT REFERENCES orders (id), note TEXT);
--rollback DROP TABLE order_notes;

--changeset zd:u35-drop-table
--comment: expect drop-or-rename
SET LOCAL lock_timeout = '5s';
DROP TABLE legacy_codes;
--rollback CREATE TABLE legacy_codes (code TEXT NOT NULL, label TEXT);

--changeset zd:s35-drop-table
SET LOCAL lock_timeout = '5s';
COMMENT ON TABLE legacy_codes IS 'deprecated: unused since 2.3, dropped in a later release';
--rollback COMMENT ON TABLE legacy_codes IS NULL;
