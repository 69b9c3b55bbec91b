package id.narasiahli.testsupport.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a test database holds right now: tracking rows, the migration lock, tables and columns. */
public final class DatabaseFacts {

    private DatabaseFacts() {
    }

    public static int count(String database, String query) {
        try (Connection c = TestDatabase.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    /** Exactly {@code expected} rows in databasechangelog, none of them twice. */
    public static void assertEveryChangesetRecordedOnce(String database, int expected) {
        assertEquals(0, count(database, "SELECT count(*) FROM (SELECT 1 FROM databasechangelog"
                + " GROUP BY filename, id, author HAVING count(*) > 1) twice"), "a changeset recorded twice");
        assertEquals(expected, count(database, "SELECT count(*) FROM databasechangelog"));
    }

    public static int recordedChangesets(String database) {
        return count(database, "SELECT count(*) FROM databasechangelog");
    }

    /** Sessions holding the migration lock (a two-key session advisory lock) in {@code database}. */
    public static int migrationLockHolders(String database) {
        return count(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    /** Waits until nobody holds the migration lock and returns how long that took. */
    public static Duration awaitMigrationLockFree(String database, Duration timeout) {
        long start = System.nanoTime();
        while (migrationLockHolders(database) > 0) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("The migration lock in " + database + " is still held after " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public static boolean tableExists(String database, String table) {
        return count(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table + "'") > 0;
    }

    public static boolean columnExists(String database, String table, String column) {
        return count(database, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = '" + table + "' AND column_name = '" + column + "'") > 0;
    }
}
