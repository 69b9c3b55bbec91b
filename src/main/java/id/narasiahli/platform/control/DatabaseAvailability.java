package id.narasiahli.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Whether the database is reachable, as a probe through the pool finds every
 * {@code narasi.db.probe-interval-ms} (default 1000). While it is not, API requests are answered at once
 * with 503 and Retry-After (DatabaseOutageFilter) instead of each waiting for a connection that cannot be
 * made and then failing; the first probe that gets a valid connection again lets requests through. A pool
 * that is merely busy (every connection in use) is not an outage: only a connection failure counts.
 */
@ApplicationScoped
public class DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());
    private static final int VALID_TIMEOUT_SECONDS = 2;

    @Inject
    DataSource dataSource;


    @Inject
    @ConfigProperty(name = "narasi.db.probe-interval-ms", defaultValue = "1000")
    long probeIntervalMs;

    @Inject
    @ConfigProperty(name = "narasi.db.retry-after-seconds", defaultValue = "5")
    long retryAfterSeconds;

    private volatile String outage;
    private ScheduledExecutorService scheduler;

    /** The probe runs on a daemon thread of its own (DaemonScheduler says why not the container's scheduler). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        scheduler = DaemonScheduler.named("narasi-database-probe");
        scheduler.scheduleWithFixedDelay(this::probe, probeIntervalMs, probeIntervalMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** True while the last probe could not reach the database. */
    public boolean down() {
        return outage != null;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    void probe() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALID_TIMEOUT_SECONDS)) {
                markDown("a pooled connection is no longer valid");
                return;
            }
            if (outage != null) {
                LOG.info("The database is reachable again; API requests are served");
            }
            outage = null;
        } catch (SQLException | RuntimeException e) {
            if (isConnectionFailure(e)) {
                markDown(e.getClass().getSimpleName());
            } // otherwise the pool is busy or something else failed: not an outage, the state stays
        }
    }

    private void markDown(String why) {
        if (outage == null) {
            LOG.warning(() -> "The database is unreachable (" + why + "); API requests get 503 until a probe succeeds");
        }
        outage = why;
    }

    /** A failure to reach the server (refused, reset, timed out, unknown host, or SQLState class 08), anywhere in the chain. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketException || t instanceof EOFException
                    || t instanceof SocketTimeoutException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql.getNextException() != null && sql.getNextException() != t && isConnectionFailure(sql.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }
}
