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
 */
@ApplicationScoped
public class LoginThrottle {

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

    /** Throws 429 when this account or this address already failed {@code limit} times in the window. */
    public void check(String email, String clientAddress) {
        LocalDateTime since = User.now().minus(window());
        retryAfter("email", email, since);
        retryAfter("client_address", clientAddress, since);
    }

    /** Records a failure in its own transaction: it must survive the rollback of the refused login. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String email, String clientAddress) {
        LocalDateTime now = User.now();
        em.createNativeQuery("DELETE FROM login_failures WHERE failed_at < ?1")
                .setParameter(1, Timestamp.valueOf(now.minus(window()))).executeUpdate();
        em.persist(new LoginFailure(email, clientAddress, now));
    }

    public void forgetFailures(String email) {
        em.createNativeQuery("DELETE FROM login_failures WHERE email = ?1").setParameter(1, email).executeUpdate();
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
