package id.narasiahli.schema.migration.control;

import id.narasiahli.schema.liquibase.ChangesetRef;
import id.narasiahli.schema.liquibase.ErrorMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * How long each changeset took when this service applied it (Liquibase records when, not how long), kept
 * in schema_changeset_durations and matched to databasechangelog rows by changeset and deployment id, so
 * a changeset applied, rolled back and applied again shows the duration of the application on record.
 * Bookkeeping only: a failure to record is logged and never fails the migration.
 */
@ApplicationScoped
public class ChangesetDurations {

    public static final String STARTUP = "startup";
    public static final String ADMIN_API = "admin-api";

    private static final Logger LOG = Logger.getLogger(ChangesetDurations.class.getName());

    /** The deployment id is the one Liquibase wrote for the changeset, read back from its row. */
    private static final String INSERT = "INSERT INTO schema_changeset_durations"
            + " (filename, changeset_id, author, deployment_id, exectype, duration_ms, applied_by)"
            + " SELECT ?, ?, ?, (SELECT max(deployment_id) FROM databasechangelog WHERE filename = ? AND id = ? AND author = ?),"
            + " ?, ?, ?";

    public record Key(String file, String id, String author, String deploymentId) {
    }

    @Inject
    DataSource dataSource;

    public void record(List<ChangesetTimer.AppliedChangeset> applied, String appliedBy) {
        if (applied.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            record(connection, applied, appliedBy);
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "Durations of " + applied.size() + " applied changesets not recorded: " + ErrorMessages.databaseError(e));
        }
    }

    /** The same on a connection of the caller's (a command-line run has no datasource); never throws. */
    public static void record(Connection connection, List<ChangesetTimer.AppliedChangeset> applied, String appliedBy) {
        if (applied.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (ChangesetTimer.AppliedChangeset change : applied) {
                ChangesetRef ref = change.changeset();
                insert.setString(1, ref.file());
                insert.setString(2, ref.id());
                insert.setString(3, ref.author());
                insert.setString(4, ref.file());
                insert.setString(5, ref.id());
                insert.setString(6, ref.author());
                insert.setString(7, change.execType());
                insert.setLong(8, change.millis());
                insert.setString(9, appliedBy);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "Durations of " + applied.size() + " applied changesets not recorded: " + ErrorMessages.databaseError(e));
        }
    }

    /** Every recorded duration by changeset and deployment; empty when the table does not exist (yet). */
    public Map<Key, Long> all() {
        try (Connection connection = dataSource.getConnection()) {
            return all(connection);
        } catch (SQLException e) {
            LOG.warning(() -> "Changeset durations unavailable: " + ErrorMessages.oneLine(e));
            return Map.of();
        }
    }

    /** The same on a connection of the caller's. */
    public static Map<Key, Long> all(Connection connection) {
        Map<Key, Long> durations = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT filename, changeset_id, author, deployment_id,"
                     + " duration_ms FROM schema_changeset_durations ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                durations.put(new Key(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)), rows.getLong(5));
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {
                LOG.warning(() -> "Changeset durations unavailable: " + ErrorMessages.oneLine(e));
            }
        }
        return durations;
    }
}
