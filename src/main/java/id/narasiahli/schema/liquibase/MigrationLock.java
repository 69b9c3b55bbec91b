package id.narasiahli.schema.liquibase;

import com.github.blagerweij.sessionlock.PGLockService;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockService;

import java.sql.Connection;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The cluster-wide migration lock: a PostgreSQL session advisory lock (liquibase-sessionlock's
 * {@link PGLockService}) on the migration's own connection, so PostgreSQL drops it when that connection
 * ends, however its instance died. Taken before Liquibase's update command starts: the command's own
 * reads and its creation of the tracking table then all happen under it, and its lock request is a no-op.
 * Closing releases the lock and hands the connection back to the pool without any session state of ours.
 */
public final class MigrationLock implements AutoCloseable {

    public static final String WAIT_SETTING = "narasi.schema.lock-wait-seconds";

    private static final Logger LOG = Logger.getLogger(MigrationLock.class.getName());
    /** A try is one cheap function call, and a short recheck is what makes a freed lock picked up at once. */
    private static final Duration RECHECK = Duration.ofSeconds(1);
    private static final Duration LOG_EVERY = Duration.ofSeconds(15);

    private final LockService lockService;
    private final MigrationSession session;

    private MigrationLock(LockService lockService, MigrationSession session) {
        this.lockService = lockService;
        this.session = session;
    }

    /** Called inside Liquibase's scope, so the lock service comes from the WAR's class loader. */
    static MigrationLock of(LockService lockService, Database database, Connection connection) {
        if (!(lockService instanceof PGLockService)) {
            throw new SchemaMigrationException("Liquibase chose the lock service " + lockService.getClass().getName()
                    + " instead of the PostgreSQL session advisory lock (" + PGLockService.class.getName()
                    + "); liquibase-sessionlock must be in WEB-INF/lib. Refusing to migrate with a lock that a"
                    + " crashed instance would leave behind.");
        }
        return new MigrationLock(lockService, MigrationSession.open(connection, database));
    }

    /** {@value #WAIT_SETTING}: how long an instance waits for another one's migration before giving up. */
    public static Duration maxWait(String setting) {
        try {
            long seconds = Long.parseLong(setting == null ? "" : setting.trim());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below with the setting's name
        }
        throw new SchemaMigrationException("Invalid setting " + WAIT_SETTING + " (env NARASI_SCHEMA_LOCK_WAIT_SECONDS) = '"
                + setting + "': expected a whole number of seconds, 0 or more");
    }

    /**
     * Takes the lock, waiting up to {@code maxWait} while another instance holds it; {@code waiting} hears
     * who holds it on every recheck, for readiness.
     */
    public void acquire(Duration maxWait, Consumer<String> waiting) {
        long start = System.nanoTime();
        long nextLog = 0;
        String holder = null;
        while (!tryAcquire()) {
            holder = session.lockHolder();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (waited.compareTo(maxWait) >= 0) {
                throw new SchemaMigrationException("Gave up after " + waited.toSeconds() + " s waiting for the migration lock"
                        + " held by " + holder + ". PostgreSQL releases it when that migration ends or its connection"
                        + " closes; for longer migrations raise " + WAIT_SETTING + " (env NARASI_SCHEMA_LOCK_WAIT_SECONDS).");
            }
            String status = "waiting for the migration lock held by " + holder + "; waited " + waited.toSeconds() + " of "
                    + maxWait.toSeconds() + " s";
            waiting.accept(status);
            if (waited.toNanos() >= nextLog) {
                LOG.info(() -> "Schema update " + status);
                nextLog = waited.toNanos() + LOG_EVERY.toNanos();
            }
            sleep(RECHECK);
        }
        if (holder != null) {
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            LOG.info(() -> "Migration lock acquired after waiting " + seconds + " s; applying what is still pending");
        }
    }

    /** Takes the lock if it is free, at once; false when another session holds it (see {@link #holder()}). */
    public boolean tryAcquire() {
        try {
            return lockService.acquireLock();
        } catch (LiquibaseException e) {
            throw new SchemaMigrationException("Cannot take the migration lock: " + e.getMessage(), e);
        } finally {
            // A waiting loop must not sit "idle in transaction" for minutes (idle_in_transaction_session_timeout).
            session.endTransaction();
        }
    }

    /** Who holds the lock, for people (instance name, backend, client, since when). */
    public String holder() {
        return session.lockHolder();
    }

    @Override
    public void close() {
        try {
            lockService.releaseLock();
        } catch (LiquibaseException | RuntimeException e) {
            LOG.warning(() -> "Releasing the migration lock failed (" + e.getMessage() + "); clearing the session instead");
        }
        session.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaMigrationException("Interrupted while waiting for the migration lock", e);
        }
    }
}
