package id.narasiahli.schema.backup;

import id.narasiahli.observability.control.MigrationEvents;
import id.narasiahli.observability.control.MigrationEvents.Kind;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import liquibase.changelog.ChangeSet;

import java.sql.Connection;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The table-level backups of the server's own runs (startup migration, admin API apply and rollback): the rows
 * the changesets' destructive statements would remove are copied into narasi_backup on a connection of its own
 * (auto-commit, so they are kept even when the change then fails), in the session's Liquibase scope, under the
 * migration lock the caller holds. A backup that cannot be taken stops the change: nothing is dropped unsaved.
 */
public final class ServerBackups {

    /**
     * The changesets whose rollback drops the accounts or the audit of schema operations: refused in the production
     * contexts by the admin API, and by the command line unless --allow-destructive-baseline is given.
     */
    public static final List<String> BASELINE = List.of("20261121100000_create_users", "20261121140000_create_schema_operation_audit");

    private static final Logger LOG = Logger.getLogger(ServerBackups.class.getName());

    private ServerBackups() {
    }

    /** Before applying {@code changesets} (in changelog order); each backup is reported to {@code events}. */
    public static List<BackupRecord> beforeUpdate(LiquibaseSession session, Supplier<Connection> connect, List<ChangeSet> changesets,
                                                  String createdBy, int retentionDays, MigrationEvents events, Kind kind) {
        return report(take(session, connect, false, changesets, createdBy, retentionDays), events, kind);
    }

    /** Before rolling back {@code changesets} (newest first, as Liquibase runs them). */
    public static List<BackupRecord> beforeRollback(LiquibaseSession session, Supplier<Connection> connect, List<ChangeSet> changesets,
                                                    String createdBy, int retentionDays, MigrationEvents events, Kind kind) {
        return report(take(session, connect, true, changesets, createdBy, retentionDays), events, kind);
    }

    private static List<BackupRecord> report(List<BackupRecord> taken, MigrationEvents events, Kind kind) {
        taken.forEach(b -> events.backupTaken(kind, b.kind(), b.rowCount() == null ? 0 : b.rowCount()));
        return taken;
    }

    private static List<BackupRecord> take(LiquibaseSession session, Supplier<Connection> connect, boolean rollback,
                                           List<ChangeSet> changesets, String createdBy, int retentionDays) {
        List<BackupRecord> taken = session.call("back up the rows the changesets remove", () -> {
            var destructive = rollback ? ChangesetBackups.ofRollback(changesets) : ChangesetBackups.ofUpdate(changesets);
            if (destructive.values().stream().allMatch(List::isEmpty)) {
                return List.of();
            }
            try (Connection connection = connect.get()) {
                connection.setAutoCommit(true);
                return ChangesetBackups.take(connection, destructive, createdBy, retentionDays);
            }
        });
        taken.forEach(b -> LOG.info(() -> "Backed up " + b.rowCount() + " rows of " + b.sourceTable()
                + (b.sourceColumn() == null ? "" : "." + b.sourceColumn()) + " into narasi_backup." + b.backupTable()
                + " (backup " + b.id() + ") before " + b.origin()));
        return taken;
    }
}
