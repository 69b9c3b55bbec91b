--liquibase formatted sql

--changeset test:manifest_everywhere
CREATE TABLE manifest_everywhere (id integer);
--rollback DROP TABLE manifest_everywhere;

--changeset test:manifest_dev_only context:dev
INSERT INTO manifest_everywhere VALUES (1);
--rollback DELETE FROM manifest_everywhere;

--changeset test:manifest_not_dev context:!dev
INSERT INTO manifest_everywhere VALUES (2);
--rollback DELETE FROM manifest_everywhere WHERE id = 2;
