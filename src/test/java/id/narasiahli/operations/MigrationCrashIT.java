package id.narasiahli.operations;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.DatabaseFacts;
import id.narasiahli.testsupport.payara.Measured;
import id.narasiahli.testsupport.database.MigrationGate;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.payara.TestWar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instance killed with SIGKILL while it holds the migration lock inside a changeset: PostgreSQL ends its
 * session, which rolls the changeset back and frees the lock, and the next instance migrates on its own.
 * The bar is 30 s from the kill to a new instance ready. Nearly all of that is the new instance's own
 * start, so on a machine loaded so heavily that a plain start (the victim's, launch to inside the changeset)
 * takes longer, the bar becomes that plain start plus 10 s; a lock left behind would cost the full lock wait.
 */
class MigrationCrashIT {

    private static final Map<String, String> CRASH_CHANGELOG = Map.of("NARASI_SCHEMA_CHANGELOG", "liquibase/test/crash-master.xml");
    private static final String CRASH_CHANGESET = "liquibase/test/crash-changeset.sql::crash_half_way::test";
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final Duration LOCK_RELEASE_LIMIT = Duration.ofSeconds(5);

    @Test
    void instanceKilledInsideAChangesetLeavesNothingHalfAppliedAndTheNextOneMigratesWithin30Seconds() {
        String database = TestDatabase.createDatabase("crash");
        int changesets = Changelogs.productionChangesets().size() + 1;
        try (MigrationGate gate = MigrationGate.shut(database)) {
            long killedAt;
            Duration plainStart;
            try (PayaraMicroProcess victim = PayaraMicroProcess.launch("crash-victim", database, CRASH_CHANGELOG, TestWar.withTestChangelogs())) {
                long launchedAt = System.nanoTime();
                String inside = gate.awaitArrival(Duration.ofSeconds(180));
                plainStart = Measured.record("crash victim: launch to inside the changeset", Duration.ofNanos(System.nanoTime() - launchedAt));
                assertTrue(inside.contains(" pid " + victim.pid() + " on "), "the victim is inside the changeset: " + inside);
                assertEquals(1, DatabaseFacts.migrationLockHolders(database), "and holds the migration lock");
                assertTrue(victim.readiness().schemaReason().contains("applying changeset " + CRASH_CHANGESET),
                        String.valueOf(victim.readiness()));

                victim.kill();
                killedAt = System.nanoTime();
                Duration released = Measured.record("SIGKILL to migration lock released by PostgreSQL",
                        DatabaseFacts.awaitMigrationLockFree(database, RECOVERY_LIMIT));
                assertTrue(released.compareTo(LOCK_RELEASE_LIMIT) < 0, "lock released after " + released);
            }
            assertFalse(DatabaseFacts.tableExists(database, "crash_marker"), "the changeset's table was rolled back");
            assertFalse(DatabaseFacts.columnExists(database, "users", "crash_flag"), "the changeset's column was rolled back");
            assertEquals(changesets - 1, DatabaseFacts.recordedChangesets(database), "the changeset is not recorded");
            gate.open();

            try (PayaraMicroProcess successor = PayaraMicroProcess.launch("crash-successor", database, CRASH_CHANGELOG, TestWar.withTestChangelogs())) {
                successor.awaitReady(Duration.ofSeconds(180));
                Duration recovery = Measured.record("SIGKILL to a new instance ready with the migration complete",
                        Duration.ofNanos(System.nanoTime() - killedAt));
                Duration limit = RECOVERY_LIMIT.compareTo(plainStart.plusSeconds(10)) >= 0 ? RECOVERY_LIMIT : plainStart.plusSeconds(10);
                assertTrue(recovery.compareTo(limit) < 0, "recovered in " + recovery + " (limit " + limit + ", a plain start took "
                        + plainStart + "), log " + successor.logFile());
                String log = successor.log();
                assertFalse(log.contains("waiting for the migration lock"), "nothing left to wait for: " + successor.logFile());
                assertTrue(log.contains("Applied changeset " + CRASH_CHANGESET), successor.logFile().toString());
            }
        }
        assertTrue(DatabaseFacts.tableExists(database, "crash_marker"));
        assertTrue(DatabaseFacts.columnExists(database, "users", "crash_flag"));
        DatabaseFacts.assertEveryChangesetRecordedOnce(database, changesets);
    }
}
