--liquibase formatted sql

--changeset narasi:20261121100400_create_research_journals
--comment: Plan migration 004: research journals a user published.
SET LOCAL lock_timeout = '10s';
CREATE TABLE research_journals (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL,
    journal_title VARCHAR(500) NOT NULL,
    publisher VARCHAR(255) NOT NULL,
    journal_url VARCHAR(1000) NOT NULL,
    published_date DATE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_research_journals_user_id
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_research_journals_user_id ON research_journals (user_id);
CREATE INDEX idx_research_journals_publisher ON research_journals (publisher);
CREATE INDEX idx_research_journals_published_date ON research_journals (published_date);
--rollback DROP TABLE IF EXISTS research_journals;
