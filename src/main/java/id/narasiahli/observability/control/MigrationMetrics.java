package id.narasiahli.observability.control;

import id.narasiahli.platform.control.DaemonScheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Migration events as MicroProfile metrics (names in src/site/markdown/observability.md), plus the alerts of
 * {@link MigrationAlerts}. Every series exists from deployment on (zero), so a Prometheus rule sees the first failure
 * as an increase. The changeset id is never a tag: it goes to the alert line instead.
 */
@ApplicationScoped
public class MigrationMetrics implements MigrationEvents {

    @Inject
    MetricRegistry registry;

    @Inject
    ObservabilitySettings settings;

    /**
     * The alerts' watchdogs. Not the container's managed scheduler: its threads are created on demand by the thread
     * that schedules, which here is a migration inside Liquibase's scope, and Liquibase keeps that scope in an
     * InheritableThreadLocal, so a pooled thread would carry it on after undeploy (Payara Server reports the WAR's
     * class loader as leaked). This one thread drops what it inherited before it runs anything.
     */
    private ScheduledExecutorService scheduler;

    private MigrationAlerts alerts;
    private final AtomicReference<Double> pending = new AtomicReference<>(Double.NaN);
    private final Map<Kind, DoubleAdder> lastSuccess = new EnumMap<>(Kind.class);

    @PostConstruct
    void register() {
        scheduler = DaemonScheduler.named("narasi-migration-alerts");
        alerts = new MigrationAlerts(settings.migrationAlertAfter(), scheduler, kind -> overdue(kind).inc());
        for (Kind kind : Kind.values()) {
            for (String outcome : new String[] {"succeeded", "failed"}) {
                runs(kind, outcome);
            }
            applied(kind);
            failed(kind);
            overdue(kind);
            runTime(kind);
            changesetTime(kind);
            lockWait(kind);
            DoubleAdder last = new DoubleAdder();
            lastSuccess.put(kind, last);
            registry.gauge(Metadata.builder().withName("narasi.migration.last_success_timestamp").withUnit(MetricUnits.SECONDS)
                    .withDescription("When the last successful migration run of this kind ended (Unix time; 0: none since start)")
                    .build(), last, DoubleAdder::sum, kind(kind));
        }
        registry.gauge(Metadata.builder().withName("narasi.migration.changesets.pending")
                .withDescription("Changesets of the changelog not applied to the database, as last checked (NaN: not checked yet)")
                .build(), pending, AtomicReference::get);
        registry.gauge(Metadata.builder().withName("narasi.migration.changeset.running").withUnit(MetricUnits.SECONDS)
                .withDescription("How long the longest-running changeset has been running now (0: none runs)")
                .build(), this, m -> m.alerts.runningSeconds());
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** Creates the bean, and so its series, when the application starts rather than at the first migration. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing is enough: CDI instantiates the bean (and runs register) to deliver the event
    }

    /** The alert threshold in force. */
    public Duration alertAfter() {
        return alerts.threshold();
    }

    @Override
    public void runStarted(Kind kind) {
        // runs are counted when they end, with their outcome
    }

    @Override
    public void lockWaited(Kind kind, Duration waited) {
        lockWait(kind).update(waited);
    }

    @Override
    public void changesetStarted(Kind kind, String changeset) {
        alerts.changesetStarted(kind, changeset);
    }

    @Override
    public void changesetApplied(Kind kind, String changeset, Duration took) {
        applied(kind).inc();
        changesetTime(kind).update(took);
        alerts.changesetApplied(kind, changeset, took);
    }

    @Override
    public void changesetFailed(Kind kind, String changeset, Duration took) {
        failed(kind).inc();
        alerts.changesetFailed(kind, changeset, took);
    }

    @Override
    public void runFinished(Kind kind, Duration took, boolean succeeded) {
        runs(kind, succeeded ? "succeeded" : "failed").inc();
        runTime(kind).update(took);
        if (succeeded) {
            DoubleAdder last = lastSuccess.get(kind);
            last.reset();
            last.add(System.currentTimeMillis() / 1000.0);
        }
    }

    @Override
    public void backupTaken(Kind kind, String backupKind, long rows) {
        registry.counter(Metadata.builder().withName("narasi.schema.backups")
                .withDescription("Table-level backups taken before a destructive change, by kind of migration and what they hold"
                        + " (table or column)").build(), kind(kind), new Tag("backup", backupKind)).inc();
        registry.counter(Metadata.builder().withName("narasi.schema.backup_rows")
                .withDescription("Rows copied into table-level backups, by kind of migration").build(), kind(kind)).inc(rows);
    }

    @Override
    public void pendingChangesets(int count) {
        pending.set((double) count);
    }

    private Counter runs(Kind kind, String outcome) {
        return registry.counter(Metadata.builder().withName("narasi.migration.runs")
                .withDescription("Migration runs that ended, by kind and outcome").build(), kind(kind), new Tag("outcome", outcome));
    }

    private Counter applied(Kind kind) {
        return registry.counter(Metadata.builder().withName("narasi.migration.changesets.applied")
                .withDescription("Changesets applied, by kind of migration").build(), kind(kind));
    }

    private Counter failed(Kind kind) {
        return registry.counter(Metadata.builder().withName("narasi.migration.changesets.failed")
                .withDescription("Changesets that failed (and were rolled back), by kind of migration").build(), kind(kind));
    }

    private Counter overdue(Kind kind) {
        return registry.counter(Metadata.builder().withName("narasi.migration.changesets.overdue")
                .withDescription("Changesets that ran longer than the alert threshold (each also logged as MIGRATION ALERT)")
                .build(), kind(kind));
    }

    private Timer runTime(Kind kind) {
        return registry.timer(Metadata.builder().withName("narasi.migration.run").withUnit(MetricUnits.SECONDS)
                .withDescription("Duration of migration runs, by kind").build(), kind(kind));
    }

    private Timer changesetTime(Kind kind) {
        return registry.timer(Metadata.builder().withName("narasi.migration.changeset").withUnit(MetricUnits.SECONDS)
                .withDescription("Duration of each applied changeset, by kind").build(), kind(kind));
    }

    private Timer lockWait(Kind kind) {
        return registry.timer(Metadata.builder().withName("narasi.migration.lock_wait").withUnit(MetricUnits.SECONDS)
                .withDescription("Time spent waiting for the cluster-wide migration lock, by kind").build(), kind(kind));
    }

    private static Tag kind(Kind kind) {
        return new Tag("kind", kind.tag());
    }
}
