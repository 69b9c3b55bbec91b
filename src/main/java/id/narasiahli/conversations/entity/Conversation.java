package id.narasiahli.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * The one conversation between two users. Rows are created only by a native INSERT … ON CONFLICT DO NOTHING
 * (see Conversations.open), so this entity is read and updated, never persisted.
 */
@Entity
@Table(name = "conversations")
public class Conversation {

    @Id
    @Column(name = "id")
    private Integer id;

    @Column(name = "participant1_id", nullable = false, updatable = false)
    private Integer participant1Id;

    @Column(name = "participant2_id", nullable = false, updatable = false)
    private Integer participant2Id;

    @Column(name = "last_message_at")
    private LocalDateTime lastMessageAt;

    @Column(name = "created_at", updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected Conversation() {
        // for JPA
    }

    public Integer id() {
        return id;
    }

    public boolean hasParticipant(int userId) {
        return participant1Id == userId || participant2Id == userId;
    }

    /** The participant who is not {@code userId}. */
    public int otherThan(int userId) {
        return participant1Id == userId ? participant2Id : participant1Id;
    }

    public LocalDateTime lastMessageAt() {
        return lastMessageAt;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
