--liquibase formatted sql

--changeset narasi:20261201200300_create_consents
--comment: Which processing each user agreed to and when, and when they withdrew it (issue 15, item 10); a withdrawn consent stays as history, a new grant is a new row.
SET LOCAL lock_timeout = '10s';
CREATE TABLE consents (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL,
    purpose VARCHAR(50) NOT NULL,
    granted_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    withdrawn_at TIMESTAMP,
    CONSTRAINT fk_consents_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT chk_consents_withdrawn_after_granted CHECK (withdrawn_at IS NULL OR withdrawn_at >= granted_at)
);
CREATE UNIQUE INDEX idx_consents_user_purpose_active ON consents (user_id, purpose) WHERE withdrawn_at IS NULL;
CREATE INDEX idx_consents_user_id ON consents (user_id);
--rollback DROP TABLE IF EXISTS consents;
