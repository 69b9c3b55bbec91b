package id.narasiahli.schema.backup;

import liquibase.change.Change;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.changelog.ChangeSet;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.RollbackImpossibleException;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changesets about to run would destroy, read from the SQL Liquibase generates for them (formatted SQL as
 * written, other change types as their generators write them), and the backups of it. One call for every caller
 * that runs changesets: the command line, and (to be wired) the server's startup migration and admin API. Call
 * inside a Liquibase scope, with the migration lock held, just before the changesets run.
 */
public final class ChangesetBackups {

    private ChangesetBackups() {
    }

    /** The destructive statements of {@code changesets} applied forward, by changeset ({@code file::id::author}). */
    public static Map<String, List<DestructiveChange>> ofUpdate(List<ChangeSet> changesets) {
        Map<String, List<DestructiveChange>> found = new LinkedHashMap<>();
        for (ChangeSet changeSet : changesets) {
            found.put(ref(changeSet), destructive(changeSet.getChanges(), false));
        }
        return found;
    }

    /** The destructive statements of rolling back {@code changesets} (newest first, as Liquibase runs them). */
    public static Map<String, List<DestructiveChange>> ofRollback(List<ChangeSet> changesets) {
        Map<String, List<DestructiveChange>> found = new LinkedHashMap<>();
        for (ChangeSet changeSet : changesets) {
            boolean explicit = !changeSet.getRollback().getChanges().isEmpty();
            found.put(ref(changeSet), destructive(explicit ? changeSet.getRollback().getChanges() : changeSet.getChanges(), !explicit));
        }
        return found;
    }

    /**
     * Backs up, on {@code connection} (its own, in auto-commit), the rows each destructive statement would remove.
     * Returns the backups made; none when schema_backups does not exist yet (the caller says so).
     */
    public static List<BackupRecord> take(Connection connection, Map<String, List<DestructiveChange>> destructive,
                                          String createdBy, int retentionDays) throws SQLException {
        TableBackups backups = new TableBackups(connection);
        if (destructive.values().stream().allMatch(List::isEmpty) || !backups.available()) {
            return List.of();
        }
        List<BackupRecord> taken = new ArrayList<>();
        for (Map.Entry<String, List<DestructiveChange>> entry : destructive.entrySet()) {
            taken.addAll(backups.take(entry.getKey(), entry.getValue(), createdBy, retentionDays));
        }
        return taken;
    }

    private static List<DestructiveChange> destructive(List<Change> changes, boolean inverted) {
        PostgresDatabase postgres = new PostgresDatabase();
        List<DestructiveChange> found = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof CustomChangeWrapper) {
                // Liquibase "generates" a custom change's SQL by running it (a batched data change would run here);
                // a batched change deletes or updates rows by key and is resumable, it drops nothing
                continue;
            }
            Sql[] sql;
            try {
                sql = inverted ? SqlGeneratorFactory.getInstance().generateSql(change.generateRollbackStatements(postgres), postgres)
                        : SqlGeneratorFactory.getInstance().generateSql(change, postgres);
            } catch (RollbackImpossibleException e) {
                throw new BackupException("Cannot tell what rolling back " + change.getDescription() + " removes: " + e.getMessage(), e);
            }
            for (Sql statement : sql) {
                found.addAll(DestructiveChange.in(statement.toSql()));
            }
        }
        return found;
    }

    private static String ref(ChangeSet changeSet) {
        return changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
    }
}
