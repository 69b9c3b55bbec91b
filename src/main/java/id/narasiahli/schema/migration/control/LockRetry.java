package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.liquibase.SchemaMigrationException;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.visitor.ChangeExecListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Lock waits of a migration: every statement runs with a short {@code lock_timeout} (a changeset's own
 * {@code SET LOCAL lock_timeout} still wins), so DDL on a busy table gives up quickly instead of queueing every
 * query of the running version behind it; a changeset that gave up (SQLSTATE 55P03) is retried with a doubling
 * pause, up to {@code retries} times, then the migration fails naming the session that held the lock.
 *
 * <p>The retry is of the whole update command, not of one statement: a changeset that fails is rolled back by
 * PostgreSQL and not recorded, so the next command starts at that changeset again and skips nothing. A
 * runInTransaction:false changeset has committed the statements before the one that timed out, so such a changeset
 * must be safe to run again (the lint asks it to hold one statement, with IF [NOT] EXISTS). Before every attempt an
 * INVALID index left by a failed concurrent build of a pending changeset is dropped ({@link InvalidIndexes}). The
 * startup migration and the admin API's apply both run through here.
 */
public record LockRetry(String lockTimeout, int retries, Duration backoff) {

    public static final String TIMEOUT_SETTING = "narasi.schema.lock-timeout";
    public static final String RETRIES_SETTING = "narasi.schema.lock-retries";
    public static final String BACKOFF_SETTING = "narasi.schema.lock-retry-backoff-ms";

    private static final Logger LOG = Logger.getLogger(LockRetry.class.getName());
    private static final Pattern TIMEOUT = Pattern.compile("\\d+\\s*(ms|s|min)?");
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    public LockRetry {
        if (lockTimeout == null || !TIMEOUT.matcher(lockTimeout.strip()).matches()) {
            throw new SchemaMigrationException("Invalid setting " + TIMEOUT_SETTING + " = '" + lockTimeout
                    + "': expected a PostgreSQL duration such as 2s or 500ms (0 = wait without limit)");
        }
        if (retries < 0) {
            throw new SchemaMigrationException("Invalid setting " + RETRIES_SETTING + " = " + retries + ": expected 0 or more");
        }
        if (backoff.isNegative()) {
            throw new SchemaMigrationException("Invalid setting " + BACKOFF_SETTING + " = " + backoff.toMillis() + ": expected 0 or more");
        }
        lockTimeout = lockTimeout.strip();
    }

    /**
     * Runs {@code session.update(listener)} under the migration lock the caller holds. Liquibase's update command
     * releases that lock when it ends, failed or not, so {@code relock} takes it again at once before the pause
     * (should another instance take it in that instant, relock waits, and the next attempt applies whatever that
     * instance left pending). {@code watcher} gives a second connection, used only to see who blocks the migration.
     */
    public void update(LiquibaseSession session, ChangeExecListener listener, Runnable relock, Supplier<Connection> watcher)
            throws Exception {
        run(session, () -> session.selection().pending(), () -> session.update(listener), relock, watcher);
    }

    /** One run of a Liquibase command that applies changesets on the session's connection. */
    @FunctionalInterface
    public interface Attempt {
        void run() throws Exception;
    }

    /**
     * Like {@link #update}, for any command that applies changesets (the admin API applies up to a tag or a count):
     * {@code attempt} runs it, {@code changesets} names the changesets the next attempt would apply (worked out again
     * before each one, when an INVALID index is found), so that only INVALID indexes those changesets build are dropped.
     */
    public void run(LiquibaseSession session, Supplier<List<ChangeSet>> changesets, Attempt attempt, Runnable relock,
                    Supplier<Connection> watcher) throws Exception {
        Connection migration = session.connection();
        try (LockBlockers blockers = LockBlockers.watch(migration, watcher)) {
            for (int number = 1; ; number++) {
                applyTimeout(migration);
                InvalidIndexes.dropThoseBuiltBy(session, changesets);
                try {
                    attempt.run();
                    return;
                } catch (Exception e) {
                    if (!isLockTimeout(e)) {
                        throw e;
                    }
                    String blocker = blockers.lastSeen();
                    if (number > retries) {
                        throw new SchemaMigrationException("Schema migration gave up waiting for a table lock after "
                                + number + " attempts (" + TIMEOUT_SETTING + " " + lockTimeout + ", " + RETRIES_SETTING
                                + " " + retries + "): " + blocker + ". End that transaction (or wait for it) and start again.", e);
                    }
                    relock.run();
                    Duration pause = pause(number);
                    int failed = number;
                    LOG.warning(() -> String.format("Lock wait: attempt %d of %d could not get its lock within %s (%s);"
                            + " retrying in %d ms", failed, retries + 1, lockTimeout, blocker, pause.toMillis()));
                    Thread.sleep(pause.toMillis());
                }
            }
        } finally {
            reset(migration);
        }
    }

    Duration pause(int attempt) {
        Duration pause = backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }

    static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Session-wide, and committed: a failed changeset's rollback must not take the setting with it. */
    private void applyTimeout(Connection connection) throws SQLException {
        execute(connection, "SET lock_timeout = '" + lockTimeout.replace(" ", "") + "'");
    }

    private static void reset(Connection connection) {
        try {
            execute(connection, "RESET lock_timeout");
        } catch (SQLException e) {
            // the connection goes back to the pool, which resets or discards it
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
