--liquibase formatted sql

--changeset test:cli_notes
CREATE TABLE cli_notes (
    id SERIAL PRIMARY KEY,
    body VARCHAR(100) NOT NULL
);
--rollback DROP TABLE IF EXISTS cli_notes;
