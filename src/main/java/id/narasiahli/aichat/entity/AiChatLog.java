package id.narasiahli.aichat.entity;

import id.narasiahli.platform.control.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/** A stretch of use of an AI session, from start to end; the duration is computed here, never taken from a client. */
@Entity
@Table(name = "ai_chat_logs")
public class AiChatLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private Integer sessionId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Integer userId;

    @Column(name = "start_date", nullable = false, updatable = false)
    private LocalDateTime startDate;

    @Column(name = "end_date")
    private LocalDateTime endDate;

    @Column(name = "total_duration")
    private Long totalDuration;

    @Column(name = "created_at", updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected AiChatLog() {
        // for JPA
    }

    public AiChatLog(int sessionId, int userId, LocalDateTime startDate, LocalDateTime now) {
        this.sessionId = sessionId;
        this.userId = userId;
        this.startDate = Objects.requireNonNull(startDate);
        this.totalDuration = 0L;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Ends the log once: 409 when it already ended, 400 when the end is before the start (chk_chat_log_dates). */
    public void end(LocalDateTime at, LocalDateTime now) {
        if (endDate != null) {
            throw ApiException.conflict("log-already-ended", "This usage log already ended at " + endDate + "Z");
        }
        if (at.isBefore(startDate)) {
            throw ApiException.invalid("endDate", "must not be before the log's start (" + startDate + "Z)");
        }
        endDate = at;
        totalDuration = Duration.between(startDate, at).toSeconds();
        updatedAt = now;
    }

    public Integer id() {
        return id;
    }

    public Integer sessionId() {
        return sessionId;
    }

    public Integer userId() {
        return userId;
    }

    public LocalDateTime startDate() {
        return startDate;
    }

    public LocalDateTime endDate() {
        return endDate;
    }

    public long totalDuration() {
        return totalDuration == null ? 0 : totalDuration;
    }
}
