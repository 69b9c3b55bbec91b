package id.narasiahli.aichat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.Objects;

/** One turn of an AI session, written by the user or by the assistant. */
@Entity
@Table(name = "ai_chat_messages")
public class AiChatMessage {

    public static final int CONTENT_LENGTH = 100_000;
    public static final int MESSAGE_TYPE_LENGTH = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Integer sessionId;

    @Convert(converter = AiMessageTypeConverter.class)
    @Column(name = "message_type", nullable = false, updatable = false, length = MESSAGE_TYPE_LENGTH)
    private AiMessageType type;

    @Column(name = "content", nullable = false, updatable = false)
    private String content;

    @Column(name = "created_at", updatable = false)
    private LocalDateTime createdAt;

    protected AiChatMessage() {
        // for JPA
    }

    public AiChatMessage(int sessionId, AiMessageType type, String content, LocalDateTime createdAt) {
        this.sessionId = sessionId;
        this.type = Objects.requireNonNull(type);
        this.content = Objects.requireNonNull(content);
        this.createdAt = createdAt;
    }

    public Integer id() {
        return id;
    }

    public Integer sessionId() {
        return sessionId;
    }

    public AiMessageType type() {
        return type;
    }

    public String content() {
        return content;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
