--liquibase formatted sql

--changeset narasi:20261121120400_add_users_fullname_search_index runInTransaction:false
--comment: Expert directory: word-prefix search on names. Built concurrently: users is read and written while it builds.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_fullname_search ON users USING gin (to_tsvector('simple', fullname));
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_users_fullname_search;
