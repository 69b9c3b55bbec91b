--liquibase formatted sql

--changeset narasi:20261121120600_add_users_degree_index runInTransaction:false
--comment: Expert directory: case-insensitive filter on the degree.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_degree_lower ON users (lower(degree));
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_users_degree_lower;
