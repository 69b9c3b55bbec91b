package id.narasiahli.accounts.control;

import id.narasiahli.accounts.entity.LoginFailure;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.observability.control.AppMetrics;
import id.narasiahli.platform.control.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Refuses logins (429 with Retry-After) after too many failures in the window, per account and per client
 * address, counted in the database so every instance of a cluster sees the same failures.
 * <p>
 * An attempt is recorded as a failure <em>before</em> the password is checked, in one short transaction
 * that holds advisory locks on the account and the address: parallel guesses queue on those locks, so at
 * most {@code limit} of them are ever admitted to the hash check, and the check itself runs without a
 * pooled connection. A successful login then forgets the account's failures, its own attempt included.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)); always taken in this order. */
    private static final int ACCOUNT_LOCK = 15_001;
    private static final int ADDRESS_LOCK = 15_002;

    @PersistenceContext
    EntityManager em;

    @Inject
    AppMetrics metrics;

    @Inject
    @ConfigProperty(name = "narasi.auth.login-failure-limit", defaultValue = "5")
    int limit;

    @Inject
    @ConfigProperty(name = "narasi.auth.login-failure-window-minutes", defaultValue = "15")
    long windowMinutes;

    /**
     * Admits one login attempt and counts it as a failure until {@link #forgetFailures} says otherwise;
     * throws 429 (recording nothing) when this account or this address already used up the window's limit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void admit(String email, String clientAddress) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, hashtext(?2)), pg_advisory_xact_lock(?3, hashtext(?4))")
                .setParameter(1, ACCOUNT_LOCK).setParameter(2, email)
                .setParameter(3, ADDRESS_LOCK).setParameter(4, clientAddress).getSingleResult();
        LocalDateTime now = User.now();
        LocalDateTime since = now.minus(window());
        retryAfter("email", email, since);
        retryAfter("client_address", clientAddress, since);
        em.persist(new LoginFailure(email, clientAddress, now));
    }

    @Transactional
    public void forgetFailures(String email) {
        em.createNativeQuery("DELETE FROM login_failures WHERE email = ?1").setParameter(1, email).executeUpdate();
    }

    /** Deletes failures older than the window; run by a timer, never on the login path. */
    @Transactional
    public int purgeExpired() {
        return em.createNativeQuery("DELETE FROM login_failures WHERE failed_at < ?1")
                .setParameter(1, Timestamp.valueOf(User.now().minus(window()))).executeUpdate();
    }

    private void retryAfter(String column, String value, LocalDateTime since) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), min(failed_at) FROM login_failures WHERE "
                        + column + " = ?1 AND failed_at >= ?2")
                .setParameter(1, value).setParameter(2, Timestamp.valueOf(since)).getSingleResult();
        long failures = ((Number) row[0]).longValue();
        if (failures >= limit) {
            LocalDateTime oldest = ((Timestamp) row[1]).toLocalDateTime();
            metrics.loginThrottled();
            long seconds = Math.max(1, Duration.between(User.now(), oldest.plus(window())).toSeconds() + 1);
            throw ApiException.tooManyRequests("Too many failed logins for this " + ("email".equals(column) ? "account" : "address")
                    + "; try again in " + seconds + " seconds", seconds);
        }
    }

    private Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }
}
