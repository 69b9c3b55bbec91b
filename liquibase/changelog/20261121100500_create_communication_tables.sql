--liquibase formatted sql

--changeset narasi:20261121100500_create_communication_tables
--comment: Plan migration 005: one-to-one conversations and their messages.
SET LOCAL lock_timeout = '10s';
CREATE TABLE conversations (
    id SERIAL PRIMARY KEY,
    participant1_id INTEGER NOT NULL,
    participant2_id INTEGER NOT NULL,
    last_message_at TIMESTAMP,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_conversations_participant1
        FOREIGN KEY (participant1_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_conversations_participant2
        FOREIGN KEY (participant2_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT chk_different_participants
        CHECK (participant1_id != participant2_id)
);
-- One conversation per pair of users, whichever of them started it.
CREATE UNIQUE INDEX idx_conversations_participants
    ON conversations (LEAST(participant1_id, participant2_id), GREATEST(participant1_id, participant2_id));
CREATE INDEX idx_conversations_participant1 ON conversations (participant1_id);
CREATE INDEX idx_conversations_participant2 ON conversations (participant2_id);
CREATE INDEX idx_conversations_last_message_at ON conversations (last_message_at);

CREATE TABLE chat_messages (
    id SERIAL PRIMARY KEY,
    conversation_id INTEGER NOT NULL,
    sender_id INTEGER NOT NULL,
    message_text TEXT,
    message_type VARCHAR(20) NOT NULL DEFAULT 'text',
    file_url VARCHAR(500),
    file_name VARCHAR(255),
    file_size BIGINT,
    is_read BOOLEAN DEFAULT FALSE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_chat_messages_conversation
        FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE,
    CONSTRAINT fk_chat_messages_sender
        FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT chk_message_type
        CHECK (message_type IN ('text', 'image', 'file', 'audio')),
    CONSTRAINT chk_message_content
        CHECK (
            (message_type = 'text' AND message_text IS NOT NULL) OR
            (message_type != 'text' AND file_url IS NOT NULL)
        )
);
CREATE INDEX idx_chat_messages_conversation_id ON chat_messages (conversation_id);
CREATE INDEX idx_chat_messages_sender_id ON chat_messages (sender_id);
CREATE INDEX idx_chat_messages_created_at ON chat_messages (created_at);
CREATE INDEX idx_chat_messages_is_read ON chat_messages (is_read);
--rollback DROP TABLE IF EXISTS chat_messages;
--rollback DROP TABLE IF EXISTS conversations;
