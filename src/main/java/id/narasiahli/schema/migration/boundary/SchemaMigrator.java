package id.narasiahli.schema.migration.boundary;

import id.narasiahli.schema.migration.control.ChangelogManifest;
import id.narasiahli.schema.migration.control.ChangesetDurations;
import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.migration.control.ChangesetTimer;
import id.narasiahli.schema.migration.control.LockRetry;
import id.narasiahli.schema.backup.ServerBackups;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.liquibase.MigrationLock;
import id.narasiahli.schema.liquibase.SchemaSettings;
import id.narasiahli.schema.liquibase.SchemaMigrationException;
import id.narasiahli.schema.migration.control.SchemaMode;
import id.narasiahli.schema.migration.control.SchemaState;
import id.narasiahli.observability.control.MigrationEvents.Kind;
import id.narasiahli.observability.control.MigrationMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import static id.narasiahli.schema.liquibase.ErrorMessages.databaseError;
import static id.narasiahli.schema.liquibase.ErrorMessages.oneLine;

/**
 * Brings the schema to the changelog's head before the application serves (Dataverse's pattern: a
 * bean-managed-transaction startup singleton; other startup beans are {@code @DependsOn} it). Any
 * failure aborts the deployment with a message naming the changeset, setting or database. Instances
 * migrate one at a time under {@link MigrationLock}; what this one is doing meanwhile is in
 * {@link SchemaState}, which readiness reports while the deployment is still running.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Inject
    SchemaSettings settings;

    @Inject
    SchemaState state;

    @Inject
    ChangesetDurations durations;

    @Inject
    MigrationMetrics events;

    /** Pending changesets found in mode validate or off, for the metrics. */
    private int pendingNow;

    @PostConstruct
    void migrate() {
        SchemaMode mode = null;
        try {
            mode = settings.mode();
            List<ChangesetRef> selected = run(mode);
            events.pendingChangesets(mode == SchemaMode.UPDATE ? 0 : pendingNow);
            state.finished(mode, selected);
        } catch (SchemaMigrationException e) {
            state.failed(mode, e.getMessage());
            LOG.severe(e.getMessage());
            throw e;
        }
    }

    private List<ChangesetRef> run(SchemaMode mode) {
        long start = System.nanoTime();
        Duration lockWait = settings.lockWait();
        if (mode != SchemaMode.OFF) {
            Optional<List<ChangesetRef>> head = headByManifest();
            if (head.isPresent()) {
                LOG.info(() -> String.format("Schema at head already: every changeset applied with the checksum the build"
                        + " computed (%s), checked in %d ms without starting Liquibase", ChangelogManifest.RESOURCE, millisSince(start)));
                if (mode == SchemaMode.UPDATE) {
                    logFinished(0, start);
                } else {
                    LOG.info(() -> String.format("Schema validated in %d ms: every changeset applied, checksums match", millisSince(start)));
                }
                return head.get();
            }
        }
        try (LiquibaseSession session = settings.forCommands()) {
            if (mode == SchemaMode.UPDATE) {
                return update(session, lockWait, start);
            }
            List<ChangesetRef> selected = session.selected();
            pendingNow = session.pending().size();
            if (mode == SchemaMode.VALIDATE) {
                validate(session, start);
            } else {
                LOG.info(() -> String.format("Schema mode off: the schema was not checked or changed;"
                        + " %d of %d changesets pending", pendingNow, selected.size()));
            }
            return selected;
        } finally {
            LiquibaseSession.releaseThreadScope();
        }
    }

    /**
     * The selected changesets when the build's {@link ChangelogManifest} shows the database at head (one read of databasechangelog, no
     * Liquibase); empty whenever Liquibase has to judge, which it then does in full.
     */
    private Optional<List<ChangesetRef>> headByManifest() {
        ClassLoader loader = SchemaMigrator.class.getClassLoader();
        try {
            Optional<ChangelogManifest> manifest = ChangelogManifest.load(loader);
            if (manifest.isEmpty()) {
                LOG.info(() -> "No " + ChangelogManifest.RESOURCE + " in this build: Liquibase checks the schema");
                return Optional.empty();
            }
            Optional<String> unusable = manifest.get().unusableFor(settings.changelogFile(), loader);
            if (unusable.isPresent()) {
                LOG.info(() -> "The build's changelog manifest does not apply (" + unusable.get() + "): Liquibase checks the schema");
                return Optional.empty();
            }
            try (Connection connection = settings.connect()) {
                return manifest.get().atHead(connection, settings.contexts());
            }
        } catch (IOException | SQLException | IllegalArgumentException e) {
            LOG.warning(() -> "Cannot use the build's changelog manifest (" + e.getMessage() + "): Liquibase checks the schema");
            return Optional.empty();
        }
    }

    /**
     * Nothing to do when the database is at head already (read without the lock, creating nothing). Otherwise,
     * under the cluster-wide lock: wait while another instance migrates, then apply whatever is still pending
     * (often nothing after a wait), and confirm the database is at head before serving.
     */
    private List<ChangesetRef> update(LiquibaseSession session, Duration lockWait, long start) {
        if (session.atHead()) {
            LOG.info("Schema at head already: every changeset applied, no migration lock needed");
            logFinished(0, start);
            return session.selected();
        }
        ChangesetTimer timer = new ChangesetTimer(state::activity, events, Kind.STARTUP);
        LockRetry lockRetry = settings.lockRetry();
        events.runStarted(Kind.STARTUP);
        long waitStart = System.nanoTime();
        try (MigrationLock lock = session.migrationLock()) {
            try {
                lock.acquire(lockWait, state::activity);
            } finally {
                events.lockWaited(Kind.STARTUP, Duration.ofNanos(System.nanoTime() - waitStart));
            }
            state.activity("backing up rows that pending changesets remove");
            ServerBackups.beforeUpdate(session, settings::connect, session.selection().pending(), "startup",
                    settings.backupRetentionDays(), events, Kind.STARTUP);
            state.activity("running migrations");
            lockRetry.update(session, timer, () -> lock.acquire(lockWait, state::activity), settings::connect);
        } catch (SchemaMigrationException e) {
            events.runFinished(Kind.STARTUP, Duration.ofNanos(System.nanoTime() - start), false);
            throw timer.failed() == null ? e
                    : new SchemaMigrationException("Schema migration failed at changeset " + timer.failed() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            events.runFinished(Kind.STARTUP, Duration.ofNanos(System.nanoTime() - start), false);
            if (timer.failed() != null) {
                throw new SchemaMigrationException("Schema migration failed at changeset " + timer.failed()
                        + ": " + databaseError(e) + ". The changeset was rolled back; "
                        + timer.applied().size() + " changesets before it were applied.", e);
            }
            throw new SchemaMigrationException("Schema migration failed: " + oneLine(e.getMessage()), e);
        }
        durations.record(timer.applied(), ChangesetDurations.STARTUP);
        events.runFinished(Kind.STARTUP, Duration.ofNanos(System.nanoTime() - start), true);
        state.activity("verifying that every changeset is applied");
        List<ChangesetRef> pending = session.pending();
        if (!pending.isEmpty()) {
            throw new SchemaMigrationException("Schema update ended with " + pending.size() + " changesets still pending,"
                    + " first " + pending.get(0) + "; refusing to serve on a schema behind the changelog.");
        }
        logFinished(timer.applied().size(), start);
        return session.selected();
    }

    private void logFinished(int applied, long start) {
        LOG.info(() -> String.format("Schema update finished: %d changesets applied in %d ms (changelog %s, contexts %s)",
                applied, millisSince(start), settings.changelogFile(), settings.contexts()));
    }

    private void validate(LiquibaseSession session, long start) {
        List<String> problems = session.validation().problems();
        List<ChangesetRef> pending = session.pending();
        if (!problems.isEmpty() || !pending.isEmpty()) {
            StringBuilder message = new StringBuilder("Schema mode validate: the database is not at the changelog's head,"
                    + " refusing to start.");
            pending.forEach(ref -> message.append("\n  pending changeset: ").append(ref));
            problems.forEach(problem -> message.append("\n  ").append(problem));
            message.append("\nApply the changesets (schema mode update) or deploy the matching release.");
            throw new SchemaMigrationException(message.toString());
        }
        LOG.info(() -> String.format("Schema validated in %d ms: every changeset applied, checksums match", millisSince(start)));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
