package id.narasiahli.schema.migration.batch;

import id.narasiahli.observability.control.MigrationEvents;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.liquibase.MigrationLock;
import id.narasiahli.schema.migration.control.ChangesetTimer;
import id.narasiahli.schema.migration.control.LockRetry;
import id.narasiahli.testsupport.database.MigrationGate;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batched update of test-changelogs/batched-backfill.xml, its migration session ended by PostgreSQL in the
 * middle of its sixth batch (pg_terminate_backend: what a SIGKILLed instance's session gets), then run again:
 * the five finished batches stay done and are not redone, the sixth was rolled back with its progress, and the
 * second run finishes the rest, so every row is updated exactly once. MigrationCrashIT-style with a real
 * instance: BatchedCrashIT.
 */
class BatchedDataChangeTest {

    private static final String CHANGELOG = "test-changelogs/batched-master.xml";

    @Test
    void sessionEndedHalfwayResumesAndUpdatesEveryRowExactlyOnce() throws Exception {
        String database = TestDatabase.createDatabase("batched");
        try (MigrationGate gate = MigrationGate.shut(database)) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> migrate(database));
            gate.awaitArrival(Duration.ofSeconds(120));
            assertEquals("500", TestDatabase.queryValue(database, "SELECT rows_done FROM schema_batch_progress"));
            assertEquals("5", TestDatabase.queryValue(database, "SELECT batches_done FROM schema_batch_progress"));
            try (Connection c = TestDatabase.dataSource(database).getConnection()) {
                assertEquals(500L, BatchProgress.all(c).get(0).lastKey());
            }
            assertEquals("500", TestDatabase.queryValue(database, "SELECT count(*) FROM batch_items WHERE counter = 1"),
                    "each finished batch committed on its own, outside any deployment transaction");

            TestDatabase.execute(database, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND NOT granted AND objid = " + MigrationGate.KEY);
            assertThrows(ExecutionException.class, () -> first.get(60, TimeUnit.SECONDS));
            assertEquals("500", TestDatabase.queryValue(database, "SELECT count(*) FROM batch_items WHERE counter = 1"),
                    "the batch in flight was rolled back");
            assertEquals("0", TestDatabase.queryValue(database,
                    "SELECT count(*) FROM databasechangelog WHERE id = 'batched_backfill'"));
            gate.open();
        }
        migrate(database);

        assertEquals("3000", TestDatabase.queryValue(database, "SELECT count(*) FROM batch_items WHERE counter = 1"));
        assertEquals("0", TestDatabase.queryValue(database, "SELECT count(*) FROM batch_items WHERE counter <> 1"));
        try (Connection c = TestDatabase.dataSource(database).getConnection()) {
            List<BatchProgress> progress = BatchProgress.all(c);
            assertEquals(1, progress.size(), progress.toString());
            BatchProgress done = progress.get(0);
            assertEquals(3000, done.rowsDone());
            assertEquals(30, done.batchesDone());
            assertEquals(3000L, done.lastKey());
            assertEquals("batch_items", done.tableName());
            assertNotNull(done.finishedAt());
            assertTrue(done.totalEstimate() >= 0);
        }
        assertEquals("1", TestDatabase.queryValue(database, "SELECT count(*) FROM databasechangelog WHERE id = 'batched_backfill'"));
    }

    @Test
    void aChangeWithNoBatchDoneYetHasNoLastKey() throws Exception {
        String database = TestDatabase.createDatabase("batched_fresh");
        id.narasiahli.testsupport.database.Changelogs.update(database);
        TestDatabase.execute(database, "INSERT INTO schema_batch_progress (change_key, table_name) VALUES ('t:1', 't')");
        try (Connection c = TestDatabase.dataSource(database).getConnection()) {
            assertEquals(null, BatchProgress.all(c).get(0).lastKey(), "not 0: a first batch starts below any key");
        }
    }

    @Test
    void validatesIdentifiersSoParametersCannotCarrySql() {
        BatchedDataChange change = new BatchedDataChange();
        change.setTable("batch_items");
        change.setSet("counter = 1");
        assertTrue(change.validate(null).getErrorMessages().isEmpty());
        change.setTable("batch_items; DROP TABLE users");
        assertTrue(change.validate(null).getErrorMessages().get(0).contains("table must be a plain lower-case table name"));
    }

    private static void migrate(String database) {
        try (LiquibaseSession session = LiquibaseSession.forCommands(TestDatabase.dataSource(database).getConnection(), CHANGELOG, "production");
             MigrationLock lock = session.migrationLock()) {
            lock.acquire(Duration.ofSeconds(30), activity -> { });
            new LockRetry("5s", 0, Duration.ZERO).update(session, new ChangesetTimer(MigrationEvents.NONE, MigrationEvents.Kind.STARTUP),
                    () -> lock.acquire(Duration.ofSeconds(30), activity -> { }), () -> connection(database));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connection(String database) {
        try {
            return TestDatabase.dataSource(database).getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
