--liquibase formatted sql

--changeset narasi:20261201200200_drop_ai_chat_sessions_global_session_id_unique
--comment: The global uniqueness of ai_session_id goes; idx_ai_chat_sessions_user_ai_session_id keeps it unique per user. The previous release checks uniqueness globally before inserting, so it runs unchanged on either schema.
SET LOCAL lock_timeout = '10s';
ALTER TABLE ai_chat_sessions DROP CONSTRAINT IF EXISTS ai_chat_sessions_ai_session_id_key;
--rollback ALTER TABLE ai_chat_sessions ADD CONSTRAINT ai_chat_sessions_ai_session_id_key UNIQUE (ai_session_id);
