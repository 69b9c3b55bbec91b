--liquibase formatted sql

--changeset narasi:20261121100200_create_education_histories
--comment: Plan migration 002: education history of a user.
SET LOCAL lock_timeout = '10s';
CREATE TABLE education_histories (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL,
    school_name VARCHAR(255) NOT NULL,
    major VARCHAR(255) NOT NULL,
    education_level VARCHAR(100) NOT NULL,
    graduation_year INTEGER NOT NULL,
    certificate_image VARCHAR(500),
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_education_histories_user_id
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_education_histories_user_id ON education_histories (user_id);
CREATE INDEX idx_education_histories_graduation_year ON education_histories (graduation_year);
CREATE INDEX idx_education_histories_education_level ON education_histories (education_level);
ALTER TABLE education_histories
    ADD CONSTRAINT chk_graduation_year CHECK (graduation_year >= 1950 AND graduation_year <= 2030);
--rollback DROP TABLE IF EXISTS education_histories;
