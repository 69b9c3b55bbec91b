--liquibase formatted sql

--changeset narasi:20261121100600_create_ai_chat_tables
--comment: Plan migration 006: AI chat sessions, their messages and usage logs.
SET LOCAL lock_timeout = '10s';
CREATE TABLE ai_chat_sessions (
    id SERIAL PRIMARY KEY,
    ai_session_id VARCHAR(100) NOT NULL UNIQUE,
    user_id INTEGER NOT NULL,
    agent_id VARCHAR(100),
    title VARCHAR(255) NOT NULL,
    message_count INTEGER DEFAULT 0,
    status VARCHAR(20) DEFAULT 'active',
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_ai_chat_sessions_user
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT chk_session_status
        CHECK (status IN ('active', 'archived', 'deleted')),
    CONSTRAINT chk_message_count
        CHECK (message_count >= 0)
);
CREATE INDEX idx_ai_chat_sessions_user_id ON ai_chat_sessions (user_id);
CREATE INDEX idx_ai_chat_sessions_status ON ai_chat_sessions (status);
CREATE INDEX idx_ai_chat_sessions_created_at ON ai_chat_sessions (created_at);

CREATE TABLE ai_chat_messages (
    id SERIAL PRIMARY KEY,
    session_id INTEGER NOT NULL,
    message_type VARCHAR(20) NOT NULL,
    content TEXT NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_ai_chat_messages_session
        FOREIGN KEY (session_id) REFERENCES ai_chat_sessions (id) ON DELETE CASCADE,
    CONSTRAINT chk_ai_message_type
        CHECK (message_type IN ('user', 'assistant'))
);
CREATE INDEX idx_ai_chat_messages_session_id ON ai_chat_messages (session_id);
CREATE INDEX idx_ai_chat_messages_created_at ON ai_chat_messages (created_at);
CREATE INDEX idx_ai_chat_messages_message_type ON ai_chat_messages (message_type);

CREATE TABLE ai_chat_logs (
    id SERIAL PRIMARY KEY,
    session_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    start_date TIMESTAMP NOT NULL,
    end_date TIMESTAMP,
    total_duration BIGINT DEFAULT 0, -- in seconds
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_ai_chat_logs_session
        FOREIGN KEY (session_id) REFERENCES ai_chat_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_ai_chat_logs_user
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT chk_chat_log_dates
        CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT chk_total_duration
        CHECK (total_duration >= 0)
);
CREATE INDEX idx_ai_chat_logs_session_id ON ai_chat_logs (session_id);
CREATE INDEX idx_ai_chat_logs_user_id ON ai_chat_logs (user_id);
CREATE INDEX idx_ai_chat_logs_start_date ON ai_chat_logs (start_date);
--rollback DROP TABLE IF EXISTS ai_chat_logs;
--rollback DROP TABLE IF EXISTS ai_chat_messages;
--rollback DROP TABLE IF EXISTS ai_chat_sessions;
