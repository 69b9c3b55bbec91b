package id.narasiahli.schema.migration.control;

import id.narasiahli.observability.control.MigrationEvents;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.liquibase.MigrationLock;
import id.narasiahli.schema.liquibase.SchemaMigrationException;
import id.narasiahli.testsupport.database.DatabaseFacts;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A changeset whose ALTER TABLE waits behind a long transaction on the table (a report holding ACCESS SHARE):
 * the runner's short lock_timeout makes it give up, it is retried with backoff and logged per attempt, and it
 * succeeds once the transaction ends; with the retries used up the migration fails naming the blocking session.
 * Real PostgreSQL and the real Liquibase update, no Payara.
 */
class LockRetryTest {

    private static final String CHANGELOG = "test-changelogs/lock-wait.sql";
    private static final Logger RETRY_LOG = Logger.getLogger(LockRetry.class.getName());
    private static final Logger INDEX_LOG = Logger.getLogger(InvalidIndexes.class.getName());

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private String database;
    private int reportPid;

    @BeforeEach
    void tableInUse() {
        database = TestDatabase.createDatabase("lock_retry");
        TestDatabase.execute(database, "CREATE TABLE lock_items (id INTEGER PRIMARY KEY)");
        RETRY_LOG.addHandler(handler);
        INDEX_LOG.addHandler(handler);
    }

    @AfterEach
    void removeHandler() {
        RETRY_LOG.removeHandler(handler);
        INDEX_LOG.removeHandler(handler);
    }

    @Test
    void ddlBlockedByALongTransactionRetriesAndSucceedsOnceItEnds() throws Exception {
        try (Connection report = longReport()) {
            CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> migrate(new LockRetry("300ms", 50, Duration.ofMillis(100))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (warnings.size() < 2 && System.nanoTime() < deadline && !migration.isDone()) {
                Thread.sleep(50);
            }
            assertFalse(migration.isDone(), "the migration waits while the report's transaction is open");
            assertTrue(warnings.size() >= 2, "two attempts logged: " + warnings);
            assertTrue(warnings.get(0).startsWith("Lock wait: attempt 1 of 51"), warnings.get(0));
            assertTrue(warnings.get(0).contains("application 'long-report'"), warnings.get(0));
            assertEquals(1, DatabaseFacts.migrationLockHolders(database), "between attempts the migration lock stays held");
            report.commit();
            migration.get(60, TimeUnit.SECONDS);
        }
        assertTrue(DatabaseFacts.columnExists(database, "lock_items", "note"));
        assertEquals("1", TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void retriesUsedUpFailTheMigrationNamingTheBlockingSession() throws Exception {
        try (Connection report = longReport()) {
            SchemaMigrationException e = assertThrows(SchemaMigrationException.class,
                    () -> migrate(new LockRetry("200ms", 2, Duration.ofMillis(50))));
            String message = e.getMessage();
            assertTrue(message.contains("after 3 attempts"), message);
            assertTrue(message.contains("waiting for AccessExclusiveLock on relation lock_items"), message);
            assertTrue(message.contains("backend pid " + reportPid + " (application 'long-report'"), message);
            assertTrue(message.contains("query: SELECT count(*) FROM lock_items"), message);
            assertEquals(2, warnings.size(), warnings.toString());
        }
        assertFalse(DatabaseFacts.columnExists(database, "lock_items", "note"));
        assertEquals("0", TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void invalidIndexLeftByAFailedConcurrentBuildIsDroppedAndRebuiltOnRetry() throws Exception {
        TestDatabase.execute(database, "CREATE TABLE codes (id INTEGER PRIMARY KEY, code TEXT);"
                + " INSERT INTO codes VALUES (1, 'a'), (2, 'a'), (3, 'b')");
        LockRetry retry = new LockRetry("2s", 0, Duration.ZERO);
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> migrate(retry, "test-changelogs/invalid-index.sql"));
        assertTrue(String.valueOf(failed.getCause()).contains("could not create unique index"), String.valueOf(failed.getCause()));
        try (Connection c = connection()) {
            assertEquals(List.of(new InvalidIndexes.InvalidIndex("uq_codes_code", "codes")), InvalidIndexes.list(c));
        }
        assertEquals("0", TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));

        TestDatabase.execute(database, "DELETE FROM codes WHERE id = 2");
        migrate(retry, "test-changelogs/invalid-index.sql");
        try (Connection c = connection()) {
            assertEquals(List.of(), InvalidIndexes.list(c));
        }
        assertEquals("t", TestDatabase.queryValue(database,
                "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'uq_codes_code'"),
                "rebuilt, not skipped by IF NOT EXISTS");
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("INVALID index uq_codes_code on codes left by a failed concurrent build")),
                warnings.toString());
        assertEquals("1", TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void invalidSettingsFailNamingTheSetting() {
        assertTrue(assertThrows(SchemaMigrationException.class, () -> new LockRetry("soon", 1, Duration.ZERO))
                .getMessage().contains(LockRetry.TIMEOUT_SETTING + " = 'soon'"));
        assertTrue(assertThrows(SchemaMigrationException.class, () -> new LockRetry("2s", -1, Duration.ZERO))
                .getMessage().contains(LockRetry.RETRIES_SETTING));
        assertEquals(Duration.ofSeconds(30), new LockRetry("2s", 9, Duration.ofSeconds(1)).pause(9), "pauses double up to 30 s");
        assertEquals(Duration.ofSeconds(4), new LockRetry("2s", 9, Duration.ofSeconds(1)).pause(3));
    }

    /** A transaction that read the table and stays open: it holds ACCESS SHARE, which ALTER TABLE waits for. */
    private Connection longReport() throws SQLException {
        Connection report = TestDatabase.dataSource(database).getConnection();
        report.setAutoCommit(false);
        try (Statement s = report.createStatement()) {
            s.execute("SET application_name = 'long-report'");
            reportPid = pid(report);
            s.execute("SELECT count(*) FROM lock_items");
        }
        return report;
    }

    private void migrate(LockRetry retry) {
        migrate(retry, CHANGELOG);
    }

    private void migrate(LockRetry retry, String changelog) {
        try (LiquibaseSession session = LiquibaseSession.forCommands(TestDatabase.dataSource(database).getConnection(), changelog, "production");
             MigrationLock lock = session.migrationLock()) {
            lock.acquire(Duration.ofSeconds(10), activity -> { });
            retry.update(session, new ChangesetTimer(MigrationEvents.NONE, MigrationEvents.Kind.STARTUP), () -> lock.acquire(Duration.ofSeconds(10), activity -> { }), this::connection);
        } catch (SchemaMigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connection() {
        try {
            return TestDatabase.dataSource(database).getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }
}
