--liquibase formatted sql

--changeset test:manifest_plain
CREATE TABLE manifest_plain (id integer);
--rollback DROP TABLE manifest_plain;

--changeset test:manifest_refresh runAlways:true
UPDATE manifest_plain SET id = id;
--rollback empty
