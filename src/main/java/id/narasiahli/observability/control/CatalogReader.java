package id.narasiahli.observability.control;

import id.narasiahli.platform.control.DatabaseOutage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One short read-only transaction over PostgreSQL's catalog and statistics views for the database health endpoints.
 * Every statement runs under {@code statement_timeout} and {@code lock_timeout} (SET LOCAL: they end with the
 * transaction, the pooled connection keeps its own settings) inside its own savepoint, so a query that times out or
 * meets a lock costs only its own section: the answer lists it under {@code skipped} with the reason. Nothing here
 * takes a table lock other than the ACCESS SHARE lock a size function needs, and the queries skip relations that
 * someone else holds (or waits for) in ACCESS EXCLUSIVE mode, so a migration is never kept waiting by this reader.
 * Columns become JSON fields under their SQL alias.
 */
public final class CatalogReader implements AutoCloseable {

    private static final String QUERY_CANCELED = "57014";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection connection;
    private final boolean autoCommit;
    private final long statementTimeoutMs;
    private final List<JsonObject> skipped = new ArrayList<>();

    private CatalogReader(Connection connection, boolean autoCommit, long statementTimeoutMs) {
        this.connection = connection;
        this.autoCommit = autoCommit;
        this.statementTimeoutMs = statementTimeoutMs;
    }

    /** Opens the read-only transaction; a database that cannot be reached is a 503 ({@link DatabaseOutage}). */
    public static CatalogReader open(DataSource dataSource, long statementTimeoutMs, long lockTimeoutMs) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET TRANSACTION READ ONLY");
                s.execute("SET LOCAL statement_timeout = " + Math.max(1, statementTimeoutMs));
                s.execute("SET LOCAL lock_timeout = " + Math.max(1, lockTimeoutMs));
            }
            return new CatalogReader(connection, autoCommit, statementTimeoutMs);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw DatabaseOutage.unavailable();
        }
    }

    /** The rows of {@code sql}, or an empty array when the section was skipped (see {@link #skipped()}). */
    public JsonArray rows(String section, String sql, Object... parameters) {
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = null;
            try {
                savepoint = connection.setSavepoint();
                JsonArray rows = execute(sql, parameters);
                connection.releaseSavepoint(savepoint);
                return rows;
            } catch (SQLException e) {
                rollbackTo(savepoint, e);
                String state = String.valueOf(e.getSQLState());
                // A relation locked between our look at pg_locks and the size call: once more skips it.
                if (LOCK_NOT_AVAILABLE.equals(state) && attempt == 1) {
                    continue;
                }
                if (LOCK_NOT_AVAILABLE.equals(state) || QUERY_CANCELED.equals(state)) {
                    skip(section, LOCK_NOT_AVAILABLE.equals(state)
                            ? "a relation it reads is locked by another session (lock_timeout): " + message(e)
                            : "did not finish within the statement timeout of " + statementTimeoutMs + " ms");
                    return JsonValue.EMPTY_JSON_ARRAY;
                }
                throw failure(section, e);
            }
        }
    }

    /** The first row of {@code sql}, or an empty object when skipped. */
    public JsonObject row(String section, String sql, Object... parameters) {
        JsonArray rows = rows(section, sql, parameters);
        return rows.isEmpty() ? JsonValue.EMPTY_JSON_OBJECT : rows.getJsonObject(0);
    }

    /** Notes a section this answer leaves out, and why. */
    public void skip(String section, String reason) {
        skipped.add(Json.createObjectBuilder().add("section", section).add("reason", reason).build());
    }

    /** The sections left out of this answer, each with its reason; empty when the answer is complete. */
    public JsonArray skipped() {
        return Json.createArrayBuilder(skipped).build();
    }

    /** Whether a failure means the database is out of reach (a connection or server-state problem). */
    private JsonArray execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            JsonArrayBuilder rows = Json.createArrayBuilder();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    JsonObjectBuilder row = Json.createObjectBuilder();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.add(columns.getColumnLabel(c), json(result.getObject(c)));
                    }
                    rows.add(row);
                }
            }
            return rows.build();
        }
    }

    private static JsonValue json(Object value) throws SQLException {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return Json.createValue(d);
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? Json.createValue(d) : JsonValue.NULL;
        }
        if (value instanceof Timestamp t) {
            return Json.createValue(t.toInstant().toString());
        }
        if (value instanceof OffsetDateTime t) {
            return Json.createValue(t.toInstant().toString());
        }
        if (value instanceof Array array) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            for (Object item : (Object[]) array.getArray()) {
                items.add(json(item));
            }
            return items.build();
        }
        return Json.createValue(value.toString());
    }

    private void rollbackTo(Savepoint savepoint, SQLException cause) {
        try {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private RuntimeException failure(String section, SQLException e) {
        if (DatabaseOutage.in(e)) {
            return DatabaseOutage.unavailable();
        }
        return new IllegalStateException("Database health query '" + section + "' failed: " + message(e), e);
    }

    private static String message(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // the pool validates connections on borrow; a broken one is replaced there
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
