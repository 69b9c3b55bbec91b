package id.narasiahli.schema.migration.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One batched change's row in {@code schema_batch_progress}: the last key done, written in the same transaction
 * as the batch itself, so after a crash the row says exactly which batches are done.
 */
public record BatchProgress(String changeKey, String tableName, Long lastKey, long rowsDone, int batchesDone,
                            long totalEstimate, Instant startedAt, Instant updatedAt, Instant finishedAt) {

    static final String TABLE = "schema_batch_progress";
    private static final String COLUMNS = "change_key, table_name, last_key, rows_done, batches_done, total_estimate,"
            + " started_at, updated_at, finished_at";

    /** Every batched change this database has seen, newest first; empty before the progress table exists. */
    public static List<BatchProgress> all(Connection connection) throws SQLException {
        List<BatchProgress> all = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY started_at DESC");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                all.add(of(rows));
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // undefined_table: no batched change has a progress table yet
                throw e;
            }
            rollbackIfOpen(connection);
        }
        return all;
    }

    static BatchProgress lockRow(Connection connection, String changeKey) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE change_key = ? FOR UPDATE")) {
            query.setString(1, changeKey);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("No progress row for batched change " + changeKey);
                }
                return of(row);
            }
        }
    }

    private static BatchProgress of(ResultSet row) throws SQLException {
        long key = row.getLong(3);
        Long lastKey = row.wasNull() ? null : key; // right after reading column 3: wasNull speaks of the last read
        return new BatchProgress(row.getString(1), row.getString(2), lastKey, row.getLong(4),
                row.getInt(5), row.getLong(6), instant(row.getTimestamp(7)), instant(row.getTimestamp(8)),
                instant(row.getTimestamp(9)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void rollbackIfOpen(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
