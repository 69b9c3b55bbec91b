--liquibase formatted sql

--changeset test:manifest_guarded
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_tables WHERE tablename = 'manifest_guarded'
CREATE TABLE manifest_guarded (id integer);
--rollback DROP TABLE manifest_guarded;
