--liquibase formatted sql

--changeset test:batched_setup splitStatements:false
-- batch_gate(501) waits at the test's gate (advisory lock 7007) for as long as the test holds it.
CREATE TABLE batch_items (id BIGINT PRIMARY KEY, counter INTEGER NOT NULL DEFAULT 0);
INSERT INTO batch_items (id) SELECT g FROM generate_series(1, 3000) g;
CREATE FUNCTION batch_gate(k BIGINT) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
BEGIN
    IF k = 501 THEN
        PERFORM pg_advisory_xact_lock(7007);
    END IF;
    RETURN TRUE;
END $$;
--rollback DROP FUNCTION batch_gate(BIGINT); DROP TABLE batch_items;
