package id.narasiahli.observability.control;

import id.narasiahli.platform.control.DaemonScheduler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The migration alert: one SEVERE line naming the changeset when it fails, or when it has run longer than the
 * threshold (said while it is still running: a hung migration never finishes, so waiting for its end would say
 * nothing). Each line starts with {@link #PREFIX} so a log-based alert can match it. Plain Java, so the command-line
 * tool raises the same alerts as the application.
 */
public final class MigrationAlerts implements MigrationEvents {

    public static final String PREFIX = "MIGRATION ALERT: ";
    private static final Logger LOG = Logger.getLogger(MigrationAlerts.class.getName());

    private final Duration threshold;
    private final ScheduledExecutorService scheduler;
    private final Consumer<Kind> overdue;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(long startedNanos, ScheduledFuture<?> watchdog, boolean[] alerted) {
    }

    /**
     * {@code scheduler} runs the watchdogs (the container's managed scheduler in the application);
     * {@code overdue} hears each changeset that passed the threshold, once.
     */
    public MigrationAlerts(Duration threshold, ScheduledExecutorService scheduler, Consumer<Kind> overdue) {
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("The migration alert threshold must be positive, was " + threshold);
        }
        this.threshold = threshold;
        this.scheduler = scheduler;
        this.overdue = overdue;
    }

    static MigrationAlerts standalone(Duration threshold) {
        return new MigrationAlerts(threshold, DaemonScheduler.named("migration-alerts"), kind -> { });
    }

    public Duration threshold() {
        return threshold;
    }

    /** Seconds the longest-running changeset has been running now; 0 when none runs. */
    public double runningSeconds() {
        long now = System.nanoTime();
        return running.values().stream().mapToLong(r -> now - r.startedNanos()).max().orElse(0) / 1e9;
    }

    @Override
    public void changesetStarted(Kind kind, String changeset) {
        boolean[] alerted = {false};
        long started = System.nanoTime();
        ScheduledFuture<?> watchdog = scheduler.schedule(() -> alertOnce(kind, changeset, alerted,
                        "has been running for more than " + human(threshold) + " and has not finished"),
                threshold.toMillis(), TimeUnit.MILLISECONDS);
        Running previous = running.put(key(kind, changeset), new Running(started, watchdog, alerted));
        if (previous != null) {
            previous.watchdog().cancel(false);
        }
    }

    @Override
    public void changesetApplied(Kind kind, String changeset, Duration took) {
        Running done = finish(kind, changeset);
        if (took.compareTo(threshold) > 0) {
            alertOnce(kind, changeset, done == null ? new boolean[1] : done.alerted(),
                    "took " + human(took) + ", longer than the threshold of " + human(threshold));
        }
    }

    @Override
    public void changesetFailed(Kind kind, String changeset, Duration took) {
        finish(kind, changeset);
        LOG.severe(PREFIX + "changeset " + changeset + " failed after " + human(took) + " (" + kind.tag() + " migration)");
    }

    private Running finish(Kind kind, String changeset) {
        Running done = running.remove(key(kind, changeset));
        if (done != null) {
            done.watchdog().cancel(false);
        }
        return done;
    }

    private void alertOnce(Kind kind, String changeset, boolean[] alerted, String what) {
        synchronized (alerted) {
            if (alerted[0]) {
                return;
            }
            alerted[0] = true;
        }
        LOG.severe(PREFIX + "changeset " + changeset + " " + what + " (" + kind.tag() + " migration)");
        overdue.accept(kind);
    }

    private static String key(Kind kind, String changeset) {
        return kind.tag() + " " + changeset;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : ms < 120_000 ? String.format("%.1f s", ms / 1000.0) : String.format("%.1f min", ms / 60000.0);
    }
}
