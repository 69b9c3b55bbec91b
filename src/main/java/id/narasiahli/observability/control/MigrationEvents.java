package id.narasiahli.observability.control;

import java.time.Duration;
import java.util.Locale;

/**
 * What a schema migration reports while it runs, wherever it runs: {@link MigrationMetrics} inside the application
 * (metrics and alerts), {@link #commandLine(Duration)} in a command-line tool (alerts in the log only). Every
 * method has a do-nothing default so a caller may report only what it knows. Changeset ids are
 * {@code path::id::author} as Liquibase names them; they go to the log, never into a metric tag.
 */
public interface MigrationEvents {

    /** Who started the migration: the metrics' {@code kind} tag. */
    enum Kind {
        STARTUP, ADMIN, CLI;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reports nothing. */
    MigrationEvents NONE = new MigrationEvents() {
    };

    /** For a migration run outside the container: the same alert lines, no metrics. */
    static MigrationEvents commandLine(Duration alertAfter) {
        return MigrationAlerts.standalone(alertAfter);
    }

    default void runStarted(Kind kind) {
    }

    /** How long the run waited for the cluster-wide migration lock before it got it (or gave up). */
    default void lockWaited(Kind kind, Duration waited) {
    }

    default void changesetStarted(Kind kind, String changeset) {
    }

    default void changesetApplied(Kind kind, String changeset, Duration took) {
    }

    default void changesetFailed(Kind kind, String changeset, Duration took) {
    }

    default void runFinished(Kind kind, Duration took, boolean succeeded) {
    }

    /** A table-level backup ({@code backupKind} table or column) of {@code rows} rows, taken before a destructive change. */
    default void backupTaken(Kind kind, String backupKind, long rows) {
    }

    /** Changesets of the changelog not yet applied to the database, as last seen. */
    default void pendingChangesets(int count) {
    }
}
