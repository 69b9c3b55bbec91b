--liquibase formatted sql

--changeset narasi:20261201200000_add_login_failures_failed_at_index runInTransaction:false
--comment: The purge of failed logins older than the throttling window (a timer, no longer the login path) by failed_at.
SET lock_timeout = '10s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_login_failures_failed_at ON login_failures (failed_at);
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_login_failures_failed_at;
