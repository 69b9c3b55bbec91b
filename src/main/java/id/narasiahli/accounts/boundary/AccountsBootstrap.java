package id.narasiahli.accounts.boundary;

import id.narasiahli.accounts.control.FirstAdmin;
import id.narasiahli.accounts.control.SigningKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What accounts need before the first request, once the schema is at head: the signing key, the verification
 * keys, the first admin. Then it re-reads the verification keys every
 * {@code narasi.auth.verification-key-refresh-seconds}, the bound on how long a key added or removed by another
 * instance or an operator takes to be accepted or refused here.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
public class AccountsBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountsBootstrap.class.getName());

    @Inject
    SigningKeys signingKeys;

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    @ConfigProperty(name = "narasi.auth.verification-key-refresh-seconds", defaultValue = "30")
    long refreshSeconds;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        signingKeys.activate();
        signingKeys.publishVerificationKeys();
        firstAdmin.ensure();
        long period = Math.max(1, refreshSeconds) * 1000;
        timers.createIntervalTimer(period, period, new TimerConfig("verification-keys", false));
    }

    /** A failed refresh (database away) keeps the keys known so far; the next one tries again. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refreshVerificationKeys() {
        try {
            signingKeys.publishVerificationKeys();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot refresh the verification keys; keeping the current ones: " + e.getMessage());
        }
    }
}
