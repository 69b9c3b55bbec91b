--liquibase formatted sql

--changeset narasi:20261121120100_create_login_failures
--comment: Failed logins of the last window, per account (email as typed, lower case) and per client address, for throttling across instances.
CREATE TABLE login_failures (
    id BIGSERIAL PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    client_address VARCHAR(64) NOT NULL,
    failed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_login_failures_email_failed_at ON login_failures (email, failed_at);
CREATE INDEX idx_login_failures_client_address_failed_at ON login_failures (client_address, failed_at);
--rollback DROP TABLE IF EXISTS login_failures;
