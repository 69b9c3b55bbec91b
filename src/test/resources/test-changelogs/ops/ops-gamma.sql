--liquibase formatted sql

--changeset test:ops_gamma
ALTER TABLE ops_alpha ADD COLUMN gamma INTEGER;
--rollback ALTER TABLE ops_alpha DROP COLUMN gamma;
