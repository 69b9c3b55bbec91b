package id.narasiahli.schema.migration.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Who blocks the migration: while it runs, a second connection looks every {@value #EVERY_MS} ms at the lock
 * the migration's backend waits for ({@code pg_locks}, not granted) and at the sessions holding it
 * ({@code pg_blocking_pids}), and keeps the last sighting. By the time a statement fails with a lock timeout
 * its wait is over, so only a sighting taken during the wait can name the blocker.
 */
final class LockBlockers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LockBlockers.class.getName());
    private static final long EVERY_MS = 100;
    private static final String BLOCKERS = """
            SELECT w.locktype, COALESCE(w.relation::regclass::text, w.objid::text), w.mode,
                   b.pid, b.application_name, b.usename, b.state,
                   EXTRACT(EPOCH FROM now() - b.xact_start)::bigint, left(b.query, 200)
              FROM pg_locks w
              JOIN pg_stat_activity b ON b.pid = ANY (pg_blocking_pids(w.pid))
             WHERE w.pid = ? AND NOT w.granted""";

    private final Thread thread;
    private volatile String lastSeen;
    private volatile boolean stopped;

    private LockBlockers(int migrationPid, Supplier<Connection> connections) {
        this.thread = new Thread(() -> watch(migrationPid, connections), "schema-lock-blockers");
        this.thread.setDaemon(true);
    }

    static LockBlockers watch(Connection migration, Supplier<Connection> connections) throws SQLException {
        int pid;
        try (Statement s = migration.createStatement(); ResultSet row = s.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            pid = row.getInt(1);
        }
        LockBlockers blockers = new LockBlockers(pid, connections);
        blockers.thread.start();
        return blockers;
    }

    /** The last blocker seen, as a sentence for the log and the failure. */
    String lastSeen() {
        String seen = lastSeen;
        return seen == null ? "no blocking session was seen (it ended before the watcher looked)" : seen;
    }

    private void watch(int migrationPid, Supplier<Connection> connections) {
        try (Connection connection = connections.get();
             PreparedStatement query = connection.prepareStatement(BLOCKERS)) {
            connection.setAutoCommit(true);
            query.setInt(1, migrationPid);
            while (!stopped) {
                String seen = describe(query);
                if (seen != null) {
                    lastSeen = seen;
                }
                Thread.sleep(EVERY_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | SQLException e) {
            LOG.fine(() -> "Lock blocker watcher stopped: " + e);
        }
    }

    private static String describe(PreparedStatement query) throws SQLException {
        List<String> holders = new ArrayList<>();
        String wanted = null;
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                wanted = row.getString(3) + " on " + row.getString(1) + " " + row.getString(2);
                holders.add(String.format("backend pid %d (application '%s', user %s, %s, transaction open %d s, query: %s)",
                        row.getInt(4), row.getString(5), row.getString(6), row.getString(7), row.getLong(8), row.getString(9)));
            }
        }
        return wanted == null ? null : "waiting for " + wanted + ", held by " + String.join("; ", holders);
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
