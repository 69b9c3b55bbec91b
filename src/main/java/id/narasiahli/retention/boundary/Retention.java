package id.narasiahli.retention.boundary;

import id.narasiahli.observability.control.AppMetrics;
import id.narasiahli.platform.control.Timestamps;
import id.narasiahli.retention.control.ClusterLock;
import id.narasiahli.retention.control.Purges;
import id.narasiahli.retention.control.RetentionReport;
import id.narasiahli.retention.control.RetentionSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One retention run, in one transaction on one connection: take the cluster lock (or skip), purge expired
 * deleted AI sessions, purge unreferenced files past their grace period, log what went. The timer and the
 * admin endpoint both call this, so what tests exercise is what production runs.
 */
@Stateless
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    /** Ids listed in the log line per kind; the counts are always complete. */
    private static final int LOGGED_IDS = 50;

    @Inject
    DataSource dataSource;

    @Inject
    RetentionSettings settings;

    @Inject
    AppMetrics metrics;

    public RetentionReport run(String trigger) {
        long start = System.nanoTime();
        LocalDateTime now = Timestamps.now();
        LocalDateTime sessionsBefore = now.minus(settings.deletedSessionAge());
        LocalDateTime filesBefore = now.minus(settings.fileGrace());
        // The container enlists this connection in the bean's transaction: the lock and both deletes commit together.
        try (Connection connection = dataSource.getConnection()) {
            if (!ClusterLock.tryLock(connection, ClusterLock.RETENTION)) {
                LOG.info(() -> "Retention (" + trigger + ") skipped: another instance is running it");
                metrics.retentionRan(trigger, false, 0, 0, 0, 0);
                return RetentionReport.skipped(trigger);
            }
            List<Purges.PurgedSession> sessions = Purges.sessions(connection, sessionsBefore, settings.batchSize());
            List<Purges.PurgedFile> files = Purges.files(connection, filesBefore, settings.batchSize());
            RetentionReport report = new RetentionReport(true, trigger, Timestamps.instant(sessionsBefore),
                    Timestamps.instant(filesBefore), sessions.size(),
                    sessions.stream().mapToLong(Purges.PurgedSession::messages).sum(),
                    sessions.stream().mapToLong(Purges.PurgedSession::logs).sum(),
                    files.size(), files.stream().mapToLong(Purges.PurgedFile::bytes).sum(),
                    (System.nanoTime() - start) / 1_000_000);
            log(report, sessions, files);
            metrics.retentionRan(trigger, true, report.sessions(), report.sessionMessages(), report.sessionLogs(), report.files());
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("Retention (" + trigger + ") failed: " + e.getMessage(), e);
        }
    }

    private static void log(RetentionReport report, List<Purges.PurgedSession> sessions, List<Purges.PurgedFile> files) {
        LOG.info(() -> String.format("Retention (%s) removed %d AI sessions deleted before %s (%d messages, %d logs)%s"
                        + " and %d unreferenced files created before %s (%d bytes)%s in %d ms",
                report.trigger(), report.sessions(), report.sessionsDeletedBefore(), report.sessionMessages(), report.sessionLogs(),
                listed(sessions.stream().map(s -> s.id() + "/" + s.aiSessionId() + " of user " + s.userId()).toList()),
                report.files(), report.filesCreatedBefore(), report.fileBytes(),
                listed(files.stream().map(f -> f.id() + " of user " + f.ownerId() + " (" + f.contentType() + ", " + f.bytes() + " bytes)").toList()),
                report.durationMs()));
    }

    private static String listed(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        String shown = items.stream().limit(LOGGED_IDS).collect(Collectors.joining(", ", ": [", ""));
        return shown + (items.size() > LOGGED_IDS ? ", … " + (items.size() - LOGGED_IDS) + " more]" : "]");
    }
}
