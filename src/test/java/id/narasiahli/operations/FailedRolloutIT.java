package id.narasiahli.operations;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.DatabaseFacts;
import id.narasiahli.testsupport.database.MigrationGate;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.payara.Readiness;
import id.narasiahli.testsupport.database.TestDatabase;
import id.narasiahli.testsupport.payara.TestWar;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A release whose changelog holds a failing changeset, rolled out to two instances while one instance of the
 * previous release serves. The changelog travels in the WAR, so "every instance" of the broken release runs
 * into the same changeset: one runs it while the other reports that it waits for that one's lock; then each
 * fails on it and aborts its deployment with the same message. The previous release keeps serving, since the
 * failed changeset rolled back. The next release adds a fixing changeset, and both of its instances recover.
 */
class FailedRolloutIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(300);
    private static final String BROKEN = "liquibase/test/rollout-broken.sql::rollout_broken::test";
    private static final Pattern FAILURE = Pattern.compile("Schema migration failed at changeset [^\\n]*");

    @Test
    void everyInstanceOfTheBrokenReleaseIsNotReadyWithTheSameReasonAndAllRecoverWithTheFix() {
        String database = TestDatabase.createDatabase("rollout");
        Changelogs.update(database); // the previous release is at head
        int previousRelease = DatabaseFacts.recordedChangesets(database);
        Path war = TestWar.withTestChangelogs();
        Map<String, String> broken = Map.of("NARASI_SCHEMA_CHANGELOG", "liquibase/test/rollout-broken-master.xml");

        try (PayaraMicroProcess previous = PayaraMicroProcess.launch("rollout-previous", database, Map.of(), war)) {
            try (MigrationGate gate = MigrationGate.shut(database);
                 PayaraMicroProcess first = PayaraMicroProcess.launch("rollout-broken-1", database, broken, war);
                 PayaraMicroProcess second = PayaraMicroProcess.launch("rollout-broken-2", database, broken, war)) {
                String inside = gate.awaitArrival(TIMEOUT);
                PayaraMicroProcess running = inside.contains(" pid " + first.pid() + " on ") ? first : second;
                PayaraMicroProcess waiting = running == first ? second : first;
                assertTrue(awaitReason(running, "applying changeset " + BROKEN).contains(BROKEN));
                assertTrue(awaitReason(waiting, "waiting for the migration lock held by").contains(" pid " + running.pid() + " on "),
                        "the waiting instance names the one that migrates");
                previous.awaitReady(TIMEOUT); // at head already, it needs no lock: a rollout does not block it

                gate.open();
                first.awaitBoot();
                second.awaitBoot();
                String failure = failure(first);
                assertTrue(failure.startsWith("Schema migration failed at changeset " + BROKEN
                        + ": ERROR: relation \"rollout_parts\" does not exist"), failure);
                assertEquals(failure, failure(second), "both instances ran into the same changeset and error");
                for (PayaraMicroProcess instance : List.of(first, second)) {
                    Readiness readiness = instance.readiness();
                    assertEquals(503, readiness.status(), readiness.body());
                    // The deployment was aborted (issue 2), so Payara has no check of ours left to call.
                    assertTrue(readiness.body().contains("No Application deployed"), readiness.body());
                }
                assertTrue(previous.readiness().ready(), "the previous release keeps serving: the changeset rolled back");
            }
            assertFalse(DatabaseFacts.tableExists(database, "rollout_widgets"), "nothing of the failed changeset is left");
            assertEquals(previousRelease, DatabaseFacts.recordedChangesets(database));
            assertEquals(0, DatabaseFacts.migrationLockHolders(database));

            Map<String, String> fixed = Map.of("NARASI_SCHEMA_CHANGELOG", "liquibase/test/rollout-fixed-master.xml");
            try (PayaraMicroProcess first = PayaraMicroProcess.launch("rollout-fixed-1", database, fixed, war);
                 PayaraMicroProcess second = PayaraMicroProcess.launch("rollout-fixed-2", database, fixed, war)) {
                first.awaitReady(TIMEOUT);
                second.awaitReady(TIMEOUT);
                assertTrue(previous.readiness().ready(), "the previous release's changesets are all still applied");
            }
        }
        assertTrue(DatabaseFacts.tableExists(database, "rollout_widgets"));
        DatabaseFacts.assertEveryChangesetRecordedOnce(database, previousRelease + 2);
    }

    /** Polls readiness until the schema check's reason contains {@code expected}; returns that reason. */
    private static String awaitReason(PayaraMicroProcess instance, String expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Readiness readiness = instance.readiness();
        while (readiness.schemaReason() == null || !readiness.schemaReason().contains(expected)) {
            assertTrue(System.nanoTime() < deadline, "expected '" + expected + "', last " + readiness + ", log " + instance.logFile());
            sleep();
            readiness = instance.readiness();
        }
        assertEquals(503, readiness.status());
        return readiness.schemaReason();
    }

    private static String failure(PayaraMicroProcess instance) {
        Matcher matcher = FAILURE.matcher(instance.log());
        assertTrue(matcher.find(), "no migration failure in " + instance.logFile());
        return matcher.group();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
