package id.narasiahli.schema.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copies of the rows a destructive change removes, made just before it runs: one table in schema
 * {@value #SCHEMA} per change, named after the changeset and the time, recorded in schema_backups with the
 * table (and column) it came from, the statement, the row count and when it expires. A dropped column is kept
 * with the table's primary key, so its values go back to the same rows. Works on a connection of its own in
 * auto-commit: a backup is kept even when the change after it fails.
 */
public final class TableBackups {

    public static final String SCHEMA = "narasi_backup";
    /** The record of backups is never backed up into itself (its own rollback drops it and the schema). */
    private static final String RECORDS = "schema_backups";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final int NAME_LIMIT = 63;

    private final Connection connection;

    public TableBackups(Connection connection) {
        this.connection = connection;
    }

    /** Whether this database has schema_backups (its changeset applied). */
    public boolean available() throws SQLException {
        return exists(RECORDS, null);
    }

    /**
     * Backs up what {@code changes} would remove, where the table (and column) exists and holds data to lose;
     * first drops the backups whose retention ended. Returns the backups made.
     */
    public List<BackupRecord> take(String origin, List<DestructiveChange> changes, String createdBy, int retentionDays)
            throws SQLException {
        connection.setAutoCommit(true);
        purgeExpired();
        List<BackupRecord> taken = new ArrayList<>();
        for (DestructiveChange change : changes) {
            if (change.table().equals(RECORDS) || !exists(change.table(), change.column()) || !hasRows(change.table())) {
                continue; // an empty table loses nothing, and an empty copy would only keep narasi_backup from being dropped
            }
            taken.add(backUp(origin, change, createdBy, retentionDays));
        }
        return taken;
    }

    private boolean hasRows(String table) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT EXISTS (SELECT 1 FROM public." + quote(table) + ")")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private BackupRecord backUp(String origin, DestructiveChange change, String createdBy, int retentionDays) throws SQLException {
        List<String> keys = primaryKey(change.table());
        boolean column = change.kind() == DestructiveChange.Kind.DROP_COLUMN && !keys.isEmpty();
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_backups (kind, created_by, origin,"
                + " operation, source_table, source_column, key_columns, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, now() + make_interval(days => ?)) RETURNING id")) {
            insert.setString(1, column ? "column" : "table");
            insert.setString(2, createdBy);
            insert.setString(3, origin);
            insert.setString(4, change.statement());
            insert.setString(5, change.table());
            insert.setString(6, column ? change.column() : null);
            insert.setString(7, String.join(",", keys));
            insert.setInt(8, retentionDays);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        String name = backupName(origin, id);
        String selected = column ? String.join(", ", keys.stream().map(TableBackups::quote).toList()) + ", " + quote(change.column()) : "*";
        long rows;
        try (Statement copy = connection.createStatement()) {
            copy.execute("CREATE TABLE " + SCHEMA + "." + quote(name) + " AS SELECT " + selected + " FROM public." + quote(change.table()));
            try (ResultSet count = copy.executeQuery("SELECT count(*) FROM " + SCHEMA + "." + quote(name))) {
                count.next();
                rows = count.getLong(1);
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE schema_backups SET backup_table = ?, row_count = ? WHERE id = ?")) {
            update.setString(1, name);
            update.setLong(2, rows);
            update.setLong(3, id);
            update.executeUpdate();
        }
        return find(id);
    }

    /**
     * Why rolling back the changeset that creates schema_backups (it drops schema narasi_backup, which refuses
     * while it holds tables) cannot keep the backups: the kept ones, and the existing rows {@code changes} would
     * remove. Empty when nothing would be lost.
     */
    public List<String> lostWithTheBackupSchema(List<DestructiveChange> changes) throws SQLException {
        List<String> lost = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + SCHEMA + "'")) {
            rows.next();
            if (rows.getInt(1) > 0) {
                lost.add(rows.getInt(1) + " table-level backups kept in " + SCHEMA);
            }
        }
        for (DestructiveChange change : changes) {
            if (!change.table().equals(RECORDS) && exists(change.table(), change.column())) {
                try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(
                        "SELECT EXISTS (SELECT 1 FROM public." + quote(change.table()) + ")")) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        lost.add("the rows of " + change.table() + (change.column() == null ? "" : "." + change.column()));
                    }
                }
            }
        }
        return lost;
    }

    /** Every backup, newest first, dumps included. */
    public List<BackupRecord> list() throws SQLException {
        List<BackupRecord> all = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery(SELECT + " ORDER BY id DESC")) {
            while (rows.next()) {
                all.add(record(rows));
            }
        }
        return all;
    }

    public BackupRecord find(long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT + " WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new BackupException("There is no backup " + id + " (see the list: backups)");
                }
                return record(rows);
            }
        }
    }

    /**
     * Puts the rows of table-level backup {@code id} back: a table's rows are inserted where their key is not
     * taken (ON CONFLICT DO NOTHING) and its sequences moved past them; a column's values are written to the
     * rows with the same primary key. The table (and column) must exist again: apply its changeset first.
     */
    public BackupRecord restore(long id) throws SQLException {
        BackupRecord backup = find(id);
        if ("dump".equals(backup.kind())) {
            throw new BackupException("Backup " + id + " is a pg_dump archive (" + backup.file() + "): restore it with pg_restore");
        }
        if (backup.backupTable() == null || !existsIn(SCHEMA, backup.backupTable(), null)) {
            throw new BackupException("The rows of backup " + id + " are gone (retention purged them, or they were never copied)");
        }
        if (!exists(backup.sourceTable(), backup.sourceColumn())) {
            throw new BackupException("Cannot restore backup " + id + ": " + (backup.sourceColumn() == null
                    ? "table " + backup.sourceTable() : "column " + backup.sourceTable() + "." + backup.sourceColumn())
                    + " does not exist now. Apply the changeset that creates it again (update), then restore.");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long restored = "column".equals(backup.kind()) ? restoreColumn(backup) : restoreTable(backup);
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE schema_backups SET restored_at = now(), restored_rows = ? WHERE id = ?")) {
                mark.setLong(1, restored);
                mark.setLong(2, id);
                mark.executeUpdate();
            }
            connection.commit();
            return find(id);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private long restoreTable(BackupRecord backup) throws SQLException {
        List<String> now = columns("public", backup.sourceTable());
        List<String> kept = columns(SCHEMA, backup.backupTable());
        List<String> shared = kept.stream().filter(now::contains).map(TableBackups::quote).toList();
        String list = String.join(", ", shared);
        long inserted;
        try (Statement insert = connection.createStatement()) {
            inserted = insert.executeUpdate("INSERT INTO public." + quote(backup.sourceTable()) + " (" + list + ") OVERRIDING SYSTEM VALUE"
                    + " SELECT " + list + " FROM " + SCHEMA + "." + quote(backup.backupTable()) + " ON CONFLICT DO NOTHING");
        }
        for (String column : kept.stream().filter(now::contains).toList()) {
            try (PreparedStatement sequence = connection.prepareStatement("SELECT setval(s, m) FROM (SELECT"
                    + " pg_get_serial_sequence(?, ?) AS s, (SELECT max(" + quote(column) + ") FROM public." + quote(backup.sourceTable())
                    + ")::bigint AS m) x WHERE s IS NOT NULL AND m IS NOT NULL")) {
                sequence.setString(1, "public." + quote(backup.sourceTable()));
                sequence.setString(2, column);
                sequence.execute();
            } catch (SQLException e) {
                if (!"42804".equals(e.getSQLState()) && !"42883".equals(e.getSQLState())) {
                    throw e;
                }
                throw new BackupException("Restored rows of " + backup.sourceTable() + " but column " + column
                        + " cannot move its sequence: " + e.getMessage());
            }
        }
        return inserted;
    }

    private long restoreColumn(BackupRecord backup) throws SQLException {
        List<String> keys = List.of(keyColumns(backup.id()).split(","));
        String join = String.join(" AND ", keys.stream().map(k -> "t." + quote(k) + " = b." + quote(k)).toList());
        try (Statement update = connection.createStatement()) {
            return update.executeUpdate("UPDATE public." + quote(backup.sourceTable()) + " AS t SET " + quote(backup.sourceColumn())
                    + " = b." + quote(backup.sourceColumn()) + " FROM " + SCHEMA + "." + quote(backup.backupTable()) + " AS b WHERE " + join);
        }
    }

    /** Drops the table-level backups whose retention ended and their records; returns how many. */
    public int purgeExpired() throws SQLException {
        List<long[]> ids = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT id, backup_table FROM schema_backups"
                     + " WHERE kind <> 'dump' AND expires_at < now()")) {
            while (rows.next()) {
                ids.add(new long[]{rows.getLong(1)});
                tables.add(rows.getString(2));
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            try (Statement drop = connection.createStatement()) {
                if (tables.get(i) != null) {
                    drop.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + quote(tables.get(i)));
                }
                drop.execute("DELETE FROM schema_backups WHERE id = " + ids.get(i)[0]);
            }
        }
        return ids.size();
    }

    /** Records a pg_dump archive; returns its record. */
    public BackupRecord recordDump(String file, long size, String sha256, String createdBy, String operation) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_backups (kind, created_by, origin,"
                + " operation, file_path, size_bytes, sha256) VALUES ('dump', ?, 'backup command', ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, createdBy);
            insert.setString(2, operation);
            insert.setString(3, file);
            insert.setLong(4, size);
            insert.setString(5, sha256);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return find(row.getLong(1));
            }
        }
    }

    private static final String SELECT = "SELECT id, kind, created_at, created_by, origin, operation, source_table,"
            + " source_column, backup_table, row_count, file_path, size_bytes, sha256, expires_at, restored_at, restored_rows"
            + " FROM schema_backups";

    private static BackupRecord record(ResultSet r) throws SQLException {
        return new BackupRecord(r.getLong(1), r.getString(2), instant(r.getTimestamp(3)), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getString(9), (Long) r.getObject(10), r.getString(11),
                (Long) r.getObject(12), r.getString(13), instant(r.getTimestamp(14)), instant(r.getTimestamp(15)),
                (Long) r.getObject(16));
    }

    private String keyColumns(long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT key_columns FROM schema_backups WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private boolean exists(String table, String column) throws SQLException {
        return existsIn("public", table, column);
    }

    private boolean existsIn(String schema, String table, String column) throws SQLException {
        List<String> columns = columns(schema, table);
        return !columns.isEmpty() && (column == null || columns.contains(column));
    }

    private List<String> columns(String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private List<String> primaryKey(String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)")) {
            query.setString(1, "public." + quote(table));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }

    /** {@code <changeset id>_<UTC time>_<backup id>}, within PostgreSQL's 63 characters. */
    private static String backupName(String origin, long id) {
        String[] parts = origin.split("::");
        String changeset = (parts.length >= 2 ? parts[1] : origin).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String suffix = "_" + STAMP.format(Instant.now()) + "_" + id;
        return changeset.substring(0, Math.min(changeset.length(), NAME_LIMIT - suffix.length())) + suffix;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
