package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.ErrorMessages;
import id.narasiahli.schema.liquibase.SchemaMigrationException;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The record of every mutating schema operation: who, what, when, the outcome and why, in
 * schema_operation_audit and in the log. The row is written before the operation runs (STARTED) and completed
 * after it, each time on a connection of its own with auto-commit, so a failed or refused operation is recorded
 * too, and so is one whose instance was killed half-way. An operation can drop this table (a rollback past its
 * changeset); the log line is then the only record, and says so.
 */
@ApplicationScoped
public class OperationAudit {

    private static final Logger LOG = Logger.getLogger(OperationAudit.class.getName());
    private static final String INSTANCE = instanceName();
    private static final int MAX_TEXT = 4000;

    /** STARTED while the operation runs; an operation whose instance died on the way keeps it. */
    public enum Outcome { STARTED, SUCCEEDED, REFUSED, FAILED }

    public record Entry(long id, Instant occurredAt, Integer actorId, String actorName, String operation, String request,
                        String outcome, String detail, String instance) {
    }

    @Inject
    DataSource dataSource;

    /**
     * The row of an operation about to run, written before it runs and completed by {@link #finish}; null when it
     * cannot be written now (the table or its STARTED state is not there yet), and {@link #finish} then writes it whole.
     */
    public Long start(Actor actor, String operation, String request) {
        LOG.info(() -> String.format("Schema operation %s by %s, request %s: STARTED", operation, actor, request));
        try (Connection connection = dataSource.getConnection()) {
            return insert(connection, actor.id(), actor.name(), operation, request, Outcome.STARTED, null, INSTANCE);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /** Completes the row {@link #start} wrote (or writes the whole row when there is none) and logs the outcome. */
    public void finish(Long started, Actor actor, String operation, String request, Outcome outcome, String detail) {
        String line = String.format("Schema operation %s by %s, request %s: %s%s", operation, actor, request, outcome,
                detail == null ? "" : " - " + detail);
        LOG.log(outcome == Outcome.SUCCEEDED ? Level.INFO : Level.WARNING, line);
        try (Connection connection = dataSource.getConnection()) {
            if (started == null || !complete(connection, started, outcome, detail)) {
                insert(connection, actor.id(), actor.name(), operation, request, outcome, detail, INSTANCE);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "The schema operation above is recorded in this log only: schema_operation_audit could not"
                    + " be written (" + ErrorMessages.oneLine(e) + ")");
        }
    }

    /**
     * Writes one row on the caller's connection (the command line has no datasource) and returns its id. Throws when
     * the table is missing or, before changeset 20261202090000, when it does not accept STARTED yet.
     */
    public static long insert(Connection connection, Integer actorId, String actorName, String operation, String request,
                              Outcome outcome, String detail, String instance) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_operation_audit"
                + " (actor_id, actor_name, operation, request, outcome, detail, instance) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            if (actorId == null) {
                insert.setNull(1, Types.INTEGER);
            } else {
                insert.setInt(1, actorId);
            }
            insert.setString(2, actorName);
            insert.setString(3, operation);
            insert.setString(4, cut(request));
            insert.setString(5, outcome.name());
            insert.setString(6, cut(detail));
            insert.setString(7, instance);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Sets the outcome of a STARTED row; false when the row is gone (a rollback dropped and re-created the table). */
    public static boolean complete(Connection connection, long id, Outcome outcome, String detail) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE schema_operation_audit SET outcome = ?, detail = ? WHERE id = ? AND outcome = 'STARTED'")) {
            update.setString(1, outcome.name());
            update.setString(2, cut(detail));
            update.setLong(3, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Newest first unless the request sorts otherwise. */
    public Page<Entry> page(String limit, String offset, String sort) {
        PageRequest page = PageRequest.of(limit, offset, sort, Map.of("occurredAt", "occurred_at"), "-occurredAt");
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM schema_operation_audit");
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT a.id, a.occurred_at, a.actor_id, a.actor_name,"
                    + " a.operation, a.request, a.outcome, a.detail, a.instance FROM schema_operation_audit a"
                    + page.orderClause("a") + " LIMIT ? OFFSET ?")) {
                query.setInt(1, page.limit());
                query.setInt(2, page.offset());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int id = rows.getInt(3);
                        Integer actorId = rows.wasNull() ? null : id;
                        entries.add(new Entry(rows.getLong(1), rows.getTimestamp(2).toInstant(), actorId,
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                                rows.getString(9)));
                    }
                }
            }
            return Page.of(entries, total, page);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                throw SchemaOperationException.trackingTableMissing("schema_operation_audit does not exist in this database"
                        + " (its changeset is not applied); the operations are in the log only");
            }
            throw new SchemaMigrationException("Cannot read schema_operation_audit: " + ErrorMessages.oneLine(e), e);
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + " (pid " + ProcessHandle.current().pid() + ")";
    }
}
