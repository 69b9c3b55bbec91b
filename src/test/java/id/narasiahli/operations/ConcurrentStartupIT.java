package id.narasiahli.operations;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.DatabaseFacts;
import id.narasiahli.testsupport.payara.Measured;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.database.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Several instances of the production command (separate JVMs, own ports, one database) started at the same
 * moment on an empty database: the migration lock lets exactly one apply the changelog, the others wait,
 * confirm the schema is at head and serve. (StartupIT measures the single-instance baseline.)
 */
class ConcurrentStartupIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Pattern ERROR = Pattern.compile("SEVERE|\\bERROR\\b");

    @Test
    void threeInstancesStartedTogetherOnAnEmptyDatabaseAllBecomeReadyAndApplyEachChangesetOnce() {
        String database = TestDatabase.createDatabase("together");
        List<PayaraMicroProcess> instances = new ArrayList<>();
        try {
            for (String name : List.of("together-1", "together-2", "together-3")) {
                instances.add(PayaraMicroProcess.launch(name, database, Map.of(), war()));
            }
            List<Duration> ready = new ArrayList<>();
            for (PayaraMicroProcess instance : instances) {
                ready.add(instance.awaitReady(READY_TIMEOUT));
            }
            Measured.record("3 instances together, empty database, launch to all ready", Collections.max(ready));

            int changesets = Changelogs.productionChangesets().size();
            int applied = 0;
            for (PayaraMicroProcess instance : instances) {
                assertNoErrorLogged(instance);
                applied += instance.log().split("Applied changeset ", -1).length - 1;
            }
            assertEquals(changesets, applied, "the lock let exactly one instance apply each changeset");
            DatabaseFacts.assertEveryChangesetRecordedOnce(database, changesets);
        } finally {
            instances.forEach(PayaraMicroProcess::close);
        }
    }

    private static Path war() {
        return Path.of(System.getProperty("narasi.it.war"));
    }

    private static void assertNoErrorLogged(PayaraMicroProcess instance) {
        assertFalse(ERROR.matcher(instance.log()).find(), "no SEVERE or ERROR in " + instance.logFile());
    }
}
