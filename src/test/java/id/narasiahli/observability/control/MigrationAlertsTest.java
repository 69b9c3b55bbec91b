package id.narasiahli.observability.control;

import id.narasiahli.observability.control.MigrationEvents.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migration alert as the command-line tool and the application raise it: one SEVERE line per changeset. */
class MigrationAlertsTest {

    private final Logger logger = Logger.getLogger(MigrationAlerts.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final List<Kind> overdue = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(handler);
        scheduler.shutdownNow();
    }

    @Test
    void aChangesetStillRunningPastTheThresholdIsReportedOnceWhileItRuns() throws InterruptedException {
        MigrationAlerts alerts = new MigrationAlerts(Duration.ofMillis(100), scheduler, overdue::add);
        alerts.changesetStarted(Kind.STARTUP, "a.sql::1::ana");
        // the scheduler's thread logs the alert, then reports it: wait for both
        for (int i = 0; i < 200 && (records.isEmpty() || overdue.isEmpty()); i++) {
            Thread.sleep(50);
        }
        assertTrue(alerts.runningSeconds() > 0.1);
        alerts.changesetApplied(Kind.STARTUP, "a.sql::1::ana", Duration.ofMillis(400));
        assertEquals(List.of("MIGRATION ALERT: changeset a.sql::1::ana has been running for more than 100 ms and has not finished"
                + " (startup migration)"), messages(Level.SEVERE));
        assertEquals(List.of(Kind.STARTUP), overdue);
        assertEquals(0, alerts.runningSeconds(), "it finished");
    }

    @Test
    void aChangesetReportedLongerThanTheThresholdAfterItEndedIsReported() {
        MigrationAlerts alerts = new MigrationAlerts(Duration.ofMinutes(5), scheduler, overdue::add);
        alerts.changesetApplied(Kind.CLI, "b.sql::2::budi", Duration.ofMinutes(7));
        assertEquals(List.of("MIGRATION ALERT: changeset b.sql::2::budi took 7.0 min, longer than the threshold of 5.0 min"
                + " (cli migration)"), messages(Level.SEVERE));
        assertEquals(List.of(Kind.CLI), overdue);
    }

    @Test
    void aQuickChangesetRaisesNothingAndAFailedOneNamesItself() {
        MigrationAlerts alerts = new MigrationAlerts(Duration.ofMinutes(5), scheduler, overdue::add);
        alerts.changesetStarted(Kind.ADMIN, "c.sql::3::citra");
        alerts.changesetApplied(Kind.ADMIN, "c.sql::3::citra", Duration.ofMillis(30));
        assertEquals(List.of(), messages(Level.SEVERE));
        alerts.changesetStarted(Kind.ADMIN, "c.sql::4::citra");
        alerts.changesetFailed(Kind.ADMIN, "c.sql::4::citra", Duration.ofMillis(1200));
        assertEquals(List.of("MIGRATION ALERT: changeset c.sql::4::citra failed after 1200 ms (admin migration)"), messages(Level.SEVERE));
        assertEquals(List.of(), overdue, "a failure is not an overdue changeset");
    }

    @Test
    void theCommandLineGetsTheSameAlertsAndAThresholdMustBePositive() {
        MigrationEvents cli = MigrationEvents.commandLine(Duration.ofMinutes(5));
        cli.changesetFailed(Kind.CLI, "d.sql::5::dewi", Duration.ofSeconds(2));
        assertEquals(List.of("MIGRATION ALERT: changeset d.sql::5::dewi failed after 2000 ms (cli migration)"), messages(Level.SEVERE));
        assertThrows(IllegalArgumentException.class, () -> new MigrationAlerts(Duration.ZERO, scheduler, overdue::add));
        MigrationEvents.NONE.changesetFailed(Kind.CLI, "e.sql::6::eka", Duration.ofSeconds(1));
        assertEquals(1, records.size(), "NONE reports nothing");
    }

    private List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }
}
