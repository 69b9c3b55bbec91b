package id.narasiahli.operations;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.DatabaseFacts;
import id.narasiahli.testsupport.database.MigrationGate;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.payara.TestWar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instance SIGKILLed in the middle of a batched update (test-changelogs/batched-backfill.xml: 30 batches of
 * 100 rows, waiting at the test's gate inside the sixth): the five finished batches stay committed with their
 * progress, the sixth is rolled back, and the next instance resumes after the last key done, so every row is
 * updated exactly once and the progress table agrees.
 */
class BatchedCrashIT {

    private static final Map<String, String> BATCHED_CHANGELOG = Map.of("NARASI_SCHEMA_CHANGELOG", "liquibase/test/batched-master.xml");

    @Test
    void instanceKilledHalfwayThroughABatchedUpdateResumesAndUpdatesEveryRowExactlyOnce() {
        String database = TestDatabase.createDatabase("batched_crash");
        int changesets = Changelogs.productionChangesets().size() + 2;
        try (MigrationGate gate = MigrationGate.shut(database)) {
            try (PayaraMicroProcess victim = PayaraMicroProcess.launch("batched-victim", database, BATCHED_CHANGELOG, TestWar.withTestChangelogs())) {
                String inside = gate.awaitArrival(Duration.ofSeconds(240));
                assertTrue(inside.contains(" pid " + victim.pid() + " on "), "the victim is inside the sixth batch: " + inside);
                assertEquals("500", progress(database, "rows_done"));
                assertEquals("500", TestDatabase.queryValue(database, "SELECT count(*) FROM batch_items WHERE counter = 1"));
                victim.kill();
                DatabaseFacts.awaitMigrationLockFree(database, Duration.ofSeconds(30));
            }
            assertEquals("500", TestDatabase.queryValue(database, "SELECT count(*) FROM batch_items WHERE counter = 1"),
                    "the batch in flight was rolled back, the five before it stayed");
            assertEquals("5", progress(database, "batches_done"));
            assertEquals(changesets - 1, DatabaseFacts.recordedChangesets(database), "the batched changeset is not recorded");
            gate.open();

            try (PayaraMicroProcess successor = PayaraMicroProcess.launch("batched-successor", database, BATCHED_CHANGELOG, TestWar.withTestChangelogs())) {
                successor.awaitReady(Duration.ofSeconds(240));
                String log = successor.log();
                assertTrue(log.contains("Batched update of batch_items: 500 rows in 5 batches of 100") && log.contains("resuming after id 500"),
                        successor.logFile().toString());
            }
        }
        assertEquals("3000", TestDatabase.queryValue(database, "SELECT count(*) FROM batch_items WHERE counter = 1"));
        assertEquals("0", TestDatabase.queryValue(database, "SELECT count(*) FROM batch_items WHERE counter <> 1"), "no row updated twice");
        assertEquals("3000", progress(database, "rows_done"));
        assertEquals("30", progress(database, "batches_done"));
        assertEquals("3000", progress(database, "last_key"));
        assertEquals("t", progress(database, "finished_at IS NOT NULL"));
        DatabaseFacts.assertEveryChangesetRecordedOnce(database, changesets);
    }

    private static String progress(String database, String column) {
        return TestDatabase.queryValue(database, "SELECT " + column + " FROM schema_batch_progress WHERE table_name = 'batch_items'");
    }
}
