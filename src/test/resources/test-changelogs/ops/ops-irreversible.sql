--liquibase formatted sql

--changeset test:ops_irreversible
--comment: No rollback: rolling back over it must be refused before anything runs.
CREATE TABLE ops_irreversible (id INTEGER);
