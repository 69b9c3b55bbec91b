--liquibase formatted sql

--changeset narasi:20261121120500_add_users_job_title_prefix_index runInTransaction:false
--comment: Expert directory: case-insensitive prefix filter on the last job title.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_last_job_title_lower ON users (lower(last_job_title) text_pattern_ops);
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_users_last_job_title_lower;
