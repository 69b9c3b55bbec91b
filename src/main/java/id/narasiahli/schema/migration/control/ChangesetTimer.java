package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.ChangesetRef;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

import id.narasiahli.observability.control.MigrationEvents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/** Logs one line per changeset Liquibase applies, with its duration, and remembers the one that failed. */
public class ChangesetTimer extends AbstractChangeExecListener {

    private static final Logger LOG = Logger.getLogger(ChangesetTimer.class.getName());

    private final Map<ChangesetRef, Long> started = new HashMap<>();
    private final List<AppliedChangeset> applied = new ArrayList<>();
    private final Consumer<String> progress;
    private final MigrationEvents events;
    private final MigrationEvents.Kind kind;
    private ChangesetRef failed;

    /** For runs that report progress nowhere but the log and {@code events} (the admin API's apply, a command-line run). */
    public ChangesetTimer(MigrationEvents events, MigrationEvents.Kind kind) {
        this(activity -> { }, events, kind);
    }

    /** {@code progress} hears which changeset is running, for readiness; {@code events} each start, success and failure. */
    public ChangesetTimer(Consumer<String> progress, MigrationEvents events, MigrationEvents.Kind kind) {
        this.progress = progress;
        this.events = events;
        this.kind = kind;
    }

    public record AppliedChangeset(ChangesetRef changeset, String execType, long millis) {
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.RunStatus runStatus) {
        ChangesetRef ref = ChangesetRef.of(changeSet);
        started.put(ref, System.nanoTime());
        progress.accept("applying changeset " + ref);
        events.changesetStarted(kind, ref.toString());
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
        ChangesetRef ref = ChangesetRef.of(changeSet);
        long millis = elapsedMillis(ref);
        applied.add(new AppliedChangeset(ref, execType.name(), millis));
        events.changesetApplied(kind, ref.toString(), Duration.ofMillis(millis));
        LOG.info(() -> String.format("Applied changeset %s in %d ms (%s)", ref, millis, execType));
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
        failed = ChangesetRef.of(changeSet);
        long millis = elapsedMillis(failed);
        events.changesetFailed(kind, failed.toString(), Duration.ofMillis(millis));
        // MigrationEvents raises the one SEVERE alert line for it; this line keeps the duration in the log
        LOG.info(() -> String.format("Changeset %s failed after %d ms", failed, millis));
    }

    public List<AppliedChangeset> applied() {
        return List.copyOf(applied);
    }

    public ChangesetRef failed() {
        return failed;
    }

    private long elapsedMillis(ChangesetRef ref) {
        Long start = started.remove(ref);
        return start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    }
}
