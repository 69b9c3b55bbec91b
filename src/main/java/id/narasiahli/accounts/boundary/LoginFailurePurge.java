package id.narasiahli.accounts.boundary;

import id.narasiahli.accounts.control.LoginThrottle;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes failed logins older than the throttling window every five minutes, so a login never pays for
 * that scan. Not persistent: every instance runs its own, and a delete that finds nothing costs one index
 * range scan (idx_login_failures_failed_at).
 */
@Singleton
public class LoginFailurePurge {

    private static final Logger LOG = Logger.getLogger(LoginFailurePurge.class.getName());

    @Inject
    LoginThrottle throttle;

    @Schedule(minute = "*/5", hour = "*", persistent = false, info = "narasi-login-failure-purge")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        try {
            int deleted = throttle.purgeExpired();
            if (deleted > 0) {
                LOG.fine(() -> "Purged " + deleted + " expired failed logins");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired failed logins failed; the next run tries again", e);
        }
    }
}
