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

/**
 * A conversation with an AI agent. message_count is never written through this entity (insertable and
 * updatable false): only the atomic UPDATE in AiChat.append changes it, so a stale entity cannot overwrite it.
 */
@Entity
@Table(name = "ai_chat_sessions")
public class AiChatSession {

    public static final int SESSION_ID_LENGTH = 100;
    public static final int AGENT_ID_LENGTH = 100;
    public static final int TITLE_LENGTH = 255;
    public static final int STATUS_LENGTH = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @Column(name = "ai_session_id", nullable = false, updatable = false, length = SESSION_ID_LENGTH)
    private String aiSessionId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Integer userId;

    @Column(name = "agent_id", length = AGENT_ID_LENGTH)
    private String agentId;

    @Column(name = "title", nullable = false, length = TITLE_LENGTH)
    private String title;

    @Column(name = "message_count", insertable = false, updatable = false)
    private Integer messageCount;

    @Convert(converter = SessionStatusConverter.class)
    @Column(name = "status", length = STATUS_LENGTH)
    private SessionStatus status;

    @Column(name = "created_at", updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected AiChatSession() {
        // for JPA
    }

    public AiChatSession(String aiSessionId, int userId, String agentId, String title, LocalDateTime now) {
        this.aiSessionId = Objects.requireNonNull(aiSessionId);
        this.userId = userId;
        this.agentId = agentId;
        this.title = Objects.requireNonNull(title);
        this.messageCount = 0;
        this.status = SessionStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Deleted sessions are gone for their owner; everyone else's never existed. */
    public boolean isVisibleTo(int userId) {
        return this.userId == userId && status != SessionStatus.DELETED;
    }

    public void rename(String newTitle, LocalDateTime now) {
        title = Objects.requireNonNull(newTitle);
        updatedAt = now;
    }

    public void changeStatus(SessionStatus newStatus, LocalDateTime now) {
        status = Objects.requireNonNull(newStatus);
        updatedAt = now;
    }

    public Integer id() {
        return id;
    }

    public String aiSessionId() {
        return aiSessionId;
    }

    public Integer userId() {
        return userId;
    }

    public String agentId() {
        return agentId;
    }

    public String title() {
        return title;
    }

    public int messageCount() {
        return messageCount == null ? 0 : messageCount;
    }

    public SessionStatus status() {
        return status;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
