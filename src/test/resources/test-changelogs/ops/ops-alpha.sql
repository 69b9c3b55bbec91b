--liquibase formatted sql

--changeset test:ops_alpha
--comment: Alpha, the table later changesets change.
CREATE TABLE ops_alpha (id INTEGER PRIMARY KEY, label VARCHAR(20));
--rollback DROP TABLE ops_alpha;
