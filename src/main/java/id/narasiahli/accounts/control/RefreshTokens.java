package id.narasiahli.accounts.control;

import id.narasiahli.accounts.entity.RefreshToken;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.platform.control.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Refresh tokens: 256 random bits given to the client once, stored as their SHA-256 only. Every use
 * rotates the token within its family; a second use of a spent token revokes the whole family, so a
 * stolen token stops working for the thief and the victim alike (they log in again).
 */
@ApplicationScoped
public class RefreshTokens {

    private static final Logger LOG = Logger.getLogger(RefreshTokens.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Issued tokens are 43 characters (32 bytes in Base64url); anything much longer is not one of ours. */
    public static final int MAX_TOKEN_LENGTH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "narasi.auth.refresh-token-days", defaultValue = "30")
    long refreshTokenDays;

    /** However often it is rotated, a login (a family) ends this long after it began: then the user logs in again. */
    @Inject
    @ConfigProperty(name = "narasi.auth.refresh-family-days", defaultValue = "90")
    long refreshFamilyDays;

    public record Issued(String token, Duration lifetime) {
    }

    public Issued issue(Integer userId) {
        return issue(userId, UUID.randomUUID(), User.now().plusDays(refreshFamilyDays));
    }

    /**
     * Spends {@code token} and issues its successor. A token spent before revokes its whole family; that
     * revocation must be committed, so it is reported in the result instead of thrown.
     */
    public Rotation rotate(String token) {
        RefreshToken current = find(token);
        LocalDateTime now = User.now();
        if (current == null || current.isRevoked() || current.isExpired(now)) {
            throw ApiException.unauthorized("The refresh token is invalid, expired or revoked; log in again");
        }
        LocalDateTime familyEnd = em.createQuery("SELECT MIN(t.issuedAt) FROM RefreshToken t WHERE t.familyId = :family",
                LocalDateTime.class).setParameter("family", current.familyId()).getSingleResult().plusDays(refreshFamilyDays);
        if (!now.isBefore(familyEnd)) {
            throw ApiException.unauthorized("This login is older than " + refreshFamilyDays + " days; log in again");
        }
        if (current.isUsed()) {
            revokeFamily(current.familyId());
            LOG.warning(() -> "Refresh token reuse detected for user " + current.userId() + ": family "
                    + current.familyId() + " revoked");
            return new Rotation(current.userId(), null);
        }
        current.markUsed(now);
        return new Rotation(current.userId(), issue(current.userId(), current.familyId(), familyEnd));
    }

    /** {@code next} is null when the token had been used before and its family is now revoked. */
    public record Rotation(Integer userId, Issued next) {

        public boolean reuseDetected() {
            return next == null;
        }
    }

    public void revokeFamilyOf(String token) {
        RefreshToken current = find(token);
        if (current != null) {
            revokeFamily(current.familyId());
        }
    }

    /** Revokes every refresh token of {@code userId} (after a password change: every other session ends). */
    public void revokeAllOf(int userId) {
        em.createNamedQuery(RefreshToken.REVOKE_USER).setParameter("now", User.now()).setParameter("user", userId).executeUpdate();
    }

    private void revokeFamily(UUID family) {
        em.createNamedQuery(RefreshToken.REVOKE_FAMILY).setParameter("now", User.now()).setParameter("family", family).executeUpdate();
    }

    private Issued issue(Integer userId, UUID family, LocalDateTime familyEnd) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDateTime now = User.now();
        LocalDateTime expires = now.plusDays(refreshTokenDays);
        if (expires.isAfter(familyEnd)) {
            expires = familyEnd;
        }
        em.persist(new RefreshToken(userId, family, sha256(token), now, expires));
        return new Issued(token, Duration.between(now, expires));
    }

    private RefreshToken find(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        List<RefreshToken> found = em.createNamedQuery(RefreshToken.FIND_BY_HASH, RefreshToken.class)
                .setParameter("hash", sha256(token))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
