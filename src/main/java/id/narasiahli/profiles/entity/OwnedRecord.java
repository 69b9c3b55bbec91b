package id.narasiahli.profiles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.LocalDateTime;

/** A history entry that belongs to one user (user_id) and carries the plan's id and timestamps. */
@MappedSuperclass
public abstract class OwnedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Integer userId;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected OwnedRecord() {
        // for JPA
    }

    protected OwnedRecord(Integer userId, LocalDateTime now) {
        this.userId = userId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Integer id() {
        return id;
    }

    public Integer userId() {
        return userId;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    protected void touch(LocalDateTime now) {
        updatedAt = now;
    }
}
