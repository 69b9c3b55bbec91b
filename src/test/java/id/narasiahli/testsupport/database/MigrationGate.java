package id.narasiahli.testsupport.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A gate inside a test changeset: the changeset calls {@code pg_advisory_xact_lock(7007)}, which blocks while
 * the test holds that advisory lock. A fixed {@code pg_sleep} would make the test guess when an instance is
 * inside the changeset, and would slow down every instance that runs it after; the gate is exact and opens
 * for all at once. Closing the gate's connection opens it too, so a failing test never leaves it shut.
 */
public final class MigrationGate implements AutoCloseable {

    /** The key the test changelogs wait on (test-changelogs/*.sql). */
    public static final long KEY = 7007;

    private final String database;
    private final Connection connection;

    private MigrationGate(String database, Connection connection) {
        this.database = database;
        this.connection = connection;
    }

    public static MigrationGate shut(String database) {
        try {
            Connection connection = TestDatabase.dataSource(database).getConnection();
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            return new MigrationGate(database, connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a session blocks at the gate and returns its application_name (who is inside the changeset). */
    public String awaitArrival(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String waiter = waiter();
            if (waiter != null) {
                return waiter;
            }
            sleep(200);
        }
        throw new IllegalStateException("Nobody reached the migration gate in " + database + " within " + timeout);
    }

    public void open() {
        try (Statement unlock = connection.createStatement()) {
            unlock.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing the session released the gate either way
        }
    }

    private String waiter() {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                 WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objsubid = 1 AND l.objid = ?
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())""")) {
            query.setLong(1, KEY);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
