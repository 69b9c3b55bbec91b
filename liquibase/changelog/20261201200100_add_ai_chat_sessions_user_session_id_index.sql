--liquibase formatted sql

--changeset narasi:20261201200100_add_ai_chat_sessions_user_session_id_index runInTransaction:false
--comment: aiSessionId is unique per user (issue 15): one user's id no longer collides with, or reveals, another user's.
SET lock_timeout = '10s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_ai_chat_sessions_user_ai_session_id ON ai_chat_sessions (user_id, ai_session_id);
--rollback DROP INDEX CONCURRENTLY IF EXISTS idx_ai_chat_sessions_user_ai_session_id;
