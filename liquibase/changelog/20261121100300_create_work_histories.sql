--liquibase formatted sql

--changeset narasi:20261121100300_create_work_histories
--comment: Plan migration 003: work history of a user.
SET LOCAL lock_timeout = '10s';
CREATE TABLE work_histories (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL,
    job_title VARCHAR(255) NOT NULL,
    company_name VARCHAR(255) NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_work_histories_user_id
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_work_histories_user_id ON work_histories (user_id);
CREATE INDEX idx_work_histories_start_date ON work_histories (start_date);
CREATE INDEX idx_work_histories_company_name ON work_histories (company_name);
ALTER TABLE work_histories
    ADD CONSTRAINT chk_work_dates CHECK (end_date IS NULL OR end_date >= start_date);
--rollback DROP TABLE IF EXISTS work_histories;
