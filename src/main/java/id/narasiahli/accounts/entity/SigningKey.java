package id.narasiahli.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * A generated RS256 key pair, shared by every instance through the database: the public key as PEM, the
 * private key sealed under the key-encryption key (KeyEncryption) or, outside production, as plain PEM.
 */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = SigningKey.NEWEST_FIRST, query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC, k.kid")
public class SigningKey {

    public static final String NEWEST_FIRST = "SigningKey.newestFirst";

    @Id
    @Column(name = "kid", length = 64)
    private String kid;

    @Column(name = "algorithm", nullable = false, length = 10)
    private String algorithm;

    @Column(name = "private_key", nullable = false)
    private String privateKey;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected SigningKey() {
        // for JPA
    }

    public SigningKey(String kid, String algorithm, String privateKey, String publicKey, LocalDateTime createdAt) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.createdAt = createdAt;
    }

    public String kid() {
        return kid;
    }

    /** As stored: sealed ({@code aes256gcm:...}) or plain PEM. */
    public String privateKey() {
        return privateKey;
    }

    public void replacePrivateKey(String stored) {
        this.privateKey = stored;
    }
}
