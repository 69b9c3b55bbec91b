package id.narasiahli.schema.migration.batch;

import liquibase.change.custom.CustomTaskChange;
import liquibase.change.custom.CustomTaskRollback;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A data change on a table in use, done in batches: {@code UPDATE t SET <set> WHERE <where>} (or {@code DELETE})
 * for the rows whose primary key lies in the next {@code batchSize} keys, each batch its own transaction with a
 * short {@code lock_timeout} and {@code statement_timeout}, an optional pause between batches. The last key done
 * is written to {@code schema_batch_progress} in the batch's own transaction, so a crash loses at most the batch
 * in flight (rolled back with it) and the next run goes on from there: no batch is done twice.
 *
 * <p>Used as a Liquibase {@code customChange} in a changeset with {@code runInTransaction="false"} (it refuses
 * anything else: inside the deployment's transaction nothing would commit until the end, and every updated row
 * would stay locked); see src/site/markdown/zero-downtime.md for an example. The key must be an integer column.
 */
public class BatchedDataChange implements CustomTaskChange, CustomTaskRollback {

    private static final Logger LOG = Logger.getLogger(BatchedDataChange.class.getName());
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|min)?");
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private String table;
    private String key = "id";
    private String set;
    private String where;
    private String operation = "update";
    private int batchSize = 1000;
    private long pauseMillis;
    private String lockTimeout = "2s";
    private String statementTimeout = "30s";

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            if (!connection.getAutoCommit()) {
                throw new CustomChangeException("The batched " + operation + " of " + table + " must run in a changeset with"
                        + " runInTransaction=\"false\": each batch commits on its own, never inside the deployment's transaction");
            }
            connection.setAutoCommit(false);
            try {
                run(connection, changeKey());
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CustomChangeException("Batched " + operation + " of " + table + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomChangeException("Batched " + operation + " of " + table + " interrupted", e);
        }
    }

    private void run(Connection connection, String changeKey) throws SQLException, InterruptedException {
        begin(connection, changeKey);
        BatchProgress progress = current(connection, changeKey);
        if (progress.finished()) {
            LOG.info(() -> describe(progress) + ": finished before, nothing left to do");
            return;
        }
        if (progress.lastKey() != null) {
            LOG.info(() -> describe(progress) + ": resuming after " + key + " " + progress.lastKey());
        }
        long lastLog = System.nanoTime();
        while (batch(connection, changeKey)) {
            if (System.nanoTime() - lastLog > LOG_EVERY_NANOS) {
                BatchProgress now = current(connection, changeKey);
                LOG.info(() -> describe(now));
                lastLog = System.nanoTime();
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        BatchProgress done = current(connection, changeKey);
        LOG.info(() -> describe(done) + ": finished");
    }

    /** One batch in its own transaction; false when no key is left. */
    private boolean batch(Connection connection, String changeKey) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL lock_timeout = '" + lockTimeout + "'");
            settings.execute("SET LOCAL statement_timeout = '" + statementTimeout + "'");
        }
        BatchProgress progress = BatchProgress.lockRow(connection, changeKey);
        long after = progress.lastKey() == null ? Long.MIN_VALUE : progress.lastKey();
        Long upTo = null;
        try (PreparedStatement next = connection.prepareStatement("SELECT max(" + key + ") FROM (SELECT " + key + " FROM "
                + table + " WHERE " + key + " > ? ORDER BY " + key + " LIMIT ?) batch")) {
            next.setLong(1, after);
            next.setInt(2, batchSize);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                long value = row.getLong(1);
                upTo = row.wasNull() ? null : value;
            }
        }
        if (upTo == null) {
            execute(connection, "UPDATE " + BatchProgress.TABLE + " SET finished_at = now(), updated_at = now() WHERE change_key = ?",
                    changeKey);
            connection.commit();
            return false;
        }
        int rows;
        try (PreparedStatement change = connection.prepareStatement(changeSql())) {
            change.setLong(1, after);
            change.setLong(2, upTo);
            rows = change.executeUpdate();
        }
        try (PreparedStatement record = connection.prepareStatement("UPDATE " + BatchProgress.TABLE + " SET last_key = ?,"
                + " rows_done = rows_done + ?, batches_done = batches_done + 1, updated_at = now() WHERE change_key = ?")) {
            record.setLong(1, upTo);
            record.setLong(2, rows);
            record.setString(3, changeKey);
            record.executeUpdate();
        }
        connection.commit();
        return true;
    }

    private String changeSql() {
        String range = key + " > ? AND " + key + " <= ?" + (where == null || where.isBlank() ? "" : " AND (" + where + ")");
        return "delete".equals(operation) ? "DELETE FROM " + table + " WHERE " + range
                : "UPDATE " + table + " SET " + set + " WHERE " + range;
    }

    private void begin(Connection connection, String changeKey) throws SQLException {
        try (PreparedStatement start = connection.prepareStatement("INSERT INTO " + BatchProgress.TABLE
                + " (change_key, table_name, rows_done, batches_done, total_estimate)"
                + " SELECT ?, ?, 0, 0, GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(?)"
                + " ON CONFLICT (change_key) DO NOTHING")) {
            start.setString(1, changeKey);
            start.setString(2, table);
            start.setString(3, table);
            start.executeUpdate();
        }
        connection.commit();
    }

    private static BatchProgress current(Connection connection, String changeKey) throws SQLException {
        BatchProgress progress = BatchProgress.lockRow(connection, changeKey);
        connection.commit();
        return progress;
    }

    private String describe(BatchProgress p) {
        return String.format("Batched %s of %s: %d rows in %d batches of %d, about %d rows in the table",
                operation, table, p.rowsDone(), p.batchesDone(), batchSize, p.totalEstimate());
    }

    /** Names this change by what it does, so a restart finds its progress and a different change gets its own. */
    String changeKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", table, key, operation,
                    String.valueOf(set), String.valueOf(where)).getBytes(StandardCharsets.UTF_8));
            return table + ":" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rolling back forgets the progress, so running the changeset again does the whole change again. */
    @Override
    public void rollback(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            execute(connection, "DELETE FROM " + BatchProgress.TABLE + " WHERE change_key = ?", changeKey());
        } catch (SQLException e) {
            throw new CustomChangeException("Cannot forget the progress of " + changeKey() + ": " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = new ValidationErrors();
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            errors.addError("BatchedDataChange: table must be a plain lower-case table name, was '" + table + "'");
        }
        if (key == null || !IDENTIFIER.matcher(key).matches()) {
            errors.addError("BatchedDataChange: key must be a plain lower-case column name, was '" + key + "'");
        }
        if (!"update".equals(operation) && !"delete".equals(operation)) {
            errors.addError("BatchedDataChange: operation must be update or delete, was '" + operation + "'");
        }
        if ("update".equals(operation) && (set == null || set.isBlank())) {
            errors.addError("BatchedDataChange: an update needs set (the SET clause)");
        }
        if (batchSize < 1 || pauseMillis < 0) {
            errors.addError("BatchedDataChange: batchSize must be 1 or more and pauseMillis 0 or more");
        }
        if (!DURATION.matcher(lockTimeout).matches() || !DURATION.matcher(statementTimeout).matches()) {
            errors.addError("BatchedDataChange: lockTimeout and statementTimeout must be durations such as 2s or 500ms");
        }
        return errors;
    }

    @Override
    public String getConfirmationMessage() {
        return "Batched " + operation + " of " + table + " done";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    public void setTable(String table) {
        this.table = table;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public void setSet(String set) {
        this.set = set;
    }

    public void setWhere(String where) {
        this.where = where;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public void setBatchSize(String batchSize) {
        this.batchSize = Integer.parseInt(batchSize.strip());
    }

    public void setPauseMillis(String pauseMillis) {
        this.pauseMillis = Long.parseLong(pauseMillis.strip());
    }

    public void setLockTimeout(String lockTimeout) {
        this.lockTimeout = lockTimeout.strip();
    }

    public void setStatementTimeout(String statementTimeout) {
        this.statementTimeout = statementTimeout.strip();
    }
}
