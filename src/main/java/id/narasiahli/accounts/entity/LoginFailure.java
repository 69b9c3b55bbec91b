package id.narasiahli.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A failed login, kept for the throttling window only. */
@Entity
@Table(name = "login_failures")
public class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "email", nullable = false, length = 255)
    private String email;

    @Column(name = "client_address", nullable = false, length = 64)
    private String clientAddress;

    @Column(name = "failed_at", nullable = false)
    private LocalDateTime failedAt;

    protected LoginFailure() {
        // for JPA
    }

    public LoginFailure(String email, String clientAddress, LocalDateTime failedAt) {
        this.email = email.length() > 255 ? email.substring(0, 255) : email;
        this.clientAddress = clientAddress;
        this.failedAt = failedAt;
    }
}
