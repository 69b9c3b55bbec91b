package id.narasiahli.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.Objects;

/** One grant of consent to a purpose, and its withdrawal; withdrawn grants stay as the history. */
@Entity
@Table(name = "consents")
@NamedQuery(name = Consent.OF_USER, query = "SELECT c FROM Consent c WHERE c.userId = :user ORDER BY c.grantedAt, c.id")
@NamedQuery(name = Consent.ACTIVE, query = "SELECT c FROM Consent c WHERE c.userId = :user AND c.purpose = :purpose"
        + " AND c.withdrawnAt IS NULL")
public class Consent {

    public static final String OF_USER = "Consent.ofUser";
    public static final String ACTIVE = "Consent.active";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "user_id", nullable = false)
    private Integer userId;

    @Column(name = "purpose", nullable = false, length = 50)
    private String purpose;

    @Column(name = "granted_at", nullable = false)
    private LocalDateTime grantedAt;

    @Column(name = "withdrawn_at")
    private LocalDateTime withdrawnAt;

    protected Consent() {
        // for JPA
    }

    public Consent(int userId, ConsentPurpose purpose, LocalDateTime grantedAt) {
        this.userId = userId;
        this.purpose = Objects.requireNonNull(purpose).value();
        this.grantedAt = Objects.requireNonNull(grantedAt);
    }

    public void withdraw(LocalDateTime now) {
        if (withdrawnAt == null) {
            withdrawnAt = now;
        }
    }

    public String purpose() {
        return purpose;
    }

    public LocalDateTime grantedAt() {
        return grantedAt;
    }

    public LocalDateTime withdrawnAt() {
        return withdrawnAt;
    }
}
