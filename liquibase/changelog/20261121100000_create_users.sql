--liquibase formatted sql

--changeset narasi:20261121100000_create_users
--comment: Baseline: the users table the schema plan assumes to exist, plus what accounts need.
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    fullname VARCHAR(255) NOT NULL,
    email VARCHAR(255) NOT NULL,
    phone_number VARCHAR(20),
    last_education VARCHAR(255),
    password_hash VARCHAR(255) NOT NULL,
    role VARCHAR(20) NOT NULL DEFAULT 'USER',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT chk_users_role CHECK (role IN ('USER', 'ADMIN'))
);
-- Email is unique regardless of letter case.
CREATE UNIQUE INDEX uq_users_email ON users (LOWER(email));
--rollback DROP TABLE IF EXISTS users;
