--liquibase formatted sql

--changeset test:ops_beta
CREATE TABLE ops_beta (id INTEGER);
--rollback DROP TABLE ops_beta;
